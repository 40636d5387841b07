/// The weights of a BERT encoder as all-MiniLM-L6-v2 has them: token, position and segment
/// embeddings, then layers of self-attention and feed-forward, each followed by a layer norm.
/// Linear weights are kept as stored, `[out, in]` row-major (PyTorch's layout).
public struct BertWeights: Sendable {
    public struct Linear: Sendable {
        public let weight: [Float], bias: [Float]
        public let inputs: Int, outputs: Int
    }
    public struct Norm: Sendable {
        public let gain: [Float], bias: [Float]
    }
    public struct Layer: Sendable {
        public let query: Linear, key: Linear, value: Linear, attentionOutput: Linear
        public let attentionNorm: Norm
        public let intermediate: Linear, output: Linear
        public let outputNorm: Norm
    }

    public let width: Int, heads: Int, intermediateWidth: Int, positions: Int, vocabularySize: Int
    public let tokenEmbeddings: [Float], positionEmbeddings: [Float], segmentEmbeddings: [Float]
    public let embeddingNorm: Norm
    public let layers: [Layer]

    /// The shape all-MiniLM-L6-v2 has; any other file is refused by ``init(_:)``.
    public static let miniLM = (width: 384, heads: 12, intermediate: 1536, layers: 6, positions: 512, vocabulary: 30522)

    /// Reads every tensor, checking its name, type and shape.
    public init(_ file: SafeTensors) throws(EncoderError) {
        let shape = Self.miniLM
        width = shape.width; heads = shape.heads; intermediateWidth = shape.intermediate
        positions = shape.positions; vocabularySize = shape.vocabulary
        tokenEmbeddings = try file.floats("embeddings.word_embeddings.weight", shape: [shape.vocabulary, shape.width])
        positionEmbeddings = try file.floats("embeddings.position_embeddings.weight", shape: [shape.positions, shape.width])
        segmentEmbeddings = try file.floats("embeddings.token_type_embeddings.weight", shape: [2, shape.width])
        embeddingNorm = try Self.norm(file, "embeddings.LayerNorm", shape.width)
        var layers = [Layer]()
        for index in 0..<shape.layers {
            let prefix = "encoder.layer.\(index)."
            layers.append(Layer(
                query: try Self.linear(file, prefix + "attention.self.query", shape.width, shape.width),
                key: try Self.linear(file, prefix + "attention.self.key", shape.width, shape.width),
                value: try Self.linear(file, prefix + "attention.self.value", shape.width, shape.width),
                attentionOutput: try Self.linear(file, prefix + "attention.output.dense", shape.width, shape.width),
                attentionNorm: try Self.norm(file, prefix + "attention.output.LayerNorm", shape.width),
                intermediate: try Self.linear(file, prefix + "intermediate.dense", shape.width, shape.intermediate),
                output: try Self.linear(file, prefix + "output.dense", shape.intermediate, shape.width),
                outputNorm: try Self.norm(file, prefix + "output.LayerNorm", shape.width)))
        }
        self.layers = layers
    }

    private static func linear(_ file: SafeTensors, _ name: String, _ inputs: Int, _ outputs: Int) throws(EncoderError) -> Linear {
        Linear(weight: try file.floats(name + ".weight", shape: [outputs, inputs]),
               bias: try file.floats(name + ".bias", shape: [outputs]), inputs: inputs, outputs: outputs)
    }

    private static func norm(_ file: SafeTensors, _ name: String, _ width: Int) throws(EncoderError) -> Norm {
        Norm(gain: try file.floats(name + ".weight", shape: [width]), bias: try file.floats(name + ".bias", shape: [width]))
    }
}
