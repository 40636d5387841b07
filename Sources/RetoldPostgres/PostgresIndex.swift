#if PostgreSQL
import Foundation
import NIOCore
import PostgresNIO
import RetoldCore
import RetoldIngest
import RetoldIndex

/// The shared index: the same tables as the SQLite file on a PostgreSQL database, for many
/// concurrent writers (`retold index add` processes) and many servers.
///
/// - Each batch is one transaction: a killed writer leaves whole batches only.
/// - The content hash is unique: two writers adding the same text store it once. Rows are
///   inserted in content-hash order, so two batches sharing texts take their locks in the same
///   order and cannot deadlock each other; a transaction PostgreSQL still aborts (deadlock
///   victim, serialization failure) is retried whole.
/// - Band postings are partitioned by band; postings go in with one array-bound statement per
///   table and batch slice, sorted by key so that consecutive rows land on the same index pages.
public final class PostgresIndex: DocumentIndex {
    public let location: PostgresLocation
    public let settings: IndexSettings
    let connections: PostgresConnections

    private init(location: PostgresLocation, settings: IndexSettings) {
        self.location = location
        self.settings = settings
        connections = PostgresConnections(location)
    }

    /// Opens the index in an existing, migrated database. A database without Retold's schema,
    /// or at another schema version, is refused with what to run; so are settings other than
    /// `settings` (the fingerprint parameters the database was migrated with). The check runs on
    /// a connection of its own, so a refused connection or a wrong password is reported at once.
    public static func open(url: String, settings requested: IndexSettings = IndexSettings(Fingerprinter())) async throws(IndexError) -> PostgresIndex {
        let location = try PostgresLocation(url: url)
        let place = location.description
        let settings: IndexSettings
        do {
            settings = try await PostgresConnections.withSingleConnection(location) { connection in
                let version = try await PostgresSchema.version(connection)
                if version == 0 {
                    throw IndexError.database(path: place, message: "no Retold schema here; create it with `retold index migrate --db \(place)`")
                }
                if version < PostgresSchema.currentVersion {
                    throw IndexError.database(path: place, message: "the schema is at version \(version) and this retold needs \(PostgresSchema.currentVersion); run `retold index migrate`")
                }
                if version > PostgresSchema.currentVersion {
                    throw IndexError.database(path: place, message: "the schema is at version \(version), newer than this retold (\(PostgresSchema.currentVersion)); upgrade retold")
                }
                guard let stored = try await Self.storedSettings(connection) else {
                    throw IndexError.database(path: place, message: "the index settings are missing; run `retold index migrate`")
                }
                return stored
            }
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError.database(path: place, message: PostgresStatementError(error).message)
        }
        if settings != requested { throw IndexError.settingsMismatch(path: place) }
        return PostgresIndex(location: location, settings: settings)
    }

    /// Brings the database's schema up to date and, on a new database, records `settings` and
    /// creates one band partition per LSH band. Safe to run from several processes at once.
    /// Returns the migrations applied (empty when it was up to date).
    @discardableResult
    public static func migrate(url: String, settings: IndexSettings = IndexSettings(Fingerprinter())) async throws(IndexError) -> [String] {
        let location = try PostgresLocation(url: url)
        do {
            return try await PostgresConnections.withSingleConnection(location) { connection in try await PostgresConnections.inTransaction(connection) { connection in
                try await PostgresConnections.run("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey))", on: connection)
                try await PostgresConnections.run("""
                    CREATE TABLE IF NOT EXISTS retold_migration (
                        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                    """, on: connection)
                let version = try await PostgresSchema.version(connection)
                if version > PostgresSchema.currentVersion {
                    throw IndexError.database(path: location.description, message: "the schema is at version \(version), newer than this retold (\(PostgresSchema.currentVersion)); upgrade retold")
                }
                var applied: [String] = []
                for migration in PostgresSchema.migrations where migration.version > version {
                    for statement in migration.statements {
                        try await PostgresConnections.run(PostgresQuery(unsafeSQL: statement), on: connection)
                    }
                    try await PostgresConnections.run(
                        "INSERT INTO retold_migration (version, name) VALUES (\(migration.version), \(migration.name))", on: connection)
                    applied.append("\(migration.version): \(migration.name)")
                }
                if let stored = try await storedSettings(connection) {
                    if stored != settings { throw IndexError.settingsMismatch(path: location.description) }
                } else {
                    for (name, value) in settings.pairs {
                        try await PostgresConnections.run("INSERT INTO setting (name, value) VALUES (\(name), \(value))", on: connection)
                    }
                    for band in 0..<settings.bands {
                        let name = String(format: "band_%03d", band)
                        try await PostgresConnections.run(PostgresQuery(unsafeSQL: "CREATE TABLE \(name) PARTITION OF band FOR VALUES IN (\(band))"),
                                                    on: connection)
                    }
                }
                return applied
            } }
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError.database(path: location.description, message: PostgresStatementError(error).message)
        }
    }

