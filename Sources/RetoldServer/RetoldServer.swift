import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RetoldIndex

/// `retold serve`: the JSON API, the OpenAPI document and the web page, over one index.
public enum RetoldServer {
    public static let version = "0.1.0"

    /// The routes, ready to serve or to test in-process.
    public static func router(index: any DocumentIndex, configuration: ServerConfiguration) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let metrics = ServerMetrics()
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware())
        WebPage.addRoutes(to: router)
        RetoldAPI(index: index, configuration: configuration, metrics: metrics).addRoutes(to: router)
        return router
    }

    /// The application; `onRunning` receives the bound port (useful with port 0).
    public static func application(index: any DocumentIndex, configuration: ServerConfiguration, logLevel: Logger.Level = .info,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        if let refusal = configuration.refusal { throw ServerError.refused(refusal) }
        var logger = Logger(label: "retold")
        logger.logLevel = logLevel
        return Application(
            router: router(index: index, configuration: configuration),
            server: .http1(configuration: .init(idleTimeout: .seconds(configuration.idleTimeoutSeconds))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "retold"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}

public enum ServerError: Error, CustomStringConvertible {
    case refused(String)
    public var description: String {
        switch self { case .refused(let reason): return reason }
    }
}

/// Headers on every response: the page loads nothing from elsewhere and runs no inline script,
/// so text that slips into markup still cannot execute. A response with a policy of its own
/// keeps it: the HTML report, whose styles are inline and which runs no script at all.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var referrerPolicy: HTTPField.Name { HTTPField.Name("Referrer-Policy")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[Self.referrerPolicy] = "no-referrer"
        return response
    }
}
