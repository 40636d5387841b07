import ArgumentParser
import Foundation
import RetoldIngest
import RetoldIndex
import RetoldSQLite
import RetoldStores

/// `--db`: the index every index command works on: an SQLite file, or a PostgreSQL database.
struct IndexOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "The index: an SQLite file, or a shared PostgreSQL database as postgres://user@host/database (default: $RETOLD_DB, else retold.db).",
        valueName: "file-or-url"))
    var given: String?

    /// What `--db` or `RETOLD_DB` names.
    var db: String { given ?? ProcessInfo.processInfo.environment["RETOLD_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "retold.db" }

    var isPostgres: Bool { IndexLocation.isPostgres(db) }

    /// The index for messages: a PostgreSQL URL without its password.
    var name: String { IndexLocation.displayName(db) }

    /// One line for a failure while using the index (an index error already names it).
    func describe(_ error: any Error) -> String {
        (error as? IndexError)?.description ?? "\(name): \(error)"
    }

    /// Opens an existing index; a missing file is an error, not a new empty index.
    func openExisting() async throws -> any DocumentIndex {
        if !isPostgres && !FileManager.default.fileExists(atPath: db) {
            throw CommandFailure("\(db): no index here; build one with `retold index add --db \(db) FILE...`")
        }
        return try await open()
    }

    /// Opens the index, creating an SQLite file when there is none. A PostgreSQL database must
    /// have been prepared by `retold index migrate`.
    func open(pageCache: PageCacheBudget = .bulkLoading) async throws -> any DocumentIndex {
        try await IndexLocation.open(db, pageCache: pageCache)
    }
}

/// Metadata filters shared by `search` and `clusters`.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only documents published on or after this date or time (ISO 8601, e.g. 2024-03-01).")
    var from: String?

    @Option(help: "Only documents published on or before this date or time (a bare date includes the whole day).")
    var until: String?

    @Option(name: .customLong("outlet"), help: "Only documents from this outlet (repeat for several).")
    var outlets: [String] = []

    @Option(name: .customLong("exclude-outlet"), help: "Leave out documents from this outlet (repeat for several).")
    var excludedOutlets: [String] = []

    func validate() throws {
        do { _ = try parsed() } catch { throw ValidationError(error.description) }
    }

    /// Valid once `validate` has run, as ArgumentParser guarantees before `run`.
    var filter: DocumentFilter { (try? parsed()) ?? DocumentFilter() }

    func parsed() throws(DocumentFilter.InvalidDate) -> DocumentFilter {
        try DocumentFilter.parse(from: from, until: until, outlets: outlets, excludedOutlets: excludedOutlets,
                                 fieldNames: ("--from", "--until"))
    }
}
