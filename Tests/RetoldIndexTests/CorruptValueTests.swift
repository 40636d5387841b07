import Foundation
import GRDB
import Testing
@testable import RetoldIndex
import RetoldSQLite

/// A stored value that cannot be what Retold wrote is an error naming the document, never a
/// silent default.
@Suite struct CorruptValueTests {
    @Test func aCorruptHashTextOrSignatureIsAnErrorNamingTheDocument() async throws {
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        let index = try SQLiteIndex(path: path)
        _ = try await IndexWriter(index: index).add(documents: [StoreTestData.document("a", "Seoul said North Korea fired two missiles on Sunday.")])
        let queue = try DatabaseQueue(path: path)

        try await queue.write { try $0.execute(sql: "UPDATE document SET content_hash = x'00' WHERE id = 1") }
        await #expect(throws: StoredDocument.CorruptValue(document: 1, problem: "the stored content hash is 1 byte long, not 16")) {
            try await index.documents([1], withText: false)
        }

        try await queue.write { try $0.execute(sql: "UPDATE document SET content_hash = zeroblob(16), text = x'1f8b0800', signature = x'010203' WHERE id = 1") }
        #expect(try await index.documents([1], withText: false).count == 1, "metadata alone still reads")
        do {
            _ = try await index.documents([1], withText: true)
            Issue.record("a corrupt text was read")
        } catch let error as StoredDocument.CorruptValue {
            #expect(error.document == 1 && error.description.hasPrefix("document #1: the stored text is corrupt ("))
        }
        await #expect(throws: StoredDocument.CorruptValue(document: 1, problem: "the stored signature is 3 bytes, not a MinHash signature")) {
            try await index.remove(1)
        }
        #expect(try await index.count() == 1, "nothing was removed")
    }
}
