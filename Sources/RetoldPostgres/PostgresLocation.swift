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
    /// Where the server listens.
    enum Endpoint: Sendable {
        case tcp(host: String, port: Int)
        case unixSocket(path: String)
    }

    /// How to use TLS, from the URL's `sslmode`.
    enum TLSMode: String, Sendable {
        case disable, prefer, require, verify
    }

    let endpoint: Endpoint
    let tlsMode: TLSMode
    let user: String
    let password: String?
    let database: String
    /// The URL without its password, for messages.
    public let description: String

    /// Each connection waits at most this long to connect (one connection takes a NIO
    /// `TimeAmount`, the pool a `Duration`).
    static let connectSeconds: Int64 = 10
    /// Statements wait at most this long for a lock held by another writer before failing with a
    /// clear error, rather than hanging a batch for good (a startup parameter, so it holds on
    /// every connection the pool opens).
    static let startupParameters = [("lock_timeout", "60s")]

    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(IndexError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw IndexError.database(path: "postgres URL", message: "not a postgres://user@host/database URL")
        }
        user = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? "postgres"
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        let path = String(components.percentEncodedPath.dropFirst()).removingPercentEncoding ?? ""
        database = path.isEmpty ? user : path
        let query = Dictionary(components.queryItems?.map { ($0.name, $0.value ?? "") } ?? [], uniquingKeysWith: { $1 })
        let port = components.port ?? 5432
        switch query["sslmode"] ?? "prefer" {
        case "disable": tlsMode = .disable
        case "allow", "prefer": tlsMode = .prefer
        case "require": tlsMode = .require
        case "verify-ca", "verify-full": tlsMode = .verify
        case let other:
            throw IndexError.database(path: "postgres URL", message: "sslmode \(other) is not one of disable, prefer, require, verify-full")
        }
        let place: String
        if let socketFolder = query["host"], socketFolder.hasPrefix("/") {
            endpoint = .unixSocket(path: "\(socketFolder)/.s.PGSQL.\(port)")
            place = "\(socketFolder) (port \(port))"
        } else {
            let host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
            endpoint = .tcp(host: host, port: port)
            place = "\(host):\(port)"
        }
        description = "postgres://\(user)@\(place)/\(database)"
        // A TLS setup that cannot be made is reported now, not at the first connection.
        _ = try connectionConfiguration()
    }

    /// For one connection (opening checks, migrations, administration).
    func connectionConfiguration() throws(IndexError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .unixSocket(let path):
            configuration = .init(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            do {
                switch tlsMode {
                case .disable: tls = .disable
                case .prefer: tls = .prefer(try NIOSSLContext(configuration: Self.tlsConfiguration(verify: false)))
                case .require: tls = .require(try NIOSSLContext(configuration: Self.tlsConfiguration(verify: false)))
                case .verify: tls = .require(try NIOSSLContext(configuration: Self.tlsConfiguration(verify: true)))
                }
            } catch {
                throw IndexError.database(path: "postgres URL", message: "cannot set up TLS: \(error)")
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Self.connectSeconds)
        configuration.options.additionalStartupParameters = Self.startupParameters
        return configuration
    }

    /// For the index's pool: the same server, user, database, TLS and options.
    var clientConfiguration: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .unixSocket(let path):
            configuration = .init(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresClient.Configuration.TLS = switch tlsMode {
            case .disable: .disable
            case .prefer: .prefer(Self.tlsConfiguration(verify: false))
            case .require: .require(Self.tlsConfiguration(verify: false))
            case .verify: .require(Self.tlsConfiguration(verify: true))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(Self.connectSeconds)
        configuration.options.additionalStartupParameters = Self.startupParameters
        return configuration
    }

    private static func tlsConfiguration(verify: Bool) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        if !verify { tls.certificateVerification = .none }
        return tls
    }
}
#endif
