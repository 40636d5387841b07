import Hummingbird
import NIOCore

/// Reading a request's body: JSON only, at most `--max-body` bytes, and all of it within
/// `--body-timeout`. The idle timeout cannot cut off a client that sends its body a byte at a
/// time (it is never idle), and such a client would otherwise hold a connection, and the
/// handler waiting for it, as long as it likes.
struct RequestBody {
    let maxBytes: Int
    let timeoutSeconds: Int64

    /// The body's bytes, or the API error the client should get.
    func collect(_ request: Request) async throws -> ByteBuffer {
        if let type = request.headers[.contentType], !Self.isJSON(type) {
            throw APIError(status: .unsupportedMediaType, message: "send the body as application/json (it was \(type.prefix(80)))")
        }
        let (limit, seconds) = (maxBytes, timeoutSeconds)
        let body = request.body
        let collected: ByteBuffer? = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw APIError(status: .contentTooLarge, message: "the body is over the limit of \(limit) bytes", closesConnection: true)
                } catch is CancellationError {
                    return nil
                } catch {
                    // The client went away or broke the framing mid-body: its fault, not the server's.
                    throw APIError.badRequest("the request body was cut off")
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let collected else {
            throw APIError(status: .requestTimeout, message: "the request body did not arrive within \(seconds) s", closesConnection: true)
        }
        return collected
    }

    /// `application/json`, with or without parameters, or a `+json` type.
    static func isJSON(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json"))
    }
}
