import Foundation
import RetoldIndex
import RetoldSQLite
#if PostgreSQL
import RetoldPostgres
#endif

/// Which store a `--db` value names, and opening it.
public enum IndexLocation {
    public static func isPostgres(_ db: String) -> Bool {
        db.hasPrefix("postgres://") || db.hasPrefix("postgresql://")
    }

    public static func displayName(_ db: String) -> String {
        guard isPostgres(db), var components = URLComponents(string: db), components.password != nil else { return db }
        components.password = "***"
        return components.string ?? db
    }

    /// Opens the store `db` names. `pageCache` bounds an SQLite index's caches (a PostgreSQL
    /// server has its own).
    public static func open(_ db: String, pageCache: PageCacheBudget = .bulkLoading) async throws(IndexError) -> any DocumentIndex {
        guard isPostgres(db) else { return try SQLiteIndex(path: db, pageCache: pageCache) }
        #if PostgreSQL
        return try await PostgresIndex.open(url: db)
        #else
        throw IndexError.database(path: displayName(db), message: noPostgres)
        #endif
    }

    /// Creates or updates the schema; returns the migrations applied.
    public static func migrate(_ db: String) async throws(IndexError) -> [String] {
        guard isPostgres(db) else {
            _ = try SQLiteIndex(path: db)  // opening an SQLite index migrates it
            return []
        }
        #if PostgreSQL
        return try await PostgresIndex.migrate(url: db)
        #else
        throw IndexError.database(path: displayName(db), message: noPostgres)
        #endif
    }

    public static let noPostgres = "this retold was built without PostgreSQL support; build it with `swift build -c release --traits PostgreSQL`"
}
