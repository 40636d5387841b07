import Foundation
import RetoldEncoder

/// How `retold serve` listens and what it accepts.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Bearer token required by writes (`POST /v1/documents`); nil leaves writes open, which
    /// is refused on any address other than loopback.
    public var token: String?
    /// Larger request bodies get 413.
    public var maxBodyBytes: Int
    /// A connection with nothing sent or received for this long is closed (slow or stalled clients).
    public var idleTimeoutSeconds: Int64
    /// A request body must arrive whole within this long (a client sending it a byte at a time
    /// is never idle), else 408 and the connection is closed.
    public var bodyTimeoutSeconds: Int64
    /// Two texts the page compares as soon as it opens (`retold serve --compare A B`).
    public var opening: OpeningComparison?
    /// Where the sentence encoder for `semantic: true` is installed; nil refuses such requests.
    public var modelDirectory: ModelDirectory?

    public struct OpeningComparison: Sendable, Encodable {
        public var a: Side
        public var b: Side
        public struct Side: Sendable, Encodable {
            public var name: String
            public var text: String
            public init(name: String, text: String) { self.name = name; self.text = text }
        }
        public init(a: Side, b: Side) { self.a = a; self.b = b }
    }

    public init(host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
                maxBodyBytes: Int = 5_000_000, idleTimeoutSeconds: Int64 = 30, bodyTimeoutSeconds: Int64 = 60,
                opening: OpeningComparison? = nil, modelDirectory: ModelDirectory? = nil) {
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.bodyTimeoutSeconds = bodyTimeoutSeconds
        self.opening = opening
        self.modelDirectory = modelDirectory
    }

    /// Loopback addresses: only this machine can connect.
    public var bindsLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Why this configuration must not start, if it must not.
    public var refusal: String? {
        if !bindsLoopback && (token ?? "").isEmpty {
            return "refusing to listen on \(host) without a token: anyone who can reach it could write to the index (set --token or RETOLD_TOKEN, or bind 127.0.0.1)"
        }
        if !(0...65_535).contains(port) { return "port \(port) is out of range" }
        if maxBodyBytes < 1 { return "the body limit must be at least 1 byte" }
        if idleTimeoutSeconds < 1 || bodyTimeoutSeconds < 1 { return "the idle and body timeouts must be at least 1 second" }
        return nil
    }
}
