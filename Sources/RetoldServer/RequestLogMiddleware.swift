import Dispatch
import HTTPTypes
import Hummingbird
import Logging

/// One log line and one metrics sample per request, after it is answered: method, path (without
/// the query, which may hold filter values), status, duration and the request id, which the
/// response also carries as `X-Request-Id` so a client's report can be found in the log. Bodies
/// and headers are never logged: they hold texts and tokens.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    static var requestIDHeader: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            var response = try await next(request, context)
            response.headers[Self.requestIDHeader] = context.id
            observe(request, context, status: response.status.code, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            observe(request, context, status: status, start: start)
            throw error
        }
    }

    private func observe(_ request: Request, _ context: Context, status: Int, start: UInt64) {
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        // Unmatched paths share one series: a scanner's random paths must not each make one.
        let route = context.endpointPath ?? "unmatched"
        metrics.record(route: route, method: request.method.rawValue, status: status, nanoseconds: elapsed)
        context.logger.log(
            level: status >= 500 ? .error : .info, "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "path": .string(request.uri.path),
                "status": .stringConvertible(status),
                "duration_ms": .string("\(Double(elapsed / 100_000) / 10)"),
            ])
    }
}
