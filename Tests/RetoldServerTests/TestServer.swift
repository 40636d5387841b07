import Foundation
import Hummingbird
import HummingbirdTesting
import RetoldIndex
import RetoldSQLite
import RetoldTestSupport
@testable import RetoldServer

/// The server's application over a fresh index for the length of one test, driven through
/// HummingbirdTesting: in-process through the router by default (no socket, no client
/// timeout), or on a loopback port (`.live`) for what only a connection shows: idle
/// timeouts, and a browser loading the page.
struct TestServer {
    let client: any TestClientProtocol
    let token: String?

    /// The address of a `.live` server; a router-only server has none.
    var base: String { client.port.map { "http://127.0.0.1:\($0)" } ?? "" }

    static func example(_ name: String) throws -> String { try Repository.example(name) }

    static func run(_ setup: TestingSetup = .router, token: String? = nil, maxBodyBytes: Int = 5_000_000,
                    opening: ServerConfiguration.OpeningComparison? = nil, idleTimeoutSeconds: Int64 = 30,
                    bodyTimeoutSeconds: Int64 = 60, _ body: (TestServer) async throws -> Void) async throws {
        let path = NSTemporaryDirectory() + "retold-server-\(UUID().uuidString).db"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await run(setup, index: try SQLiteIndex(path: path), token: token, maxBodyBytes: maxBodyBytes, opening: opening,
                      idleTimeoutSeconds: idleTimeoutSeconds, bodyTimeoutSeconds: bodyTimeoutSeconds, body)
    }

    /// The application over `index`.
    ///
    /// HummingbirdTesting wants a `@Sendable` test closure; tests build their request bodies from
    /// `[String: Any]`, which is not Sendable. So the client is handed out of that closure to
    /// `body`, run in this task, and the closure waits until `body` has finished.
    static func run(_ setup: TestingSetup = .router, index: any DocumentIndex, token: String? = nil, maxBodyBytes: Int = 5_000_000,
                    opening: ServerConfiguration.OpeningComparison? = nil,
                    idleTimeoutSeconds: Int64 = 30, bodyTimeoutSeconds: Int64 = 60,
                    _ body: (TestServer) async throws -> Void) async throws {
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, token: token, maxBodyBytes: maxBodyBytes,
                                                idleTimeoutSeconds: idleTimeoutSeconds, bodyTimeoutSeconds: bodyTimeoutSeconds,
                                                opening: opening)
        let application = try RetoldServer.application(index: index, configuration: configuration, logLevel: .critical)
        let (clients, handOver) = AsyncStream.makeStream(of: (any TestClientProtocol).self)
        let (finished, finish) = AsyncStream.makeStream(of: Never.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await application.test(setup) { client in
                    handOver.yield(client)
                    for await _ in finished {}
                }
            }
            var iterator = clients.makeAsyncIterator()
            guard let client = await iterator.next() else { throw CancellationError() }
            do {
                try await body(TestServer(client: client, token: token))
            } catch {
                finish.finish()
                throw error
            }
            finish.finish()
            try await group.waitForAll()
        }
    }

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
        var text: String { String(decoding: body, as: UTF8.self) }
        var value: JSONValue { get throws { try JSONDecoder().decode(JSONValue.self, from: body) } }
        var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
    }

    func request(_ method: String, _ path: String, json: Any? = nil, raw: Data? = nil, contentType: String = "application/json",
                 authorized: Bool = false) async throws -> Reply {
        var headers = HTTPFields()
        var body: Data? = raw
        if let json { body = try JSONSerialization.data(withJSONObject: json) }
        if body != nil { headers[.contentType] = contentType }
        if authorized, let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(
            uri: path, method: HTTPRequest.Method(method)!, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        var replyHeaders: [String: String] = [:]
        for field in response.headers { replyHeaders[field.name.canonicalName] = field.value }
        return Reply(status: Int(response.status.code), headers: replyHeaders, body: Data(buffer: response.body))
    }

    /// Connects to a `.live` server, sends `head`, then `trickle` one byte every `interval`
    /// seconds until the server answers or closes; returns the status it answered with (nil if
    /// none) and the seconds until it closed (nil if it stayed open past `limit`). The socket is
    /// driven on a thread of its own: blocking a cooperative thread could starve the server's
    /// own tasks, which run in this process.
    func trickle(_ head: String, _ trickle: String, interval: Double, limit: Double) async throws -> (status: Int?, seconds: Double?) {
        let fd = try connected()
        return await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.trickle(fd, head, trickle, interval: interval, limit: limit))
            }
        }
    }

    private static func trickle(_ fd: Int32, _ head: String, _ trickle: String, interval: Double, limit: Double) -> (status: Int?, seconds: Double?) {
        defer { close(fd) }
        _ = head.withCString { send(fd, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: 0, tv_usec: Int(interval * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = Date()
        var received = [UInt8](), buffer = [UInt8](repeating: 0, count: 4096)
        var pending = Array(trickle.utf8)[...]
        var status: Int? {
            let line = String(decoding: received.prefix { $0 != 13 }, as: UTF8.self).split(separator: " ")
            return line.count > 1 ? Int(line[1]) : nil
        }
        while Date().timeIntervalSince(start) < limit {
            if let byte = pending.popFirst() { _ = [byte].withUnsafeBytes { send(fd, $0.baseAddress, 1, Int32(MSG_NOSIGNAL)) } }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
                return (status, Date().timeIntervalSince(start))
            }
            if count > 0 { received += buffer[..<count] }
        }
        return (status, nil)
    }

    private func connected() throws -> Int32 {
        guard let port = client.port.map(UInt16.init) else { throw POSIXError(.ENOTCONN) }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    /// Connects to a `.live` server, sends `bytes`, then waits for the server to close the
    /// connection; returns the seconds that took (nil if it stayed open past `limit`).
    func secondsUntilClosed(afterSending bytes: String, limit: Double) throws -> Double? {
        let fd = try connected()
        defer { close(fd) }
        _ = bytes.withCString { send(fd, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: Int(limit), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let start = Date()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return Date().timeIntervalSince(start) }  // closed by the server
            if count < 0 { return errno == EAGAIN || errno == EWOULDBLOCK ? nil : Date().timeIntervalSince(start) }
        }
    }
}
