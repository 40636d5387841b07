import Foundation
import RetoldTestSupport
import Testing

/// No message a failing command prints, on either stream, contains the password of a database
/// URL or the server's token.
@Suite("secrets never appear in messages")
struct SecretsTests {
    static let password = "pw-7f3c1d9e"
    /// A PostgreSQL URL nothing listens on (port 1 on loopback refuses at once).
    static let url = "postgres://retold:\(password)@127.0.0.1:1/retold_secrets"

    static let failingCommands: [[String]] = [
        ["index", "stats", "--db", url],
        ["index", "migrate", "--db", url],
        ["index", "add", "--db", url, "examples"],
        ["index", "remove", "--db", url, "1"],
        ["search", "--db", url, "examples/000_1fa55ddf9ed85ec1.txt"],
        ["clusters", "--db", url],
        ["serve", "--db", url, "--port", "0"],
        ["eval", "planted", "search", "--corpus", "/nonexistent", "--db", url],
    ]

    @Test("a database password", arguments: failingCommands)
    func databasePassword(_ arguments: [String]) throws {
        let output = try RetoldProcess.run(arguments)
        #expect(output.status != 0)
        #expect(!output.stderr.isEmpty, "the failure is reported")
        #expect(!output.stderr.contains(Self.password) && !output.stdout.contains(Self.password), "\(output.stderr)")
    }

    @Test("a password given through PGPASSWORD")
    func environmentPassword() throws {
        let output = try RetoldProcess.run(["index", "stats", "--db", "postgres://retold@127.0.0.1:1/retold_secrets"],
                                           environment: ["PGPASSWORD": Self.password])
        #expect(output.status == 1)
        #expect(!output.stderr.contains(Self.password))
    }

    @Test("the server's token, on a refused start")
    func serverToken() throws {
        let token = "tok-51e0a2b4"
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("retold-secrets-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        // An address no interface has: the failure names the address, never the token.
        let output = try RetoldProcess.run(["serve", "--db", db, "--host", "203.0.113.7", "--port", "9", "--token", token])
        #expect(output.status != 0)
        #expect(!output.stderr.isEmpty)
        #expect(!output.stderr.contains(token) && !output.stdout.contains(token), "\(output.stderr)")
    }
}
