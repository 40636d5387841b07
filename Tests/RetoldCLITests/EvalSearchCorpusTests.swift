import Foundation
import RetoldTestSupport
import Testing

/// Source retrieval on PAN-13 (text alignment, no obfuscation) by `retold eval search`: the gold
/// sources of real reused passages among about 2,000 source documents.
@Suite("retold eval search on PAN-13", .needsCorpora)
struct EvalSearchCorpusTests {
    @Test("reused passages find their source first; whole documents find their sources")
    func pan() throws {
        let output = try RetoldProcess.run(["eval", "search", "--pan", try Corpora.path("pan13-no-obfuscation"), "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let passages = try #require(report["passages"] as? Int), rank1 = try #require(report["passagesRank1"] as? Int)
        let gold = try #require(report["goldPairs"] as? Int), found = try #require(report["documentsFound"] as? Int)
        // Each reused passage, searched on its own, has its gold source at rank 1.
        #expect(passages >= 600)
        #expect(Double(rank1) / Double(passages) >= 0.99)
        // Whole suspicious documents: 490 of 500 gold sources found (a run of 40 words copied
        // word for word is reuse at any share of a long text).
        #expect(gold == 500)
        #expect(Double(found) / Double(gold) >= 0.97)
    }
}