    static func storedSettings(_ connection: PostgresConnection) async throws -> IndexSettings? {
        var pairs: [String: String] = [:]
        for row in try await PostgresConnections.rows("SELECT name, value FROM setting", on: connection) {
            let (name, value) = try row.decode((String, String).self)
            pairs[name] = value
        }
        return IndexSettings(pairs: pairs)
    }

    // MARK: - Writing

    public func add(_ batch: [PreparedDocument]) async throws -> [AddOutcome] {
        guard !batch.isEmpty else { return [] }
        // The first of equal texts in the batch is the one stored.
        var firstWithHash: [ContentHash: Int] = [:]
        for (position, document) in batch.enumerated() where firstWithHash[document.fingerprint.contentHash] == nil {
            firstWithHash[document.fingerprint.contentHash] = position
        }
        let distinct = firstWithHash.values.sorted()
        let (ids, added) = try await translate {
            try await connections.transaction { connection -> ([ContentHash: Int64], Set<ContentHash>) in
                var ids = try await existingIDs(distinct.map { batch[$0].fingerprint.contentHash }, connection)
                let new = distinct.filter { ids[batch[$0].fingerprint.contentHash] == nil }
                guard !new.isEmpty else { return (ids, []) }
                let allocated = try await PostgresConnections.rows(
                    "SELECT nextval('document_id_seq') FROM generate_series(1, \(new.count))", on: connection
                ).map { try $0.decode(Int64.self) }.sorted()
                // Ids in input order; rows in content-hash order (the lock order).
                let rows = zip(new, allocated).map { (document: batch[$0.0], id: $0.1) }
                    .sorted { $0.document.fingerprint.contentHash < $1.document.fingerprint.contentHash }
                var inserted = Set<Int64>()
                for start in stride(from: 0, to: rows.count, by: 1_000) {
                    inserted.formUnion(try await insertDocuments(rows[start..<min(rows.count, start + 1_000)], connection))
                }
                let stored = rows.filter { inserted.contains($0.id) }
                try await insertPostings(stored, connection)
                // Last, so that the one-row count is locked only until the commit just after.
                try await PostgresConnections.run("UPDATE document_count SET documents = documents + \(stored.count)", on: connection)
                var added = Set<ContentHash>()
                for row in stored {
                    ids[row.document.fingerprint.contentHash] = row.id
                    added.insert(row.document.fingerprint.contentHash)
                }
                // A text another writer committed meanwhile (our insert skipped it): its id.
                let raced = new.map { batch[$0].fingerprint.contentHash }.filter { ids[$0] == nil }
                if !raced.isEmpty {
                    ids.merge(try await existingIDs(raced, connection)) { current, _ in current }
                }
                return (ids, added)
            }
        }
        return try batch.enumerated().map { position, document in
            let hash = document.fingerprint.contentHash
            guard let id = ids[hash] else {
                throw IndexError.database(path: location.description, message: "a document was neither stored nor found")
            }
            return firstWithHash[hash] == position && added.contains(hash) ? .added(id: id) : .duplicate(of: id)
        }
    }

    private func existingIDs(_ hashes: [ContentHash], _ connection: PostgresConnection) async throws -> [ContentHash: Int64] {
        var ids: [ContentHash: Int64] = [:]
        let values = hashes.map { ByteBuffer(bytes: $0.bytes) }
        for row in try await PostgresConnections.rows("SELECT id, content_hash FROM document WHERE content_hash = ANY(\(values))", on: connection) {
            let (id, hash) = try row.decode((Int64, ByteBuffer).self)
            ids[try StoredDocument.contentHash(Array(hash.readableBytesView), document: id)] = id
        }
        return ids
    }

