import Foundation
import Testing
import RetoldCore
import RetoldIndex
import RetoldSQLite
#if PostgreSQL
import RetoldPostgres
#endif

/// The index backends every store test runs against. PostgreSQL is there whenever Retold is
/// built with it, and then needs a server: `RETOLD_TEST_POSTGRES` (set by `scripts/test.sh`,
/// which starts a throwaway cluster). A missing server fails the tests; it never skips them.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var all: [TestBackend] {
        #if PostgreSQL
        return [.sqlite, .postgres]
        #else
        return [.sqlite]
        #endif
    }

    var testDescription: String { rawValue }

    /// A new, empty index of this kind, deleted by `TestIndex.remove()`.
    func makeIndex(settings: IndexSettings = IndexSettings(Fingerprinter())) async throws -> TestIndex {
        switch self {
        case .sqlite:
            let path = StoreTestData.temporaryDatabase()
            return TestIndex(index: try SQLiteIndex(path: path, settings: settings), location: path) { StoreTestData.remove(path) }
        case .postgres:
            #if PostgreSQL
            let (url, drop) = try await TestPostgres.newDatabase(settings: settings)
            return TestIndex(index: try await PostgresIndex.open(url: url, settings: settings), location: url, remove: drop)
            #else
            fatalError("built without PostgreSQL")
            #endif
        }
    }

    /// Opens the index at `location` again (a second process or server would).
    func reopen(_ location: String, settings: IndexSettings = IndexSettings(Fingerprinter())) async throws -> any DocumentIndex {
        switch self {
        case .sqlite: return try SQLiteIndex(path: location, settings: settings)
        case .postgres:
            #if PostgreSQL
            return try await PostgresIndex.open(url: location, settings: settings)
            #else
            fatalError("built without PostgreSQL")
            #endif
        }
    }
}

final class TestIndex: @unchecked Sendable {
    let index: any DocumentIndex
    let location: String
    private let onRemove: @Sendable () -> Void

    init(index: any DocumentIndex, location: String, remove: @escaping @Sendable () -> Void) {
        self.index = index
        self.location = location
        onRemove = remove
    }

    func remove() { onRemove() }
}

#if PostgreSQL
enum TestPostgres {
    struct NoServer: Error, CustomStringConvertible {
        var description: String {
            "RETOLD_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster"
        }
    }

    static func server() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["RETOLD_TEST_POSTGRES"], !url.isEmpty else { throw NoServer() }
        return url
    }

    /// A new migrated database on the test server, and how to drop it.
    /// The drop is started, not awaited (it runs from `defer`); the throwaway cluster goes away
    /// with the test run in any case.
    static func newDatabase(settings: IndexSettings = IndexSettings(Fingerprinter())) async throws -> (url: String, drop: @Sendable () -> Void) {
        let server = try server()
        let name = "retold_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let url = try await PostgresAdmin.createDatabase(named: String(name), server: server)
        try await PostgresIndex.migrate(url: url, settings: settings)
        return (url, { Task { try? await PostgresAdmin.dropDatabase(named: String(name), server: server) } })
    }
}
#endif
