import Foundation
import GRDB
import RetoldIndex

/// The postings of each kind (LSH bands, anchor and passage features) as immutable sorted runs,
/// the way a log-structured merge tree keeps them.
///
/// A key-ordered table of every posting grows slower to write as it grows: each batch's postings
/// land on pages all over the table, and a transaction writes every page it touched, so building
/// an index took time quadratic in its size. Here each batch writes its postings as a new run,
/// sorted in memory and written in order (pages written once); runs of one size tier are merged
/// into one when ``fanIn`` of them have gathered, reading the inputs in order and writing the
/// result in order. Each posting is rewritten once per tier it climbs (two or three times at a
/// million documents).
///
/// Tables: `posting_run` (id, kind, posting count, Bloom filter of its keys) and `posting_block`
/// (run, last key, encoded block; see ``PostingBlock``). A lookup checks each run's Bloom filter
/// (cached in memory: runs never change) and reads one block from the runs that may hold the key.
/// Removed documents are listed in `removed_document` with their postings not yet merged away;
/// lookups skip them and merges drop them.
enum PostingRuns {
    /// Runs of one tier merged at once, and the ratio between tiers: at most `fanIn - 1` runs
    /// per tier wait, so a search checks a few dozen filters at most. Eight rather than four
    /// halves the merging (at 300,000 documents merges were an eighth of the build's time).
    static let fanIn = 8
    /// Runs below this many postings form tier 0 (the API's small batches merge there cheaply).
    static let tierBase = 65_536

    static func tier(postings: Int) -> Int {
        var tier = 0
        var bound = tierBase
        while postings >= bound {
            tier += 1
            bound *= fanIn
        }
        return tier
    }