    /// Inserts documents with the ids given; returns the ids actually inserted (a text that
    /// another writer committed first is skipped).
    private func insertDocuments(_ rows: ArraySlice<(document: PreparedDocument, id: Int64)>, _ connection: PostgresConnection) async throws -> [Int64] {
        let columns = 13
        var sql = """
            INSERT INTO document (id, content_hash, source_id, origin, url, outlet, title, published, published_at,
                                  words, text_bytes, signature, text) VALUES
            """
        var bindings = PostgresBindings(capacity: rows.count * columns)
        for (offset, row) in rows.enumerated() {
            let first = offset * columns
            sql += (offset == 0 ? " (" : ", (") + (1...columns).map { "$\(first + $0)" }.joined(separator: ", ") + ")"
            let document = row.document, source = document.source
            bindings.append(row.id)
            bindings.append(ByteBuffer(bytes: document.fingerprint.contentHash.bytes))
            bindings.append(source.id)
            bindings.append(source.origin.description)
            bindings.append(source.url)
            bindings.append(source.outlet)
            bindings.append(source.title)
            bindings.append(source.published)
            bindings.append(document.publishedAt)
            bindings.append(Int64(document.fingerprint.words))
            bindings.append(Int64(document.textBytes))
            bindings.append(ByteBuffer(bytes: document.fingerprint.signature.bytes))
            bindings.append(ByteBuffer(bytes: document.compressedText))
        }
        sql += " ON CONFLICT (content_hash) DO NOTHING RETURNING id"
        return try await PostgresConnections.rows(PostgresQuery(unsafeSQL: sql, binds: bindings), on: connection).map { try $0.decode(Int64.self) }
    }

    /// Postings as parallel arrays, key order, one statement per table and slice.
    private func insertPostings(_ rows: [(document: PreparedDocument, id: Int64)], _ connection: PostgresConnection) async throws {
        var bands: [(band: Int16, key: Int64, document: Int64)] = []
        var anchors: [(key: Int64, document: Int64)] = [], passages: [(key: Int64, document: Int64)] = []
        for row in rows {
            let fingerprint = row.document.fingerprint
            for (band, key) in fingerprint.bandKeys.enumerated() { bands.append((Int16(band), key, row.id)) }
            for key in Set(fingerprint.anchorKeys) { anchors.append((key, row.id)) }
            for key in Set(fingerprint.passageKeys) { passages.append((key, row.id)) }
        }
        bands.sort { ($0.band, $0.key, $0.document) < ($1.band, $1.key, $1.document) }
        let slice = 200_000
        for start in stride(from: 0, to: bands.count, by: slice) {
            let part = bands[start..<min(bands.count, start + slice)]
            try await PostgresConnections.run("""
                INSERT INTO band (band, key, document)
                SELECT * FROM unnest(\(part.map(\.band))::smallint[], \(part.map(\.key))::bigint[], \(part.map(\.document))::bigint[])
                """, on: connection)
        }
        for (table, postings) in [("anchor", anchors), ("passage", passages)] {
            let sorted = postings.sorted { ($0.key, $0.document) < ($1.key, $1.document) }
            for start in stride(from: 0, to: sorted.count, by: slice) {
                let part = sorted[start..<min(sorted.count, start + slice)]
                try await PostgresConnections.run("""
                    INSERT INTO \(unescaped: table) (key, document)
                    SELECT * FROM unnest(\(part.map(\.key))::bigint[], \(part.map(\.document))::bigint[])
                    """, on: connection)
            }
        }
    }

    public func remove(_ id: Int64) async throws -> Bool {
        try await translate {
            try await connections.transaction { connection in
                let rows = try await PostgresConnections.rows("DELETE FROM document WHERE id = \(id) RETURNING signature, text", on: connection)
                guard let row = rows.first else { return false }
                let (signature, text) = try row.decode((ByteBuffer, ByteBuffer).self)
                let postings = try StoredPostings(document: id, signature: Array(signature.readableBytesView), compressedText: Array(text.readableBytesView),
                                                  settings: settings)
                let bandKeys = postings.bandKeys
                try await PostgresConnections.run("""
                    DELETE FROM band WHERE document = \(id) AND (band, key) IN
                        (SELECT * FROM unnest(\(bandKeys.indices.map { Int16($0) })::smallint[], \(bandKeys)::bigint[]))
                    """, on: connection)
                try await PostgresConnections.run("DELETE FROM anchor WHERE document = \(id) AND key = ANY(\(postings.anchorKeys))", on: connection)
                try await PostgresConnections.run("DELETE FROM passage WHERE document = \(id) AND key = ANY(\(postings.passageKeys))", on: connection)
                try await PostgresConnections.run("DELETE FROM link WHERE a = \(id) OR b = \(id)", on: connection)
                try await PostgresConnections.run("UPDATE document_count SET documents = documents - 1", on: connection)
                return true
            }
        }
    }

