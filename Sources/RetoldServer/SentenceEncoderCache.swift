import RetoldEncoder
import RetoldIndex

/// The sentence encoder for requests with `semantic: true`: loaded from its folder by the first
/// request that asks (on the compute pool: it reads 90 MB of weights) and kept for the next.
/// A server that never gets such a request never holds the model in memory.
actor SentenceEncoderCache {
    let directory: ModelDirectory?
    private var loading: Task<SentenceEncoder, any Error>?

    init(directory: ModelDirectory?) {
        self.directory = directory
    }

    /// The encoder; a request for it on a server without one is a 400 that names the install
    /// command, and no path of the server's.
    func encoder() async throws -> SentenceEncoder {
        guard let directory else { throw Self.missing }
        if loading == nil {
            // Even the check for the files is file-system work: on the pool too.
            loading = Task {
                try await ComputePool.run {
                    guard directory.isPresent else { throw Self.missing }
                    return try directory.load()
                }
            }
        }
        do {
            return try await loading!.value
        } catch let error as APIError {
            loading = nil
            throw error
        } catch {
            // A model that fails to load now may be fixed by a re-install: try again next time.
            loading = nil
            throw APIError.badRequest("the sentence encoder on this server could not be loaded; reinstall it with `retold model install`")
        }
    }

    static let missing = APIError.badRequest(
        "\"semantic\" needs the sentence encoder, which this server does not have: install it with `retold model install` where the server runs")
}
