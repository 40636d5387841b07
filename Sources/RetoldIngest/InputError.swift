/// Why an input could not be read as text. `description` is one line naming the input.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case missing
        case isDirectory
        case unreadable(String)
        case binary
        case undecodable
        case empty
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
            return "'\(name)' is \(Self.megabytes(bytes)) MB, over the \(Self.megabytes(limit)) MB limit"
        }
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = Int((Double(bytes) / 100_000).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