    // MARK: - Reading

    public func bandMatches(_ keys: [Int64]) async throws -> [Int64: Int] {
        guard !keys.isEmpty else { return [:] }
        // One branch per band with the band as a constant, so that each is planned against its
        // own partition's index; one round trip for all.
        var bindings = PostgresBindings(capacity: keys.count)
        var branches: [String] = []
        for (band, key) in keys.enumerated() {
            bindings.append(key)
            branches.append("SELECT document FROM band WHERE band = \(band) AND key = $\(band + 1)")
        }
        let sql = branches.joined(separator: " UNION ALL ")
        return try await translate {
            try await connections.withConnection { connection in
                var counts: [Int64: Int] = [:]
                for row in try await PostgresConnections.rows(PostgresQuery(unsafeSQL: sql, binds: bindings), on: connection) {
                    counts[try row.decode(Int64.self), default: 0] += 1
                }
                return counts
            }
        }
    }

    public func featurePostings(_ kind: FeatureKind, _ keys: [Int64], maxDocuments: Int) async throws -> [Int64: [Int64]?] {
        let unique = Array(Set(keys))
        guard !unique.isEmpty else { return [:] }
        return try await translate {
            try await connections.withConnection { connection in
                var documents: [Int64: [Int64]] = [:]
                for row in try await PostgresConnections.rows("""
                    SELECT q.key, p.document FROM unnest(\(unique)::bigint[]) AS q(key)
                    CROSS JOIN LATERAL (SELECT document FROM \(unescaped: kind.rawValue) WHERE key = q.key
                                        ORDER BY document LIMIT \(maxDocuments + 1)) AS p
                    """, on: connection) {
                    let (key, document) = try row.decode((Int64, Int64).self)
                    documents[key, default: []].append(document)
                }
                var postings: [Int64: [Int64]?] = [:]
                for key in unique {
                    let found = documents[key] ?? []
                    postings[key] = found.count > maxDocuments ? .some(nil) : .some(found.sorted())
                }
                return postings
            }
        }
    }

    private static let metadataColumns = "id, source_id, origin, url, outlet, title, published, published_at, words, content_hash"

    public func documents(_ ids: [Int64], withText: Bool) async throws -> [StoredDocument] {
        guard !ids.isEmpty else { return [] }
        let columns = Self.metadataColumns + (withText ? ", text" : "")
        let found: [Int64: StoredDocument] = try await translate {
            try await connections.withConnection { connection in
                var found: [Int64: StoredDocument] = [:]
                for row in try await PostgresConnections.rows("SELECT \(unescaped: columns) FROM document WHERE id = ANY(\(ids))", on: connection) {
                    let document = try Self.document(row, withText: withText)
                    found[document.id] = document
                }
                return found
            }
        }
        return ids.compactMap { found[$0] }
    }

    public func document(contentHash: ContentHash) async throws -> StoredDocument? {
        try await translate {
            try await connections.withConnection { connection in
                try await PostgresConnections.rows(
                    "SELECT \(unescaped: Self.metadataColumns) FROM document WHERE content_hash = \(ByteBuffer(bytes: contentHash.bytes))",
                    on: connection
                ).first.map { try Self.document($0, withText: false) }
            }
        }
    }

    public func documentIDs(after id: Int64, limit: Int) async throws -> [Int64] {
        try await ids("SELECT id FROM document WHERE id > \(id) ORDER BY id LIMIT \(Int64(limit))")
    }

    public func count() async throws -> Int {
        try await translate {
            try await connections.withConnection { connection in
                Int(try await PostgresConnections.rows("SELECT documents FROM document_count", on: connection).first?.decode(Int64.self) ?? 0)
            }
        }
    }

    public func stats() async throws -> IndexStats {
        try await translate {
            try await connections.withConnection { connection in
                let row = try await PostgresConnections.rows("""
                    SELECT count(*), coalesce(sum(words), 0)::bigint, coalesce(sum(text_bytes), 0)::bigint, count(DISTINCT outlet),
                           min(published_at), max(published_at),
                           (SELECT count(*) FROM band), (SELECT count(*) FROM anchor), (SELECT count(*) FROM passage),
                           (SELECT count(*) FROM link), pg_database_size(current_database())
                    FROM document
                    """, on: connection)[0]
                let (documents, words, textBytes, outlets, earliest, latest, bands, anchors, passages, links, bytes) =
                    try row.decode((Int64, Int64, Int64, Int64, Double?, Double?, Int64, Int64, Int64, Int64, Int64).self)
                return IndexStats(
                    documents: Int(documents), words: Int(words), textBytes: Int(textBytes),
                    bandPostings: Int(bands), anchorPostings: Int(anchors), passagePostings: Int(passages), links: Int(links),
                    outlets: Int(outlets), earliestPublished: earliest.map(IndexStats.timestamp), latestPublished: latest.map(IndexStats.timestamp),
                    databaseBytes: Int(bytes), settings: settings)
            }
        }
    }

