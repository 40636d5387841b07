import Testing
@testable import RetoldCore

/// Findings on real texts nobody edited: faithful paraphrases and unrelated articles should
/// raise no alarm. These read the labelled corpora, so they run with the evaluations.
@Suite("Findings on real texts", .needsCorpora)
struct FindingsCorpusTests {
    /// MSRP's paraphrase pairs (the same news sentence rewritten by another outlet) get a
    /// high-severity finding at most 5% of the time.
    @Test("at most 5% of MSRP paraphrase pairs get a high-severity finding")
    func msrpParaphrases() throws {
        let text = try String(contentsOf: TestData.corpora!.appendingPathComponent("msrp-train/msr_paraphrase_train.txt"), encoding: .utf8)
        var analyzer = TextAnalyzer()
        var pairs = 0, alarmed = 0
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 5, fields[0].hasSuffix("1") else { continue }
            let comparison = Comparer().compare(analyzer.analyze(String(fields[3])), analyzer.analyze(String(fields[4])))
            pairs += 1
            if comparison.passages.contains(where: { $0.alignments.contains { $0.findings.contains { $0.severity == .high } } }) { alarmed += 1 }
        }
        #expect(pairs == 2_753)
        #expect(Double(alarmed) / Double(pairs) <= 0.05, "\(alarmed) of \(pairs)")
    }

    @Test("40 BBC articles checked on their own get no high-severity finding")
    func bbcArticlesAreConsistent() throws {
        for article in try TestData.bbcArticles().prefix(40) {
            var analyzer = TextAnalyzer()
            let findings = DocumentChecker().check(analyzer.analyze(article))
            #expect(findings.allSatisfy { $0.severity != .high }, "\(article.prefix(80))")
        }
    }
}
