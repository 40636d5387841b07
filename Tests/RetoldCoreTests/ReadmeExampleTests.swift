import Testing
import RetoldCore

/// The README's library example, line for line, on the bundled example pair: if the API it
/// shows changes, this stops compiling.
@Suite struct ReadmeExampleTests {
    @Test func theLibraryExampleRunsAsShown() throws {
        let wireStory = try TestData.wireStory, republished = try TestData.spunStory
        var analyzer = TextAnalyzer()
        let comparison = Comparer().compare(analyzer.analyze(wireStory), analyzer.analyze(republished))
        let findings = comparison.findings
        #expect(comparison.relationship.rawValue == "paraphrase")
        #expect(findings.count == 6)
        #expect(findings.filter { $0.severity == .high }.count == 3)
    }
}
