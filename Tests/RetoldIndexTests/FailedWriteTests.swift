import Foundation
import Testing
import RetoldCore
@testable import RetoldIndex
import RetoldSQLite

/// A write that fails part-way through `index add` (a full disk, a dropped database
/// connection) ends the run with that error, and the batches committed before it stay.
@Suite struct FailedWriteTests {
    /// Forwards to a real index, but its `failingBatch`-th batch fails, after a pause that lets
    /// the reader, ahead of the writer, wait for room.
    final class FailingIndex: DocumentIndex, @unchecked Sendable {
        struct DiskFull: Error, Equatable {}
        let inner: any DocumentIndex
        let failingBatch: Int
        private let lock = NSLock()
        private var batches = 0
        init(_ inner: any DocumentIndex, failingBatch: Int) { self.inner = inner; self.failingBatch = failingBatch }

        var settings: IndexSettings { inner.settings }
        func add(_ batch: [PreparedDocument]) async throws -> [AddOutcome] {
            let number = lock.withLock { batches += 1; return batches }
            if number == failingBatch {
                try await Task.sleep(for: .milliseconds(200))
                throw DiskFull()
            }
            return try await inner.add(batch)
        }
        func remove(_ id: Int64) async throws -> Bool { try await inner.remove(id) }
        func bandMatches(_ keys: [Int64]) async throws -> [Int64: Int] { try await inner.bandMatches(keys) }
        func featurePostings(_ kind: FeatureKind, _ keys: [Int64], maxDocuments: Int) async throws -> [Int64: [Int64]?] {
            try await inner.featurePostings(kind, keys, maxDocuments: maxDocuments)
        }
        func documents(_ ids: [Int64], withText: Bool) async throws -> [StoredDocument] { try await inner.documents(ids, withText: withText) }
        func document(contentHash: ContentHash) async throws -> StoredDocument? { try await inner.document(contentHash: contentHash) }
        func documentIDs(after id: Int64, limit: Int) async throws -> [Int64] { try await inner.documentIDs(after: id, limit: limit) }
        func count() async throws -> Int { try await inner.count() }
        func stats() async throws -> IndexStats { try await inner.stats() }
        func unlinkedDocumentIDs(after id: Int64, limit: Int) async throws -> [Int64] { try await inner.unlinkedDocumentIDs(after: id, limit: limit) }
        func storeLinks(_ links: [StoredLink], checked: [Int64]) async throws { try await inner.storeLinks(links, checked: checked) }
        func links() async throws -> [StoredLink] { try await inner.links() }
    }

    @Test func aWriteFailingWhileTheReaderWaitsEndsTheRunWithItsError() async throws {
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        let feed = NSTemporaryDirectory() + "retold-failed-write-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: feed) }
        let lines = (1...40).map { n in
            #"{"id": "d\#(n)", "text": "Report number \#(n) says the council met on day \#(n) and approved plan \#(n * 7) for the harbour."}"#
        }
        try lines.joined(separator: "\n").write(toFile: feed, atomically: true, encoding: .utf8)
        let index = FailingIndex(try SQLiteIndex(path: path), failingBatch: 3)
        await #expect(throws: FailingIndex.DiskFull()) {
            try await IndexWriter(index: index, batchSize: 4).add([feed])
        }
        #expect(try await index.count() == 8, "the two batches before the failure stay")
    }
}
