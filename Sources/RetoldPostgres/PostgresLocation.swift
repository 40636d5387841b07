#if PostgreSQL
import Foundation
import NIOSSL
import PostgresNIO
import RetoldIndex

/// Where a PostgreSQL index lives, from a libpq-style URL:
/// `postgres://user:password@host:port/database?sslmode=disable|prefer|require|verify-full`.
/// A password may also come from `PGPASSWORD`; `?host=/run/postgresql` connects through a Unix
/// socket folder, as libpq does.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    /// For one connection (opening checks, migrations, administration).
    public var connectionConfiguration: PostgresConnection.Configuration
    /// For the index's pool.
    public var clientConfiguration: PostgresClient.Configuration
    /// The URL without its password, for messages.
    public let description: String

    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(IndexError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw IndexError.database(path: "postgres URL", message: "not a postgres://user@host/database URL")
        }
        let user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        let password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        var database = String(components.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        if database.isEmpty { database = user }
        let query = Dictionary(components.queryItems?.map { ($0.name, $0.value ?? "") } ?? [], uniquingKeysWith: { $1 })
        let host = components.host.flatMap { $0.isEmpty ? nil : $0 }
        let port = components.port ?? 5432
        let place: String
        if let socketFolder = query["host"], socketFolder.hasPrefix("/") {
            connectionConfiguration = .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            clientConfiguration = .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
            place = "\(socketFolder) (port \(port))"
        } else {
            let tls: PostgresConnection.Configuration.TLS
            let poolTLS: PostgresClient.Configuration.TLS
            do {
                switch query["sslmode"] ?? "prefer" {
                case "disable": tls = .disable; poolTLS = .disable
                case "allow", "prefer": tls = .prefer(try Self.tlsContext(verify: false)); poolTLS = .prefer(Self.tlsConfiguration(verify: false))
                case "require": tls = .require(try Self.tlsContext(verify: false)); poolTLS = .require(Self.tlsConfiguration(verify: false))
                case "verify-ca", "verify-full": tls = .require(try Self.tlsContext(verify: true)); poolTLS = .require(Self.tlsConfiguration(verify: true))
                case let other:
                    throw IndexError.database(path: "postgres URL", message: "sslmode \(other) is not one of disable, prefer, require, verify-full")
                }
            } catch let error as IndexError {
                throw error
            } catch {
                throw IndexError.database(path: "postgres URL", message: "cannot set up TLS: \(error)")
            }
            connectionConfiguration = .init(host: host ?? "127.0.0.1", port: port, username: user, password: password, database: database, tls: tls)
            clientConfiguration = .init(host: host ?? "127.0.0.1", port: port, username: user, password: password, database: database, tls: poolTLS)
            place = "\(host ?? "127.0.0.1"):\(port)"
        }
        connectionConfiguration.options.connectTimeout = .seconds(10)
        clientConfiguration.options.connectTimeout = .seconds(10)
        // Statements wait at most this long for a lock held by another writer before failing
        // with a clear error, rather than hanging a batch for good (a startup parameter sets it
        // on every connection the pool opens).
        connectionConfiguration.options.additionalStartupParameters = [("lock_timeout", "60s")]
        clientConfiguration.options.additionalStartupParameters = [("lock_timeout", "60s")]
        description = "postgres://\(user)@\(place)/\(database)"
    }

    private static func tlsConfiguration(verify: Bool) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !verify { tls.certificateVerification = .none }
        return tls
    }

    private static func tlsContext(verify: Bool) throws -> NIOSSLContext {
        try NIOSSLContext(configuration: tlsConfiguration(verify: verify))
    }
}
#endif
