import Hummingbird
import RetoldRequests

/// A request the API refuses, with the status and the one-line message the client sees
/// (as `{"error": {"message": ...}}`).
struct APIError: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String
    /// Whether the server closes the connection after answering: the rest of the request may
    /// still be arriving, and must not be read as the next one.
    var closesConnection = false

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try HTTPError(status, message: message).response(from: request, context: context)
        if closesConnection { response.headers[.connection] = "close" }
        return response
    }
}

/// A request the client got wrong is a 400 with its one-line message.
extension RequestProblem: HTTPResponseError {
    public var status: HTTPResponse.Status { .badRequest }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try APIError.badRequest(message).response(from: request, context: context)
    }
}
