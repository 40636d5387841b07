import Testing
@testable import RetoldCore

/// Findings from a whole comparison, aligned by the same `Comparer` a user runs.
private func compared(_ a: String, _ b: String) -> [Finding] {
    var analyzer = TextAnalyzer()
    return Comparer().compare(analyzer.analyze(a), analyzer.analyze(b)).passages.flatMap(\.alignments).flatMap(\.findings)
}

@Suite("Changes republished copies make")
struct CopyChangeFindingsTests {
    @Test("a date written day first is the same date as month first")
    func dayFirstDates() {
        #expect(changes("Sales for the 17 weeks to 27 December were flat.", "Sales for the 17 weeks to December 27 were flat.").isEmpty)
        let moved = changes("Sales for the 17 weeks to 27 December were flat.", "Sales for the 17 weeks to 20 December were flat.")
        #expect(moved.map(\.explanation) == ["A says 27 December; B says 20 December."])
    }
}
