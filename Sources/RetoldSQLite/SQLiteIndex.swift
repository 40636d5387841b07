import Foundation
import GRDB
import GRDBSQLite
import RetoldCore
import RetoldIndex
import RetoldIngest

/// The embedded index: one SQLite file in WAL mode, through GRDB.
///
/// Tables: `document` (metadata, signature, gzip-compressed text, unique content hash), `band` and
/// `anchor` postings (key, document) clustered by key so a lookup is one B-tree range, `link`
/// (verified reuse pairs) and `setting` (fingerprint parameters); each document carries whether
/// its links are computed.
/// Each batch of documents is one transaction, so a killed run leaves whole batches only.
public final class SQLiteIndex: DocumentIndex {
    public let path: String
    public let settings: IndexSettings
    private let pool: DatabasePool

    /// Opens or creates the index at `path`. A new index takes `settings`; an existing one keeps
    /// its own, and is refused when they differ from what the caller asks for. `pageCache` bounds
    /// the memory SQLite's caches take.
    public init(path: String, settings requested: IndexSettings = IndexSettings(Fingerprinter()),
                pageCache: PageCacheBudget = .bulkLoading) throws(IndexError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // NORMAL is durable against process kills in WAL mode (only power loss can lose the
            // last transactions). Readers (one per concurrent search, up to five) take the
            // smaller cache of the budget each.
            let cacheKiB = db.configuration.readonly ? pageCache.readerKiB : pageCache.writerKiB
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -\(cacheKiB); PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 16384")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try IndexSchema.migrator.migrate(pool)
            settings = try pool.write { db in
                let stored = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, value FROM setting").map {
                    (row: Row) -> (String, String) in (row["name"], row["value"])
                })
                if let existing = IndexSettings(pairs: stored) {
                    return existing
                }
                for (name, value) in requested.pairs {
                    try db.execute(sql: "INSERT OR REPLACE INTO setting (name, value) VALUES (?, ?)", arguments: [name, value])
                }
                return requested
            }
        } catch let error as DatabaseError {
            throw IndexError.database(path: path, message: error.message ?? error.description)
        } catch {
            throw IndexError.database(path: path, message: String(describing: error))
        }
        if settings != requested {
            throw IndexError.settingsMismatch(path: path)
        }
    }

    public func add(_ batch: [PreparedDocument]) async throws -> [AddOutcome] {
        try await write { db in
            var outcomes = [AddOutcome]()
            outcomes.reserveCapacity(batch.count)
            let find = try db.cachedStatement(sql: "SELECT id FROM document WHERE content_hash = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO document (content_hash, source_id, origin, url, outlet, title, published, published_at,
                                      words, text_bytes, signature, text, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let now = ISO8601DateFormatter().string(from: Date())
            var seen: [ContentHash: Int64] = [:]
            var bands: [Posting] = [], anchors: [Posting] = [], passages: [Posting] = []
            for document in batch {
                let hash = document.fingerprint.contentHash
                if let id = seen[hash] {
                    outcomes.append(.duplicate(of: id)); continue
                }
                let hashData = Data(hash.bytes)
                if let id = try Int64.fetchOne(find, arguments: [hashData]) {
                    outcomes.append(.duplicate(of: id)); continue
                }
                let source = document.source
                try insert.execute(arguments: [
                    hashData, source.id, source.origin.description, source.url, source.outlet, source.title,
                    source.published, document.publishedAt, document.fingerprint.words, document.textBytes,
                    Data(document.fingerprint.signature.bytes), Data(document.compressedText), now,
                ])
                let id = db.lastInsertedRowID
                bands += document.fingerprint.bandKeys.map { Posting(key: $0, document: id) }
                anchors += document.fingerprint.anchorKeys.map { Posting(key: $0, document: id) }
                passages += document.fingerprint.passageKeys.map { Posting(key: $0, document: id) }
                seen[hash] = id
                outcomes.append(.added(id: id))
            }
            try Self.insert(bands, into: "band", db)
            try Self.insert(anchors, into: "anchor", db)
            try Self.insert(passages, into: "passage", db)
            return outcomes
        }
    }

    /// Reads call GRDB's synchronous API on a queue of the index's own, off Swift's cooperative
    /// threads: one thread hop per call. GRDB's async `read` takes three (a semaphore actor, the
    /// reader's actor, and back), which made link building a third slower (30,000 documents:
    /// 146 s against 106 s); its async `write`, once per batch, costs nothing that shows.
    /// A write transaction. A full disk fails the transaction and SQLite rolls it back, so the
    /// index stays as the last commit left it; the error says so instead of SQLite's code.
    private func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(updates)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw IndexError.database(path: path, message: "the disk is full; everything committed before this write is kept")
        }
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Self.readQueue.async { [pool] in continuation.resume(with: Result { try pool.read(body) }) }
        }
    }

    private static let readQueue = DispatchQueue(label: "retold.sqlite-read", attributes: .concurrent)

    private struct Posting: Comparable {
        var key: Int64
        var document: Int64
        static func < (l: Posting, r: Posting) -> Bool { (l.key, l.document) < (r.key, r.document) }
    }

    /// Inserts postings in key order, so that consecutive inserts land on the same B-tree pages
    /// (random keys one by one touch a different page each time), binding values straight to
    /// the prepared statement: these millions of rows are most of an index build.
    private static func insert(_ postings: [Posting], into table: String, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO \(table) (key, document) VALUES (?, ?)")
        let handle = statement.sqliteStatement
        for posting in postings.sorted() {
            sqlite3_bind_int64(handle, 1, posting.key)
            sqlite3_bind_int64(handle, 2, posting.document)
            let code = sqlite3_step(handle)
            sqlite3_reset(handle)
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
        }
    }

    public func remove(_ id: Int64) async throws -> Bool {
        let settings = settings
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT signature, text FROM document WHERE id = ?", arguments: [id]) else {
                return false
            }
            let postings = try StoredPostings(document: id, signature: [UInt8](row["signature"] as Data), compressedText: [UInt8](row["text"] as Data),
                                              settings: settings)
            for key in postings.bandKeys {
                try db.execute(sql: "DELETE FROM band WHERE key = ? AND document = ?", arguments: [key, id])
            }
            for key in postings.anchorKeys {
                try db.execute(sql: "DELETE FROM anchor WHERE key = ? AND document = ?", arguments: [key, id])
            }
            for key in postings.passageKeys {
                try db.execute(sql: "DELETE FROM passage WHERE key = ? AND document = ?", arguments: [key, id])
            }
            try db.execute(sql: "DELETE FROM link WHERE a = ? OR b = ?", arguments: [id, id])
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
            return true
        }
    }

    public func bandMatches(_ keys: [Int64]) async throws -> [Int64: Int] {
        try await read { db in
            var counts: [Int64: Int] = [:]
            let statement = try db.cachedStatement(sql: "SELECT document FROM band WHERE key = ?")
            for key in keys {
                for document in try Int64.fetchAll(statement, arguments: [key]) { counts[document, default: 0] += 1 }
            }
            return counts
        }
    }

    public func featurePostings(_ kind: FeatureKind, _ keys: [Int64], maxDocuments: Int) async throws -> [Int64: [Int64]?] {
        try await read { db in
            var postings: [Int64: [Int64]?] = [:]
            let statement = try db.cachedStatement(sql: "SELECT document FROM \(kind.rawValue) WHERE key = ? LIMIT ?")
            for key in keys where postings[key] == nil {
                let documents = try Int64.fetchAll(statement, arguments: [key, maxDocuments + 1])
                postings[key] = documents.count > maxDocuments ? .some(nil) : .some(documents)
            }
            return postings
        }
    }

    public func documents(_ ids: [Int64], withText: Bool) async throws -> [StoredDocument] {
        guard !ids.isEmpty else { return [] }
        return try await read { db in
            let columns = "id, source_id, origin, url, outlet, title, published, published_at, words, content_hash" + (withText ? ", text" : "")
            // One query per 500 ids (SQLite's host-parameter limit is far above that), then
            // back into the order asked for.
            var found: [Int64: StoredDocument] = [:]
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT \(columns) FROM document WHERE id IN (\(marks))", arguments: StatementArguments(chunk)) {
                    let document = try Self.document(row, withText: withText)
                    found[document.id] = document
                }
            }
            return ids.compactMap { found[$0] }
        }
    }

    public func document(contentHash: ContentHash) async throws -> StoredDocument? {
        try await read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, source_id, origin, url, outlet, title, published, published_at, words, content_hash
                FROM document WHERE content_hash = ?
                """, arguments: [Data(contentHash.bytes)]).map { try Self.document($0, withText: false) }
        }
    }

    public func documentIDs(after id: Int64, limit: Int) async throws -> [Int64] {
        try await read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM document WHERE id > ? ORDER BY id LIMIT ?", arguments: [id, limit])
        }
    }

    public func count() async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0 }
    }

    public func stats() async throws -> IndexStats {
        try await read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*), coalesce(sum(words), 0), coalesce(sum(text_bytes), 0), count(DISTINCT outlet),
                       min(published_at), max(published_at) FROM document
                """)!
            let earliest: Double? = row[4], latest: Double? = row[5]
            let pageCount = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            return IndexStats(
                documents: row[0], words: row[1], textBytes: row[2],
                bandPostings: try Int.fetchOne(db, sql: "SELECT count(*) FROM band") ?? 0,
                anchorPostings: try Int.fetchOne(db, sql: "SELECT count(*) FROM anchor") ?? 0,
                passagePostings: try Int.fetchOne(db, sql: "SELECT count(*) FROM passage") ?? 0,
                links: try Int.fetchOne(db, sql: "SELECT count(*) FROM link") ?? 0,
                outlets: row[3],
                earliestPublished: earliest.map(IndexStats.timestamp), latestPublished: latest.map(IndexStats.timestamp),
                databaseBytes: pageCount * pageSize, settings: self.settings)
        }
    }

    public func unlinkedDocumentIDs(after id: Int64, limit: Int) async throws -> [Int64] {
        try await read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM document WHERE linked = 0 AND id > ? ORDER BY id LIMIT ?", arguments: [id, limit])
        }
    }

    public func storeLinks(_ links: [StoredLink], checked: [Int64]) async throws {
        try await write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO link (a, b, relationship, coverage_a, coverage_b, confidence, reuse_probability)
                SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM document WHERE id = ?) AND EXISTS (SELECT 1 FROM document WHERE id = ?)
                """)
            for link in links {
                try insert.execute(arguments: [link.a, link.b, link.relationship.rawValue, link.coverageA, link.coverageB, link.confidence,
                                                   link.reuseProbability, link.a, link.b])
            }
            let mark = try db.cachedStatement(sql: "UPDATE document SET linked = 1 WHERE id = ?")
            for id in checked { try mark.execute(arguments: [id]) }
        }
    }

    public func links() async throws -> [StoredLink] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT a, b, relationship, coverage_a, coverage_b, confidence, reuse_probability FROM link ORDER BY a, b").compactMap { row in
                guard let relationship = Relationship(rawValue: row["relationship"]) else { return nil }
                return StoredLink(a: row["a"], b: row["b"], relationship: relationship, coverageA: row["coverage_a"], coverageB: row["coverage_b"],
                                  confidence: row["confidence"], reuseProbability: row["reuse_probability"])
            }
        }
    }

    // MARK: - Rows

    static func document(_ row: Row, withText: Bool) throws -> StoredDocument {
        let id: Int64 = row["id"]
        return StoredDocument(
            id: id, sourceID: row["source_id"], origin: row["origin"], url: row["url"], outlet: row["outlet"],
            title: row["title"], published: row["published"], publishedAt: row["published_at"], words: row["words"],
            contentHash: try StoredDocument.contentHash([UInt8](row["content_hash"] as Data), document: id),
            text: withText ? try StoredDocument.text(compressed: [UInt8](row["text"] as Data), document: id) : nil)
    }
}
