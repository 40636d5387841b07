#if PostgreSQL
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import RetoldIndex

/// The index's connections to PostgreSQL: postgres-nio's `PostgresClient` pool, run for as long
/// as the index is open. Every statement is awaited; nothing waits on a thread.
final class PostgresConnections: Sendable {
    let location: PostgresLocation
    private let client: PostgresClient
    private let running: Task<Void, Never>
    static let logger = Logger(label: "retold.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    init(_ location: PostgresLocation, maximumConnections: Int = 16) {
        self.location = location
        var configuration = location.clientConfiguration
        configuration.options.maximumConnections = maximumConnections
        let client = PostgresClient(configuration: configuration, backgroundLogger: Self.logger)
        self.client = client
        running = Task { await client.run() }
    }

    deinit {
        // Ending `run` closes the pool's connections.
        running.cancel()
    }

    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await client.withConnection { connection in try await body(connection) }
    }

    /// Runs `body` in one transaction, retried when PostgreSQL picked it as a deadlock victim or
    /// serialization failure (concurrent writers on overlapping inputs), which rolls it back whole.
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await withConnection { try await Self.inTransaction($0, body) }
            } catch let error as PostgresStatementError where error.isTransient && attempt < 8 {
                // Back off a little, more each time, so the transactions that collided go in turn.
                try await Task.sleep(for: .milliseconds(20 * attempt + Int.random(in: 0..<20)))
            }
        }
    }

    /// `body` between BEGIN and COMMIT, rolled back when it throws.
    static func inTransaction<T: Sendable>(_ connection: PostgresConnection, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await run("BEGIN", on: connection)
        do {
            let value = try await body(connection)
            try await run("COMMIT", on: connection)
            return value
        } catch {
            _ = try? await run("ROLLBACK", on: connection)
            throw error
        }
    }

    /// One connection of its own, opened and closed around `body`: for opening checks, schema
    /// migrations and database administration, which report a refused or failed connection at
    /// once (a pool retries in the background first).
    static func withSingleConnection<T: Sendable>(_ location: PostgresLocation, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: try location.connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw IndexError.database(path: location.description, message: PostgresStatementError(error).message)
        }
        do {
            let value = try await body(connection)
            try? await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    // MARK: - Statements

    static func rows(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [PostgresRow] {
        // A query written to a connection the server already closed is never answered (its
        // promise is left pending), so a ROLLBACK after a dropped connection would wait for
        // ever: refuse it here, and the transaction fails with the connection's error.
        guard !connection.isClosed else { throw PostgresStatementError(message: "the database closed the connection") }
        do {
            return try await connection.query(query, logger: logger).collect()
        } catch {
            throw PostgresStatementError(error)
        }
    }

    static func run(_ query: PostgresQuery, on connection: PostgresConnection) async throws {
        _ = try await rows(query, on: connection)
    }
}

/// A failed statement or connection, with PostgreSQL's own message (postgres-nio keeps it out
/// of its error's description, which could leak query data into logs).
struct PostgresStatementError: Error, CustomStringConvertible {
    var message: String
    var sqlState: String?

    init(message: String) {
        self.message = message
    }

    init(_ error: any Error) {
        if let error = error as? PostgresStatementError {
            self = error
        } else if let error = error as? PSQLError {
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
