#if PostgreSQL
import Foundation
import PostgresNIO
import Testing
import RetoldCore
import RetoldIngest
@testable import RetoldPostgres
@testable import RetoldIndex

/// What only the PostgreSQL store has: migrations, partitions, many writers at once.
@Suite struct PostgresIndexTests {
    static func sql(_ url: String, _ statement: String) async throws -> [PostgresRow] {
        try await PostgresConnections.withSingleConnection(try PostgresLocation(url: url)) {
            try await PostgresConnections.rows(PostgresQuery(unsafeSQL: statement), on: $0)
        }
    }

    @Test func anUnmigratedDatabaseIsRefusedWithWhatToRun() async throws {
        let server = try TestPostgres.server()
        let name = "retold_test_bare_\(UInt32.random(in: 0...UInt32.max))"
        let url = try await PostgresAdmin.createDatabase(named: name, server: server)
        defer { Task { try? await PostgresAdmin.dropDatabase(named: name, server: server) } }
        await #expect {
            try await PostgresIndex.open(url: url)
        } throws: { error in
            String(describing: error).contains("no Retold schema here; create it with `retold index migrate")
        }
        #expect(try await PostgresIndex.migrate(url: url) == ["1: documents, postings partitioned by band, links", "2: link confidence",
                                                                "3: link reuse probability"])
        #expect(try await PostgresIndex.migrate(url: url) == [], "a second run has nothing to do")
        #expect(try await PostgresIndex.open(url: url).count() == 0)
        // A schema from a newer retold is refused, not used.
        _ = try await Self.sql(url, "INSERT INTO retold_migration (version, name) VALUES (99, 'future')")
        await #expect {
            try await PostgresIndex.open(url: url)
        } throws: { error in
            String(describing: error).contains("the schema is at version 99, newer than this retold (\(PostgresSchema.currentVersion))")
        }
        await #expect(throws: IndexError.self) { try await PostgresIndex.migrate(url: url) }
    }

    @Test func bandPostingsArePartitionedByBandAndLookupsTouchOnePartition() async throws {
        let store = try await TestBackend.postgres.makeIndex()
        defer { store.remove() }
        let bands = store.index.settings.bands
        let partitions = try await Self.sql(store.location, """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'band'::regclass ORDER BY c.relname
            """).map { try $0.decode(String.self) }
        #expect(partitions.count == bands + 1)
        #expect(partitions.first == "band_000" && partitions.contains(String(format: "band_%03d", bands - 1)) && partitions.last == "band_other")
        _ = try await IndexWriter(index: store.index).add([StoreTestData.examples])
        let rows = try await Self.sql(store.location, "SELECT count(*) FROM band_003").first!.decode(Int64.self)
        #expect(rows == 2, "each document has one key per band")
        let plan = try await Self.sql(store.location, "EXPLAIN SELECT document FROM band WHERE band = 3 AND key = 42")
            .map { try $0.decode(String.self) }.joined(separator: "\n")
        #expect(plan.contains("band_003") && !plan.contains("band_004") && !plan.contains("band_other"), "\(plan)")
    }

    /// Four writers at once on overlapping batches (each text in two of them, in different
    /// orders): every text is stored once, nobody deadlocks for good, and each writer is told
    /// the id of every one of its texts.
    @Test func concurrentWritersStoreEachTextOnce() async throws {
        let store = try await TestBackend.postgres.makeIndex()
        defer { store.remove() }
        let fingerprinter = store.index.settings.fingerprinter
        let texts = (0..<400).map { i in
            StoreTestData.document("d\(i)", "Report \(i): the council of town \(i * 7) voted \(i % 13) to \(i % 5) on the budget for year \(2000 + i).")
        }
        let prepared = texts.map { PreparedDocument($0, fingerprinter: fingerprinter) }
        let writers = 4
        let location = store.location
        // Each writer its own index (its own pool), as separate processes would be.
        let outcomes = try await withThrowingTaskGroup(of: [(String, AddOutcome)].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let index = try await TestBackend.postgres.reopen(location)
                    // Writer w holds quarters w and w+1: each text is in exactly two writers' inputs.
                    let mine = prepared.enumerated().filter { [writer, (writer + 1) % writers].contains($0.offset % writers) }.map(\.element)
                    let ordered = writer % 2 == 0 ? mine : mine.reversed()
                    var outcomes: [(String, AddOutcome)] = []
                    for start in stride(from: 0, to: ordered.count, by: 25) {
                        let batch = Array(ordered[start..<min(ordered.count, start + 25)])
                        outcomes += zip(batch.map(\.source.id), try await index.add(batch))
                    }
                    return outcomes
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var idOf: [String: Set<Int64>] = [:]
        var added = 0
        for result in outcomes {
            for (source, outcome) in result {
                switch outcome {
                case .added(let id): idOf[source, default: []].insert(id); added += 1
                case .duplicate(let id): idOf[source, default: []].insert(id)
                }
            }
        }
        #expect(added == 400)
        #expect(try await store.index.count() == 400)
        #expect(idOf.count == 400 && idOf.values.allSatisfy { $0.count == 1 }, "both writers of a text got the same id")
        let stored = try await Self.sql(store.location, "SELECT count(*), count(DISTINCT content_hash), count(DISTINCT source_id) FROM document").first!
        let (rows, hashes, sources) = try stored.decode((Int64, Int64, Int64).self)
        #expect(rows == 400 && hashes == 400 && sources == 400)
        let postings = try await Self.sql(store.location, "SELECT count(*) FROM band").first!.decode(Int64.self)
        #expect(postings == Int64(400 * store.index.settings.bands), "no postings for texts that lost the race")
    }
}
#endif