    // MARK: - Links

    public func unlinkedDocumentIDs(after id: Int64, limit: Int) async throws -> [Int64] {
        try await ids("SELECT id FROM document WHERE NOT linked AND id > \(id) ORDER BY id LIMIT \(Int64(limit))")
    }

    public func storeLinks(_ links: [StoredLink], checked: [Int64]) async throws {
        try await translate {
            try await connections.transaction { connection in
                if !links.isEmpty {
                    // Only between documents still stored (one may have been removed meanwhile).
                    try await PostgresConnections.run("""
                        INSERT INTO link (a, b, relationship, coverage_a, coverage_b, confidence, reuse_probability)
                        SELECT l.* FROM unnest(\(links.map(\.a))::bigint[], \(links.map(\.b))::bigint[], \(links.map(\.relationship.rawValue))::text[],
                                               \(links.map(\.coverageA))::float8[], \(links.map(\.coverageB))::float8[], \(links.map(\.confidence))::float8[],
                                               \(links.map(\.reuseProbability))::float8[])
                            AS l(a, b, relationship, coverage_a, coverage_b, confidence, reuse_probability)
                        WHERE EXISTS (SELECT 1 FROM document WHERE id = l.a) AND EXISTS (SELECT 1 FROM document WHERE id = l.b)
                        ON CONFLICT (a, b) DO UPDATE SET relationship = excluded.relationship,
                            coverage_a = excluded.coverage_a, coverage_b = excluded.coverage_b, confidence = excluded.confidence,
                            reuse_probability = excluded.reuse_probability
                        """, on: connection)
                }
                try await PostgresConnections.run("UPDATE document SET linked = true WHERE id = ANY(\(checked)) AND NOT linked", on: connection)
            }
        }
    }

    public func links() async throws -> [StoredLink] {
        try await translate {
            try await connections.withConnection { connection in
                try await PostgresConnections.rows("SELECT a, b, relationship, coverage_a, coverage_b, confidence, reuse_probability FROM link ORDER BY a, b",
                                                   on: connection)
                    .compactMap { row in
                        let (a, b, relationship, coverageA, coverageB, confidence, reuseProbability) =
                            try row.decode((Int64, Int64, String, Double, Double, Double, Double).self)
                        return Relationship(rawValue: relationship).map {
                            StoredLink(a: a, b: b, relationship: $0, coverageA: coverageA, coverageB: coverageB,
                                       confidence: confidence, reuseProbability: reuseProbability)
                        }
                    }
            }
        }
    }

    // MARK: - Helpers

    private func ids(_ query: PostgresQuery) async throws -> [Int64] {
        try await translate {
            try await connections.withConnection { connection in
                try await PostgresConnections.rows(query, on: connection).map { try $0.decode(Int64.self) }
            }
        }
    }

    /// Errors leave as `IndexError`, with PostgreSQL's message and where the database is.
    private func translate<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as IndexError {
            throw error
        } catch let error as PostgresStatementError {
            throw IndexError.database(path: location.description, message: error.message)
        } catch {
            throw IndexError.database(path: location.description, message: String(describing: error))
        }
    }

    static func document(_ row: PostgresRow, withText: Bool) throws -> StoredDocument {
        let cells = row.makeRandomAccess()
        let id = try cells["id"].decode(Int64.self)
        let text = withText ? try StoredDocument.text(compressed: Array(try cells["text"].decode(ByteBuffer.self).readableBytesView), document: id) : nil
        return StoredDocument(
            id: id, sourceID: try cells["source_id"].decode(String.self),
            origin: try cells["origin"].decode(String.self), url: try cells["url"].decode(String?.self),
            outlet: try cells["outlet"].decode(String?.self), title: try cells["title"].decode(String?.self),
            published: try cells["published"].decode(String?.self), publishedAt: try cells["published_at"].decode(Double?.self),
            words: Int(try cells["words"].decode(Int32.self)),
            contentHash: try StoredDocument.contentHash(Array(try cells["content_hash"].decode(ByteBuffer.self).readableBytesView), document: id),
            text: text)
    }
}
#endif
