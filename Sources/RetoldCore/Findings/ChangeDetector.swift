/// Runs every cross-text check on each aligned pair of a comparison: what a rewrite changed.
///
/// Checks only ever compare sentences that the aligner paired, so a figure in one story is
/// never held against an unrelated sentence of the other.
public struct ChangeDetector: Sendable {
    public init() {}

    /// The passages with each alignment's findings filled in.
    public func annotate(_ passages: [Passage], a: Document, b: Document) -> [Passage] {
        guard !passages.isEmpty else { return passages }
        let namesA = NameFinder(a), namesB = NameFinder(b)
        return passages.map { passage in
            var passage = passage
            for k in passage.alignments.indices {
                let pair = AlignedPair(passage.alignments[k], a: a, b: b, namesA: namesA, namesB: namesB)
                passage.alignments[k].findings = findings(pair)
            }
            return passage
        }
    }

    func findings(_ pair: AlignedPair) -> [Finding] {
        let quotes = QuoteCheck.check(pair)
        // A speaker swapped is an attribution change; the generic entity finding would repeat it.
        let speakers = quotes.filter { $0.kind == .attributionChanged }.compactMap(\.b)
        var all = EntityCheck.check(pair).filter { finding in !speakers.contains { finding.b.map($0.overlaps) ?? false } }
        all += NumberCheck.check(pair)
        all += TimeCheck.check(pair)
        all += NegationCheck.check(pair)
        all += ScopeCheck.check(pair)
        all += quotes
        return all.sorted { ($0.severity, -($0.a?.lowerBound ?? 0)) > ($1.severity, -($1.a?.lowerBound ?? 0)) }
    }
}
