import Testing
@testable import RetoldCore

@Suite("Comparing documents measured beforehand")
struct ComparisonProfileTests {
    /// The evidence and verdict as numbers, for comparing two comparisons exactly.
    func summary(_ comparison: Comparison) -> [Double] {
        comparison.evidence.features + [comparison.confidence, comparison.decision.reuseProbability,
                                        Double(comparison.evidence.longestCopiedRun), Double(comparison.passages.count)]
    }

    @Test("one profile of the query, compared with several candidates, gives each comparison of the documents")
    func profileGivesTheSameComparison() throws {
        var analyzer = TextAnalyzer()
        let query = analyzer.analyze(try TestData.wireStory)
        let candidates = [try TestData.spunStory, try TestData.story("harbour-fire"), try TestData.wireStory].map { analyzer.analyze($0) }
        let comparer = Comparer()
        let profile = ComparisonProfile(query)
        for candidate in candidates {
            let direct = comparer.compare(query, candidate)
            let measured = comparer.compare(profile, against: ComparisonProfile(candidate, asSource: false))
            #expect(summary(measured) == summary(direct))
            #expect(measured.relationship == direct.relationship)
            #expect(measured.reason == direct.reason)
            #expect(measured.sharedAnchors == direct.sharedAnchors)
        }
        // The spun copy against the wire story is reuse either way, so the check above is not
        // comparing two empty answers.
        #expect(comparer.compare(profile, against: ComparisonProfile(candidates[0])).relationship.isReuse)
    }

    @Test("a profile made without the source tables makes them when it is the A side")
    func sourceTablesOnDemand() throws {
        var analyzer = TextAnalyzer()
        let a = analyzer.analyze(try TestData.wireStory), b = analyzer.analyze(try TestData.spunStory)
        let comparer = Comparer()
        let withTables = comparer.compare(ComparisonProfile(a), against: ComparisonProfile(b))
        let withoutTables = comparer.compare(ComparisonProfile(a, asSource: false), against: ComparisonProfile(b, asSource: false))
        #expect(summary(withoutTables) == summary(withTables))
        #expect(withTables.evidence.longestCopiedRun > 0)
    }
}
