import Metrics
import Prometheus
import RetoldIndex

/// The server's metrics in the Prometheus text format, for `GET /metrics`: request counts and
/// latency histograms by route, method and status (recorded through swift-metrics), and the
/// index's own figures, read when scraped.
///
/// Each server has a registry of its own rather than the process-wide `MetricsSystem`, so an
/// application embedding the server keeps its own metrics backend, and two servers in one
/// process (as in the tests) count apart.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Prometheus buckets for request latency, from a cached health check to a link build.
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
            .seconds(5), .seconds(10), .seconds(30),
        ]
        self.factory = factory
    }

    /// One request answered: `route` is the matched route pattern (never the concrete path, so
    /// document ids do not each make a series).
    func record(route: String, method: String, status: Int, nanoseconds: UInt64) {
        let dimensions = [("route", route), ("method", method), ("status", String(status))]
        Counter(label: "retold_http_requests_total", dimensions: dimensions, factory: factory).increment()
        Metrics.Timer(label: "retold_http_request_duration_seconds", dimensions: dimensions, factory: factory)
            .recordNanoseconds(Int64(clamping: nanoseconds))
    }

    /// The text exposition, with the index's figures as of now.
    func exposition(index: any DocumentIndex) async throws -> String {
        let stats = try await index.stats()
        let pending = try await LinkBuilder(index: index).pendingCount()
        gauge("index", "documents", unit: "", help: "Documents in the index.").set(Double(stats.documents))
        gauge("index", "size", unit: "bytes", help: "Size of the index's database.").set(Double(stats.databaseBytes))
        gauge("links", "pending", unit: "", help: "Documents not linked yet (retold clusters or POST /v1/links links them).")
            .set(Double(pending))
        return registry.emitToString()
    }

    private func gauge(_ subsystem: String, _ name: String, unit: String, help: String) -> Prometheus.Gauge {
        registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "retold", subsystem: subsystem, metricName: name,
                                                            unitName: unit, helpText: help))
    }
}