    static let kinds = ["band", FeatureKind.anchor.rawValue, FeatureKind.passage.rawValue]

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE posting_run (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL,
                postings INTEGER NOT NULL,
                bloom BLOB NOT NULL
            );
            CREATE INDEX posting_run_kind ON posting_run(kind);
            CREATE TABLE posting_block (
                id INTEGER PRIMARY KEY,
                run INTEGER NOT NULL,
                last_key INTEGER NOT NULL,
                data BLOB NOT NULL
            );
            CREATE UNIQUE INDEX posting_block_key ON posting_block(run, last_key);
            CREATE TABLE removed_document (
                id INTEGER PRIMARY KEY,
                band INTEGER NOT NULL, anchor INTEGER NOT NULL, passage INTEGER NOT NULL
            );
            """)
    }

    // MARK: - Writing

    /// Writes sorted, distinct postings as a new run of `kind`; nothing when there are none.
    /// `expected` bounds the number of keys (it sizes the Bloom filter).
    @discardableResult
    static func write(kind: String, expected: Int, _ db: Database,
                      _ fill: (_ append: (Posting) throws -> Void) throws -> Void) throws -> Int64? {
        try db.execute(sql: "INSERT INTO posting_run (kind, postings, bloom) VALUES (?, 0, x'')", arguments: [kind])
        let run = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: "INSERT INTO posting_block (run, last_key, data) VALUES (?, ?, ?)")
        var bloom = BloomFilter(expectedKeys: expected)
        var count = 0
        var writer = PostingBlock.Writer { lastKey, bytes in
            try insert.execute(arguments: [run, lastKey, bytes.withUnsafeBufferPointer { Data(buffer: $0) }])
        }
        var previousKey: Int64?
        try fill { posting in
            try writer.append(posting)
            if posting.key != previousKey {
                bloom.insert(posting.key)
                previousKey = posting.key
            }
            count += 1
        }
        try writer.finish()
        guard count > 0 else {
            try db.execute(sql: "DELETE FROM posting_run WHERE id = ?", arguments: [run])
            return nil
        }
        try db.execute(sql: "UPDATE posting_run SET postings = ?, bloom = ? WHERE id = ?",
                       arguments: [count, Data(bloom.bytes), run])
        return run
    }

    /// Writes a batch's postings (any order, repeats allowed) as a new run, then merges tiers
    /// that have filled up.
    static func add(_ postings: [Posting], kind: String, _ db: Database) throws {
        guard !postings.isEmpty else { return }
        let sorted = postings.sorted()
        try write(kind: kind, expected: sorted.count, db) { append in
            var previous: Posting?
            for posting in sorted where posting != previous {
                try append(posting)
                previous = posting
            }
        }
        try compact(kind: kind, db)
    }

    /// Merges every tier holding ``fanIn`` runs or more, lowest first, until none does.
    static func compact(kind: String, _ db: Database) throws {
        while true {
            let runs = try Row.fetchAll(db, sql: "SELECT id, postings FROM posting_run WHERE kind = ? ORDER BY id", arguments: [kind])
                .map { (id: $0["id"] as Int64, postings: $0["postings"] as Int) }
            let byTier = Dictionary(grouping: runs) { tier(postings: $0.postings) }
            guard let full = byTier.keys.sorted().first(where: { byTier[$0]!.count >= fanIn }) else { return }
            try merge(byTier[full]!.map(\.id), kind: kind, db)
        }
    }

    /// Merges runs into one, dropping the postings of removed documents (and counting them off
    /// `removed_document`), then deletes the inputs. One transaction: the caller's.
    static func merge(_ runs: [Int64], kind: String, _ db: Database) throws {
        let removed = try Self.removed(db)
        var readers = try runs.map { try RunReader(run: $0, db) }
        let expected = try readers.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT postings FROM posting_run WHERE id = ?", arguments: [$1.run]) ?? 0) }
        var dropped: [Int64: Int] = [:]
        try write(kind: kind, expected: expected, db) { append in
            var previous: Posting?
            while true {
                // A few inputs: a linear scan for the smallest head beats a heap.
                var best = -1
                for i in readers.indices {
                    guard let head = readers[i].head else { continue }
                    if best < 0 || head < readers[best].head! { best = i }
                }
                guard best >= 0 else { break }
                let posting = readers[best].head!
                try readers[best].advance(db)
                if posting == previous { continue }
                previous = posting
                if removed.contains(posting.document) {
                    dropped[posting.document, default: 0] += 1
                } else {
                    try append(posting)
                }
            }
        }
        for run in runs {
            try db.execute(sql: "DELETE FROM posting_block WHERE run = ?", arguments: [run])
            try db.execute(sql: "DELETE FROM posting_run WHERE id = ?", arguments: [run])
        }
        for (document, count) in dropped {
            try db.execute(sql: "UPDATE removed_document SET \(kind) = max(0, \(kind) - ?) WHERE id = ?", arguments: [count, document])
        }
    }

    /// Reads a run's postings in order, a page of blocks at a time (fetched whole, so the merge
    /// never writes to `posting_block` while a statement is reading it).
    private struct RunReader {
        let run: Int64
        private var postings: [Posting] = []
        private var position = 0
        private var lastKey: Int64?
        private var exhausted = false

        init(run: Int64, _ db: Database) throws {
            self.run = run
            try refill(db)
        }

        var head: Posting? { position < postings.count ? postings[position] : nil }

        mutating func advance(_ db: Database) throws {
            position += 1
            if position >= postings.count { try refill(db) }
        }

        private mutating func refill(_ db: Database) throws {
            postings.removeAll(keepingCapacity: true)
            position = 0
            while postings.isEmpty && !exhausted {
                let rows = try Row.fetchAll(db, sql: lastKey == nil
                    ? "SELECT last_key, data FROM posting_block WHERE run = ? ORDER BY last_key LIMIT 256"
                    : "SELECT last_key, data FROM posting_block WHERE run = ? AND last_key > ? ORDER BY last_key LIMIT 256",
                    arguments: lastKey == nil ? [run] : [run, lastKey])
                exhausted = rows.count < 256
                for row in rows {
                    let data: Data = row["data"]
                    guard let block = PostingBlock.postings(in: [UInt8](data)) else {
                        throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "posting run \(run) has a damaged block")
                    }
                    postings += block
                    lastKey = row["last_key"]
                }
            }
        }
    }

    // MARK: - Removing

    /// Documents removed whose postings some run still holds.
    static func removed(_ db: Database) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: "SELECT id FROM removed_document WHERE band + anchor + passage > 0"))
    }

    /// Postings stored for live documents, per kind.
    static func liveCounts(_ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for kind in kinds {
            let stored = try Int.fetchOne(db, sql: "SELECT coalesce(sum(postings), 0) FROM posting_run WHERE kind = ?", arguments: [kind]) ?? 0
            let dead = try Int.fetchOne(db, sql: "SELECT coalesce(sum(\(kind)), 0) FROM removed_document") ?? 0
            counts[kind] = stored - dead
        }
        return counts
    }

    // MARK: - Reading

    /// For each key, the live documents holding it across every run of `kind`, in document
    /// order; a key held by more than `maxDocuments` comes back nil.
    static func documents(kind: String, keys: [Int64], maxDocuments: Int, blooms: BloomCache, _ db: Database) throws -> [Int64: [Int64]?] {
        let runs = try blooms.runs(kind: kind, db)
        let removed = try Self.removed(db)
        let block = try db.cachedStatement(sql: "SELECT data FROM posting_block WHERE run = ? AND last_key >= ? ORDER BY last_key LIMIT 1")
        var found: [Int64: [Int64]?] = [:]
        var documents: [Int64] = []
        for key in keys where found[key] == nil {
            documents.removeAll(keepingCapacity: true)
            for (run, bloom) in runs where bloom.mightContain(key) {
                guard let data = try Data.fetchOne(block, arguments: [run, key]) else { continue }
                data.withUnsafeBytes { PostingBlock.documents(of: key, in: $0, into: &documents) }
                if documents.count > maxDocuments + removed.count { break }
            }
            if !removed.isEmpty { documents.removeAll(where: removed.contains) }
            found[key] = documents.count > maxDocuments ? .some(nil) : .some(documents.sorted())
        }
        return found
    }

    /// Converts a key-ordered posting table of an older index into one run, and drops it.
    static func convert(table: String, _ db: Database) throws {
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
        if count > 0 {
            let rows = try Row.fetchCursor(db, sql: "SELECT key, document FROM \(table) ORDER BY key, document")
            try write(kind: table, expected: count, db) { append in
                while let row = try rows.next() { try append(Posting(key: row[0], document: row[1])) }
            }
        }
        try db.execute(sql: "DROP TABLE \(table)")
    }
}
