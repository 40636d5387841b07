import Foundation
import RetoldTestSupport
import Testing

/// `retold eval qags` on the QAGS XSum summaries, held at the target.
@Suite("retold eval qags on QAGS XSum", .needsCorpora)
struct EvalSummaryClaimsCorpusTests {
    func balancedAccuracy(_ arguments: [String]) throws -> Double {
        let qags = try Corpora.path("qags-xsum/mturk_xsum.jsonl")
        let output = try RetoldProcess.run(["eval", "qags", qags] + arguments)
        #expect(output.status == 0)
        let line = try #require(output.stdout.split(separator: "\n").first { $0.hasPrefix("balanced accuracy: ") })
        return try #require(Double(line.dropFirst("balanced accuracy: ".count)))
    }

    @Test("compare's findings, its claim check among them, tell unsupported summary sentences at a balanced accuracy of 0.60 or more")
    func compareFindings() throws {
        #expect(try balancedAccuracy([]) >= 0.60)
    }
}
