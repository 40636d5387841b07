#if PostgreSQL
import Foundation
import PostgresNIO
import RetoldIndex

/// Creating and dropping whole databases on a server: for tests and benchmarks that each want
/// an empty database of their own next to others on one cluster.
public enum PostgresAdmin {
    /// Creates database `name` on the server `serverURL` points at (through its database) and
    /// returns the URL of the new one.
    public static func createDatabase(named name: String, server serverURL: String) async throws -> String {
        try await execute("CREATE DATABASE \(quoted(name))", server: serverURL)
        return try url(serverURL, database: name)
    }

    public static func dropDatabase(named name: String, server serverURL: String) async throws {
        try await execute("DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)", server: serverURL)
    }

    /// `url` with its database replaced by `database`.
    public static func url(_ url: String, database: String) throws -> String {
        guard var components = URLComponents(string: url) else {
            throw IndexError.database(path: "postgres URL", message: "not a postgres://user@host/database URL")
        }
        components.path = "/" + database
        return components.string ?? url
    }

    private static func execute(_ sql: String, server: String) async throws {
        let location = try PostgresLocation(url: server)
        do {
            try await PostgresConnections.withSingleConnection(location) { try await PostgresConnections.run(PostgresQuery(unsafeSQL: sql), on: $0) }
        } catch let error as PostgresStatementError {
            throw IndexError.database(path: location.description, message: error.message)
        }
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
#endif
