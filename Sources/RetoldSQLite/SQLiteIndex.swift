import Foundation
import GRDB
import GRDBSQLite
import RetoldCore
import RetoldIndex
import RetoldIngest

/// The embedded index: one SQLite file in WAL mode, through GRDB.
///
/// Tables: `document` (metadata, signature, gzip-compressed text, unique content hash), the LSH
/// band, anchor and passage postings as sorted runs merged in tiers (``PostingRuns``), `link`
/// (verified reuse pairs) and `setting` (fingerprint parameters); each document carries whether
/// its links are computed.
/// Each batch of documents is one transaction, so a killed run leaves whole batches only.
public final class SQLiteIndex: DocumentIndex {
    public let path: String
    public let settings: IndexSettings
    private let pool: DatabasePool
    private let blooms = BloomCache()

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
            // An index that is current is opened with a read alone, so a search or `index stats`
            // never waits for the write lock a running `index add` holds between its batches.
            let current: IndexSettings? = try pool.read { db in
                guard try IndexSchema.migrator.hasCompletedMigrations(db) else { return nil }
                return try IndexSettings(pairs: Self.storedSettings(db))
            }
            if let current {
                settings = current
            } else {
                try IndexSchema.migrator.migrate(pool)
                settings = try Self.settle(requested, in: pool)
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

    private static func storedSettings(_ db: Database) throws -> [String: String] {
        try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT name, value FROM setting").map {
            (row: Row) -> (String, String) in (row["name"], row["value"])
        })
    }

    /// The stored settings, or `requested` written as the settings of a new index.
    private static func settle(_ requested: IndexSettings, in pool: DatabasePool) throws -> IndexSettings {
        try pool.write { db in
            if let existing = IndexSettings(pairs: try storedSettings(db)) {
                return existing
            }
            for (name, value) in requested.pairs {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (name, value) VALUES (?, ?)", arguments: [name, value])
            }
            return requested
        }
    }

    public func add(_ batch: [PreparedDocument]) async throws -> [AddOutcome] {
        try await write { db in
            var outcomes = [AddOutcome]()
            outcomes.reserveCapacity(batch.count)
            let find = try db.cachedStatement(sql: "SELECT id FROM document WHERE content_hash = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO document (id, content_hash, source_id, origin, url, outlet, title, published, published_at,
                                      words, text_bytes, signature, text, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            // Ids are never reused: a removed document's postings stay in their runs (skipped by
            // lookups) until a merge drops them, so a new document must not take its id.
            var nextID = try Int64.fetchOne(db, sql: """
                SELECT max(coalesce((SELECT max(id) FROM document), 0), coalesce((SELECT max(id) FROM removed_document), 0)) + 1
                """) ?? 1
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
                let id = nextID
                nextID += 1
                try insert.execute(arguments: [
                    id, hashData, source.id, source.origin.description, source.url, source.outlet, source.title,
                    source.published, document.publishedAt, document.fingerprint.words, document.textBytes,
                    Data(document.fingerprint.signature.bytes), Data(document.compressedText), now,
                ])
                bands += document.fingerprint.bandKeys.map { Posting(key: $0, document: id) }
                anchors += document.fingerprint.anchorKeys.map { Posting(key: $0, document: id) }
                passages += document.fingerprint.passageKeys.map { Posting(key: $0, document: id) }
                seen[hash] = id
                outcomes.append(.added(id: id))
            }
            try PostingRuns.add(bands, kind: "band", db)
            try PostingRuns.add(anchors, kind: FeatureKind.anchor.rawValue, db)
            try PostingRuns.add(passages, kind: FeatureKind.passage.rawValue, db)
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

    public func remove(_ id: Int64) async throws -> Bool {
        let settings = settings
        return try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT signature, text FROM document WHERE id = ?", arguments: [id]) else {
                return false
            }
            let postings = try StoredPostings(document: id, signature: [UInt8](row["signature"] as Data), compressedText: [UInt8](row["text"] as Data),
                                              settings: settings)
            // Runs are immutable: the document's postings are listed as removed (lookups skip
            // them) and dropped by the next merge of their runs.
            try db.execute(sql: "INSERT OR REPLACE INTO removed_document (id, band, anchor, passage) VALUES (?, ?, ?, ?)",
                           arguments: [id, Set(postings.bandKeys).count, Set(postings.anchorKeys).count, Set(postings.passageKeys).count])
            try db.execute(sql: "DELETE FROM link WHERE a = ? OR b = ?", arguments: [id, id])
            try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
            return true
        }
    }

    public func bandMatches(_ keys: [Int64]) async throws -> [Int64: Int] {
        try await read { [blooms] db in
            let postings = try PostingRuns.documents(kind: "band", keys: keys, maxDocuments: Int.max / 2, blooms: blooms, db)
            var counts: [Int64: Int] = [:]
            for key in keys {
                for document in postings[key].flatMap({ $0 }) ?? [] { counts[document, default: 0] += 1 }
            }
            return counts
        }
    }

    public func featurePostings(_ kind: FeatureKind, _ keys: [Int64], maxDocuments: Int) async throws -> [Int64: [Int64]?] {
        try await read { [blooms] db in
            try PostingRuns.documents(kind: kind.rawValue, keys: keys, maxDocuments: maxDocuments, blooms: blooms, db)
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
            let postings = try PostingRuns.liveCounts(db)
            return IndexStats(
                documents: row[0], words: row[1], textBytes: row[2],
                bandPostings: postings["band"] ?? 0,
                anchorPostings: postings[FeatureKind.anchor.rawValue] ?? 0,
                passagePostings: postings[FeatureKind.passage.rawValue] ?? 0,
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
