/// Runs every cross-text check on each aligned pair of a comparison: what a rewrite changed.
///
/// Checks only ever compare sentences that the aligner paired, so a figure in one story is
/// never held against an unrelated sentence of the other.
public struct ChangeDetector: Sendable {
    /// A detector. It holds no state: the names and figures it needs are gathered per comparison.
    public init() {}

    /// The passages with each alignment's findings filled in.
    public func annotate(_ passages: [Passage], a: Document, b: Document) -> [Passage] {
        guard !passages.isEmpty else { return passages }
        let namesA = NameFinder(a), namesB = NameFinder(b)
        let wholeA = WholeText(a, names: namesA)
        var annotated = passages.map { passage in
            var passage = passage
            for k in passage.alignments.indices {
                let pair = AlignedPair(passage.alignments[k], a: a, b: b, namesA: namesA, namesB: namesB, wholeA: wholeA)
                passage.alignments[k].findings = findings(pair)
            }
            return passage
        }
        // The credit covers the whole text: reported once, on the pair that comes first in A.
        let first = annotated.indices.flatMap { p in annotated[p].alignments.indices.map { (p, $0) } }
            .min { annotated[$0.0].alignments[$0.1].a.lowerBound < annotated[$1.0].alignments[$1.1].a.lowerBound }
        if let (p, k) = first, let credit = CreditCheck.check(a: a, b: b, first: annotated[p].alignments[k]) {
            annotated[p].alignments[k].findings.insert(credit, at: 0)
        }
        return annotated
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
        all += HedgeCheck.check(pair)
        all += ScareQuoteCheck.check(pair)
        // An attribution whose named speaker changed is already explained.
        if !all.contains(where: { $0.kind == .attributionChanged }) { all += SourceCheck.check(pair) }
        let units = UnitCheck.check(pair)
        // "36 feet" / "36 metres": the figure is the same, so pairing A's 36 feet with another
        // figure in feet on B's side is not a number change.
        all.removeAll { finding in finding.kind == .numberChanged && units.contains { unit in unit.a.map { finding.a?.overlaps($0) ?? false } ?? false } }
        all += units
        // A swap or a detail is reported only when no other finding already explains those words.
        let explained = all
        all += MeaningCheck.check(pair).filter { finding in !explained.contains { overlapsAny($0, finding) } }
        let explainedWithSwaps = all
        all += DetailCheck.check(pair).filter { finding in !explainedWithSwaps.contains { overlapsAny($0, finding) } }
        return all.sorted { ($0.severity, -($0.a?.lowerBound ?? 0)) > ($1.severity, -($1.a?.lowerBound ?? 0)) }
    }

    /// Whether two findings concern overlapping words on either side.
    func overlapsAny(_ x: Finding, _ y: Finding) -> Bool {
        if let a = x.a, let b = y.a, a.overlaps(b) { return true }
        if let a = x.b, let b = y.b, a.overlaps(b) { return true }
        return false
    }
}
