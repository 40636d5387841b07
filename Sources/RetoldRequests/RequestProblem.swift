/// Why a request cannot be served as sent: one line the client sees with a 400.
public struct RequestProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
