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

    /// The static table's screen in front of `encoder` (``SemanticScreen``), or nil when the
    /// table is missing or unusable: then every sentence goes through the full encoder, as before
    /// the table existed, and one line on standard error says how to build it.
    static func screen(_ encoder: SentenceEncoder) -> SemanticScreen? {
        do {
            let cheap = try ModelDirectory.standard().loadStatic(for: encoder)
            return SemanticScreen(full: { encoder.vectors($0) }, cheap: { cheap.vectors($0) }, screen: StaticEncoder.screen)
        } catch {
            printError("retold: \(error.description); until then every sentence goes through the full encoder")
            return nil
        }
    }

    /// Embeddings of two documents' sentences: screened by the static vectors when the table is
    /// installed, every sentence through the full encoder otherwise.
    static func embeddings(_ encoder: SentenceEncoder, _ a: [String], _ b: [String]) -> SentenceEmbeddings {
        if let screen = screen(encoder) { return screen.embeddings(screen.side(a), screen.side(b)).embeddings }
        return SentenceEmbeddings(a: encoder.vectors(a), b: encoder.vectors(b))
    }

    /// The line a text report ends with when the encoder was used.
    static func summary(_ evidence: DerivationEvidence) -> String {
        "Semantic matching (\(ModelDirectory.modelName)): \(evidence.semanticMatches) of B's body sentences restate one of A's "
            + "in meaning, \(evidence.semanticInOrder) of them in A's order.\n"
    }
}
