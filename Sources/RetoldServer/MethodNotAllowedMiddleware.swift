import Foundation
import HTTPTypes
import Hummingbird

/// A request to a path the API serves, with a method that path does not take, gets 405 and the
/// methods it does take (`Allow`), where the router alone would say 404. The paths and methods
/// are read from the OpenAPI document, so they cannot drift from what the API says it serves.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    struct Route: Sendable {
        /// Path segments; a `{parameter}` segment matches any one segment.
        var segments: [String]
        var methods: [String]

        func matches(_ path: [Substring]) -> Bool {
            path.count == segments.count && zip(path, segments).allSatisfy { $1.hasPrefix("{") || $0 == $1 }
        }
    }

    static var routes: [Route] {
        guard let document = try? JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any],
              let paths = document["paths"] as? [String: [String: Any]] else { return [] }
        return paths.map { path, operations in
            Route(segments: path.split(separator: "/").map(String.init), methods: operations.keys.map { $0.uppercased() }.sorted())
        } + [Route(segments: ["openapi.json"], methods: ["GET"])]
    }

    let routes = Self.routes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path.split(separator: "/")
            guard let route = routes.first(where: { $0.matches(path) }), !route.methods.contains(request.method.rawValue) else { throw error }
            let allowed = route.methods.joined(separator: ", ")
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed],
                            message: "\(request.method.rawValue) is not allowed on \(request.uri.path); it takes \(allowed)")
        }
    }
}
