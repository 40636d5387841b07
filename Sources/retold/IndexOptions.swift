import ArgumentParser
import Foundation
import RetoldIngest
import RetoldStore

/// `--db`: the index file every index command works on.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "The index: an SQLite file (created by `retold index add`).")
    var db: String = "retold.db"

    /// Opens an existing index; a missing file is an error, not a new empty index.
    func openExisting() throws -> SQLiteIndex {
        guard FileManager.default.fileExists(atPath: db) else {
            printError("\(db): no index here; build one with `retold index add --db \(db) FILE...`")
            throw ExitCode(1)
        }
        return try open()
    }

    func open() throws -> SQLiteIndex {
        do {
            return try SQLiteIndex(path: db)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
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
        for (name, value) in [("--from", from), ("--until", until)] {
            if let value, ISO8601.parse(value) == nil {
                throw ValidationError("\(name) \(value): not an ISO 8601 date or time (e.g. 2024-03-01 or 2024-03-01T12:00:00Z)")
            }
        }
    }

    var filter: DocumentFilter {
        var until = self.until.flatMap(ISO8601.parse)?.timeIntervalSince1970
        // A bare date means the whole day.
        if let text = self.until, text.count == 10, let start = until { until = start + 86_399 }
        return DocumentFilter(publishedFrom: from.flatMap(ISO8601.parse)?.timeIntervalSince1970, publishedUntil: until,
                              outlets: Set(outlets), excludedOutlets: Set(excludedOutlets))
    }
}
