/// Why an input could not be read as text. `description` is one line naming the input and the
/// reason, without a program-name prefix (the CLI adds `retold: `).
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// No such file (or a path component is not a directory).
        case missing
        case isDirectory
        /// The system refused to open or read it; the payload is the reason in lower case,
        /// e.g. "permission denied".
        case unreadable(String)
        /// NUL bytes, or many control bytes, near the start.
        case binary
        /// Not UTF-8, broken UTF-16, or bytes that are probably some other encoding.
        case undecodable
        /// No bytes, or only whitespace once decoded.
        case empty
        /// Over the size limit. For a stream, `bytes` is how much was read before giving up.
        case tooLarge(bytes: Int, limit: Int)
    }

    public let name: String
    public let reason: Reason

    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .missing: return "cannot read '\(name)': no such file"
        case .isDirectory: return "cannot read '\(name)': it is a directory"
        case .unreadable(let why): return "cannot read '\(name)': \(why)"
        case .binary: return "'\(name)' looks binary (NUL or control bytes), not text"
        case .undecodable: return "'\(name)' is not valid UTF-8, UTF-16 or Windows-1252 text"
        case .empty: return "'\(name)' is empty"
        case .tooLarge(let bytes, let limit):
            let size = Self.size(bytes), maximum = Self.size(limit)
            // A stream stops just past the limit, so both may round to the same figure.
            if size == maximum { return "'\(name)' is over the \(maximum) limit" }
            return "'\(name)' is \(size), over the \(maximum) limit"
        }
    }

    /// A byte count for people: "101 bytes", "1.5 KB", "80.2 MB" (binary units, one decimal,
    /// ".0" dropped, so the 64 MiB default reads "64 MB").
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let (unit, scale) = bytes < 1 << 20 ? ("KB", 1024.0) : ("MB", 1_048_576.0)
        let tenths = Int((Double(bytes) / scale * 10).rounded())
        let figure = tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
        return "\(figure) \(unit)"
    }
}
