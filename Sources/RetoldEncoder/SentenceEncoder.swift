/// Sentences in, unit-length 384-dimensional vectors out: the tokenizer and the encoder of
/// all-MiniLM-L6-v2. The cosine of two vectors (their dot product) is the model's similarity.
public struct SentenceEncoder: Sendable {
    public let tokenizer: BertTokenizer
    public let encoder: BertEncoder

    public init(tokenizer: BertTokenizer, encoder: BertEncoder) {
        self.tokenizer = tokenizer
        self.encoder = encoder
    }

    public var dimensions: Int { encoder.weights.width }

    /// One vector per sentence, encoded in batches of `batchSize` (packed, so batch size trades
    /// memory for fewer, larger matrix products).
    public func vectors(_ sentences: [String], batchSize: Int = 32) -> [[Float]] {
        var vectors = [[Float]]()
        vectors.reserveCapacity(sentences.count)
        var start = 0
        while start < sentences.count {
            let end = min(start + batchSize, sentences.count)
            vectors.append(contentsOf: encoder.vectors(sentences[start..<end].map(tokenizer.ids)))
            start = end
        }
        return vectors
    }

    /// The cosine of two unit vectors.
    public static func similarity(_ a: [Float], _ b: [Float]) -> Float {
        var sum: Float = 0
        for index in 0..<min(a.count, b.count) { sum += a[index] * b[index] }
        return sum
    }
}
