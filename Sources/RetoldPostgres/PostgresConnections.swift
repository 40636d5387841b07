#if PostgreSQL
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import RetoldStore
import Synchronization

/// A small pool of PostgreSQL connections used from plain threads.
///
/// The index interface blocks (search verification runs in threads on all cores), so each call
/// takes an idle connection or opens one, sends its statements on NIO's event loops and waits
/// for the answer. Waiting is never done on an event loop: callers are the CLI's threads, the
/// verifier's threads and the HTTP server's tasks, none of which runs on one.
final class PostgresConnections: Sendable {
    let location: PostgresLocation
    /// Idle connections kept for reuse; more than this are closed when released.
    let maxIdle: Int
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(1)
    static let logger = Logger(label: "retold.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(_ location: PostgresLocation, maxIdle: Int = 16) {
        self.location = location
        self.maxIdle = maxIdle
    }

    deinit {
        // A connection must be closed before it is freed: each keeps itself alive until then.
        for connection in idle.withLock({ $0 }) { connection.close().whenComplete { _ in withExtendedLifetime(connection) {} } }
    }

    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? connect()
        defer { release(connection) }
        return try body(connection)
    }

    /// Runs `body` in one transaction, retried when PostgreSQL picked it as a deadlock victim or
    /// serialization failure (concurrent writers on overlapping inputs), which rolls it back whole.
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try withConnection { connection in
                    try Self.run("BEGIN", on: connection)
                    do {
                        let value = try body(connection)
                        try Self.run("COMMIT", on: connection)
                        return value
                    } catch {
                        _ = try? Self.run("ROLLBACK", on: connection)
                        throw error
                    }
                }
            } catch let error as PostgresStatementError where error.isTransient && attempt < 8 {
                // Back off a little, more each time, so the transactions that collided go in turn.
                usleep(UInt32(20_000 * attempt + Int.random(in: 0..<20_000)))
            }
        }
    }

    private func connect() throws -> PostgresConnection {
        let id = nextID.add(1, ordering: .relaxed).oldValue
        do {
            let connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: location.configuration, id: id, logger: Self.logger
            ).wait()
            // Statements wait at most this long for a lock held by another writer before failing
            // with a clear error, rather than hanging a batch for good.
            try Self.run("SET lock_timeout = '60s'", on: connection)
            return connection
        } catch let error as PostgresStatementError {
            throw IndexError.database(path: location.description, message: error.message)
        } catch {
            throw IndexError.database(path: location.description, message: PostgresStatementError(error).message)
        }
    }

    private func release(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        let extra: PostgresConnection? = idle.withLock { idle in
            guard idle.count < maxIdle else { return connection }
            idle.append(connection)
            return nil
        }
        if let extra { _ = try? extra.close().wait() }
    }

    // MARK: - Statements

    static func rows(_ query: PostgresQuery, on connection: PostgresConnection) throws -> [PostgresRow] {
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            throw PostgresStatementError(error)
        }
    }

    static func run(_ query: PostgresQuery, on connection: PostgresConnection) throws {
        _ = try rows(query, on: connection)
    }
}

/// A failed statement or connection, with PostgreSQL's own message (postgres-nio keeps it out
/// of its error's description, which could leak query data into logs).
struct PostgresStatementError: Error, CustomStringConvertible {
    var message: String
    var sqlState: String?

    init(_ error: any Error) {
        if let error = error as? PSQLError {
            sqlState = error.serverInfo?[.sqlState]
            if let server = error.serverInfo?[.message] {
                message = server + (error.serverInfo?[.detail].map { " (\($0))" } ?? "")
            } else if error.code == .connectionError {
                let detail = error.underlying.map { String(describing: $0) } ?? ""
                message = detail.contains("Connection refused") ? "cannot connect: connection refused (is the server running?)"
                    : "cannot connect: \(detail)"
            } else if let underlying = error.underlying {
                message = "\(error.code): \(underlying)"
            } else {
                message = "\(error.code)"
            }
        } else {
            message = String(describing: error)
        }
    }

    /// Deadlock victim or serialization failure: the whole transaction can simply run again.
    var isTransient: Bool { sqlState == "40P01" || sqlState == "40001" }

    var description: String { message }
}
#endif
