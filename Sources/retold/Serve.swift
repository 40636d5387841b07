import ArgumentParser
import Foundation
import RetoldEncoder
import Hummingbird
import Logging
import RetoldIngest
import RetoldServer

/// `retold serve`: the HTTP API and the web page over one index.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the JSON API under /v1, /openapi.json and the web page at / over one index.",
        discussion: """
        Binds 127.0.0.1 by default. With a token (--token or RETOLD_TOKEN), POST /v1/documents \
        needs "Authorization: Bearer TOKEN"; binding any other address without a token is refused.
        The index file is created when missing.
        """
    )

    @OptionGroup var index: IndexOptions

    @Option(help: "Address to bind.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one and prints it).")
    var port = 8080

    @Option(help: "Bearer token required for writes (default: $RETOLD_TOKEN).")
    var token: String?

    @Option(help: "Largest request body, in bytes; larger ones get 413.")
    var maxBody = 5_000_000

    @Option(help: "Seconds a connection may stay idle (a slow or stalled client) before it is closed.")
    var idleTimeout: Int64 = 30

    @Option(help: "Seconds a request body may take to arrive whole; a slower one gets 408 and the connection is closed.")
    var bodyTimeout: Int64 = 60

    @Option(help: "Log level: trace, debug, info (one line per request), notice, warning, error or critical (default: $RETOLD_LOG_LEVEL, else info).")
    var logLevel: String?

    @Option(name: .customLong("compare"), parsing: .upToNextOption,
            help: "Two texts (files) the page compares as soon as it opens.")
    var opening: [String] = []

    func validate() throws {
        guard opening.isEmpty || opening.count == 2 else { throw ValidationError("--compare takes two files, A and B") }
        _ = try level()
    }

    /// The log level the option or the environment names.
    func level() throws -> Logger.Level {
        guard let name = logLevel ?? ProcessInfo.processInfo.environment["RETOLD_LOG_LEVEL"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return .info
        }
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            throw ValidationError("unknown log level \"\(name)\": use trace, debug, info, notice, warning, error or critical")
        }
        return level
    }

    /// glibc's `mallopt(M_ARENA_MAX, n)`, looked up at run time: <malloc.h> is not part of the
    /// Glibc module, and other C libraries have no such setting (the lookup finds nothing).
    static func limitMallocArenas(_ count: Int32) {
        #if os(Linux)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        let arenaMaximum: Int32 = -8  // M_ARENA_MAX in <malloc.h>
        // A null handle is RTLD_DEFAULT on Linux: the symbol wherever it is loaded.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: MallOpt.self)(arenaMaximum, count)
        #endif
    }

    func run() async throws {
        var configuration = ServerConfiguration(
            host: host, port: port, token: token ?? ProcessInfo.processInfo.environment["RETOLD_TOKEN"],
            maxBodyBytes: maxBody, idleTimeoutSeconds: idleTimeout, bodyTimeoutSeconds: bodyTimeout,
            modelDirectory: ModelDirectory.standard())
        if opening.count == 2 {
            let reader = DocumentReader()
            let a = try reader.readOne(opening[0]), b = try reader.readOne(opening[1])
            configuration.opening = .init(a: .init(name: a.origin.description, text: a.text), b: .init(name: b.origin.description, text: b.text))
        }
        if let refusal = configuration.refusal {
            throw CommandFailure(refusal, status: 2)
        }
        // A server runs for days: SQLite's caches get a small bound, and glibc two malloc arenas
        // instead of eight per core (memory freed on one thread is reused by the others rather
        // than held in an arena of its own), so its memory stays flat.
        Self.limitMallocArenas(2)
        let store = try await index.open(pageCache: .serving)
        let application = try RetoldServer.application(index: store, configuration: configuration, logLevel: try level()) { port in
            printError("serving \(index.name) on http://\(host):\(port)/ (Ctrl-C stops)")
        }
        do {
            try await application.runService()
        } catch {
            throw CommandFailure("cannot serve on \(host):\(port): \(error)")
        }
    }
}
