import Foundation
import GRDB
import Testing
@testable import RetoldSQLite

/// The SQLite store's posting runs: the block encoding, the Bloom filters, tiered merges,
/// removed documents, and the conversion of an older index's posting tables.
@Suite struct PostingRunsTests {
    /// Postings spread over all of Int64 (as key hashes are), with some keys held by many documents.
    static func postings(count: Int, seed: UInt64) -> [Posting] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var postings: [Posting] = []
        for i in 0..<count {
            let key = i % 5 == 0 ? Int64(i % 3) : Int64(bitPattern: next())
            postings.append(Posting(key: key, document: Int64(next() % 1_000_000) + 1))
        }
        return postings
    }

    @Test func blocksRoundTripAndNeverSplitAKey() throws {
        let sorted = Array(Set(Self.postings(count: 20_000, seed: 1))).sorted()
        var blocks: [(lastKey: Int64, bytes: [UInt8])] = []
        var writer = PostingBlock.Writer { blocks.append(($0, $1)) }
        for posting in sorted { try writer.append(posting) }
        try writer.finish()
        #expect(blocks.count > 10)
        let decoded = blocks.flatMap { PostingBlock.postings(in: $0.bytes) ?? [] }
        #expect(decoded == sorted)
        for (i, block) in blocks.enumerated() {
            let postings = PostingBlock.postings(in: block.bytes)!
            #expect(postings.last?.key == block.lastKey)
            if i > 0 { #expect(postings.first!.key > blocks[i - 1].lastKey) }
        }
        // Key 1 is held by over 1,300 documents, more than a block's worth of bytes: all of them
        // come from one block.
        let expected = sorted.filter { $0.key == 1 }.map(\.document)
        #expect(expected.count > 1_300)
        let block = blocks.first { $0.lastKey >= 1 }!
        var documents: [Int64] = []
        block.bytes.withUnsafeBytes { PostingBlock.documents(of: 1, in: $0, into: &documents) }
        #expect(documents == expected)
    }

    @Test func aTruncatedBlockIsRejected() {
        var bytes: [UInt8] = []
        PostingBlock.appendVarint(UInt64.max, to: &bytes)
        #expect(bytes.count == 10)
        #expect(PostingBlock.postings(in: Array(bytes.dropLast())) == nil)
    }

    @Test func bloomFiltersHaveNoFalseNegativesAndFewFalsePositives() throws {
        let keys = Self.postings(count: 10_000, seed: 2).map(\.key)
        var bloom = BloomFilter(expectedKeys: keys.count)
        for key in keys { bloom.insert(key) }
        let stored = try #require(BloomFilter(bytes: bloom.bytes))
        #expect(keys.allSatisfy(stored.mightContain))
        let inserted = Set(keys)
        let absent = Self.postings(count: 10_000, seed: 3).map(\.key).filter { !inserted.contains($0) }
        let falsePositives = absent.filter(stored.mightContain).count
        #expect(falsePositives < absent.count / 20, "\(falsePositives) of \(absent.count)")
        #expect(BloomFilter(bytes: [0, 1, 2]) == nil)
    }

    static func database() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { try PostingRuns.createTables($0) }
        return queue
    }

    static func lookup(_ keys: [Int64], _ db: Database, maxDocuments: Int = 10_000) throws -> [Int64: [Int64]?] {
        try PostingRuns.documents(kind: "band", keys: keys, maxDocuments: maxDocuments, blooms: BloomCache(), db)
    }

    @Test func batchesBecomeRunsAndAFullTierMergesIntoOne() throws {
        let queue = try Self.database()
        var all: [Posting] = []
        var runCounts: [Int] = []
        for batch in 0..<PostingRuns.fanIn {
            let postings = Self.postings(count: 10_000, seed: 10 + UInt64(batch))
            all += postings
            try queue.write { (db: Database) throws in
                try PostingRuns.add(postings, kind: "band", db)
                runCounts.append(try Int.fetchOne(db, sql: "SELECT count(*) FROM posting_run")!)
            }
        }
        // Runs wait in tier 0 until the last one fills it, and all of them become one.
        #expect(runCounts == Array(1..<PostingRuns.fanIn) + [1])
        let distinct = Set(all)
        var reference: [Int64: [Int64]] = [:]
        for posting in distinct { reference[posting.key, default: []].append(posting.document) }
        let sample = Array(reference.keys.sorted().prefix(300)) + [0, 1, 2]
        try queue.read { (db: Database) throws in
            let found = try Self.lookup(sample, db)
            for key in sample { #expect(found[key]! == reference[key]!.sorted()) }
            #expect(try Self.lookup([42], db)[42]! == [])
            // Keys held by more than the limit come back nil, as the index's feature cut-off needs.
            #expect(try Self.lookup([1], db, maxDocuments: 10)[1]! == nil)
            #expect(try PostingRuns.liveCounts(db)["band"] == distinct.count)
        }
    }

    @Test func removedDocumentsAreSkippedThenDroppedByTheNextMerge() throws {
        let queue = try Self.database()
        let postings = (1...200).map { Posting(key: Int64($0 % 20), document: Int64($0)) }
        try queue.write { (db: Database) throws in
            try PostingRuns.add(postings, kind: "band", db)
            try db.execute(sql: "INSERT INTO removed_document (id, band, anchor, passage) VALUES (40, 1, 0, 0)")
        }
        try queue.read { (db: Database) throws in
            #expect(try Self.lookup([0], db)[0]! == [20, 60, 80, 100, 120, 140, 160, 180, 200])
            #expect(try PostingRuns.liveCounts(db)["band"] == 199)
        }
        try queue.write { (db: Database) throws in
            let run = try Int64.fetchOne(db, sql: "SELECT id FROM posting_run")!
            try PostingRuns.merge([run], kind: "band", db)
            #expect(try Int.fetchOne(db, sql: "SELECT postings FROM posting_run") == 199)
            #expect(try Int.fetchOne(db, sql: "SELECT band FROM removed_document WHERE id = 40") == 0)
            #expect(try PostingRuns.removed(db).isEmpty)
            #expect(try PostingRuns.liveCounts(db)["band"] == 199)
        }
    }

    @Test func anOlderIndexsPostingTablesBecomeRuns() throws {
        let path = NSTemporaryDirectory() + "retold-test-\(UUID().uuidString).db"
        defer { StoreTestData.remove(path) }
        let queue = try DatabaseQueue(path: path)
        try IndexSchema.migrator.migrate(queue, upTo: "v4-link-reuse-probability")
        let postings = Array(Set(Self.postings(count: 5_000, seed: 7))).sorted()
        try queue.write { (db: Database) throws in
            for posting in postings {
                try db.execute(sql: "INSERT INTO anchor (key, document) VALUES (?, ?)", arguments: [posting.key, posting.document])
            }
        }
        try IndexSchema.migrator.migrate(queue)
        try queue.read { (db: Database) throws in
            #expect(try db.tableExists("anchor") == false)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM posting_run WHERE kind = 'anchor'") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM posting_run WHERE kind = 'band'") == 0)
            let keys = Array(Set(postings.map(\.key))).sorted().prefix(100)
            let found = try PostingRuns.documents(kind: "anchor", keys: Array(keys), maxDocuments: 10_000, blooms: BloomCache(), db)
            for key in keys { #expect(found[key]! == postings.filter { $0.key == key }.map(\.document)) }
        }
    }
}
