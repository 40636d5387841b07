import Foundation
import RetoldTestSupport
import Testing

/// `retold eval qags` on the QAGS XSum summaries, held at the target.
@Suite("retold eval qags on QAGS XSum", .needsCorpora)
struct EvalSummaryClaimsCorpusTests {
    @Test("findings and the claim check tell unsupported summary sentences at a balanced accuracy of 0.60 or more")
    func balancedAccuracy() throws {
        let qags = try Corpora.path("qags-xsum/mturk_xsum.jsonl")
        let output = try RetoldProcess.run(["eval", "qags", qags])
        #expect(output.status == 0)
        let line = try #require(output.stdout.split(separator: "\n").first { $0.hasPrefix("balanced accuracy: ") })
        #expect(Double(line.dropFirst("balanced accuracy: ".count)) ?? 0 >= 0.60)
    }
}
