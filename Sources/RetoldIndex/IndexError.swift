/// Why an index could not be opened or used.
public enum IndexError: Error, Sendable, CustomStringConvertible {
    case database(path: String, message: String)
    case settingsMismatch(path: String)

    public var description: String {
        switch self {
        case .database(let path, let message): return "\(path): cannot use the index: \(message)"
        case .settingsMismatch(let path):
            return "\(path): the index was built with other fingerprint settings; rebuild it or use a new --db file"
        }
    }
}
