import Foundation
import Testing
import RetoldEvaluation
@testable import RetoldStore

/// Source retrieval on PAN-13 (text alignment, no obfuscation): the gold sources of real reused
/// passages among about 2,000 source documents.
@Suite(.needsCorpora) struct SearchCorpusTests {
    @Test func panPassagesFindTheirSourceFirst() throws {
        let pan = try Corpora.path("pan13-no-obfuscation")
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        let index = try SQLiteIndex(path: path)
        _ = try IndexWriter(index: index).add([pan + "/src"])
        let report = try SearchEvaluation(folder: pan).run(index: index)
        // Each reused passage, searched on its own, has its gold source at rank 1.
        #expect(report.passages >= 600)
        #expect(Double(report.passagesRank1) / Double(report.passages) >= 0.99)
        // Whole suspicious documents: 490 of 500 gold sources found (a run of 40 words copied
        // word for word is reuse at any share of a long text).
        #expect(Double(report.documentsFound) / Double(report.goldPairs) >= 0.97)
    }
}
