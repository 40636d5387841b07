import RetoldCore
import RetoldEncoder

/// The sentence encoder for `--semantic`, loaded once; a missing model is one clear error naming
/// the install command.
enum SemanticEncoding {
    static func load() throws -> SentenceEncoder {
        do {
            return try ModelDirectory.standard().load()
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The line a text report ends with when the encoder was used.
    static func summary(_ evidence: DerivationEvidence) -> String {
        "Semantic matching (\(ModelDirectory.modelName)): \(evidence.semanticMatches) of B's body sentences restate one of A's "
            + "in meaning, \(evidence.semanticInOrder) of them in A's order.\n"
    }
}
