import Foundation
import RetoldTestSupport
import Testing

/// `retold eval findings` on MSRP, the paraphrase corpus it plants its edits in.
@Suite("retold eval findings on MSRP", .needsCorpora)
struct EvalFindingsCorpusTests {
    @Test("builds the planted set from MSRP and reports every kind in both styles")
    func table() throws {
        let msrp = try Corpora.path("msrp-train/msr_paraphrase_train.txt")
        let output = try RetoldProcess.run(["eval", "findings", "--msrp", msrp, "--per-kind", "30"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 24)  // a header, 11 kinds in two styles, the untouched line
        #expect(lines[0] == "kind                 style       pairs  precision  recall  untouched")
        let number = try #require(lines.first { $0.hasPrefix("number-changed       copy") })
        let fields = number.split(separator: " ")
        #expect(fields[2] == "30")
        #expect(Double(fields[4]) ?? 0 >= 0.9)  // recall of figures changed in a copy
        // The share of untouched paraphrase pairs with the kind, the same on both rows of a kind.
        let paraphrase = try #require(lines.first { $0.hasPrefix("number-changed       paraphrase") })
        #expect(fields.count == 6)
        #expect(paraphrase.split(separator: " ").last == fields.last)
        #expect(lines.last!.hasPrefix("untouched paraphrase pairs with a high-severity finding:"))
    }

    @Test("on the full set, every kind keeps a copy-style precision of 0.95 (the issue's target)")
    func copyPrecisionFloor() throws {
        let msrp = try Corpora.path("msrp-train/msr_paraphrase_train.txt")
        let output = try RetoldProcess.run(["eval", "findings", "--msrp", msrp])
        #expect(output.status == 0)
        let copies = output.stdout.split(separator: "\n").filter { $0.split(separator: " ").dropFirst().first == "copy" }
        #expect(copies.count == 11)
        for row in copies {
            let fields = row.split(separator: " ")
            #expect(Double(fields[3]) ?? 0 >= 0.95, "\(row)")
        }
    }
}
