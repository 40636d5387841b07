import RetoldCore

/// How well findings catch the factual changes annotators noted in real copies of wire stories.
///
/// Each copy (verbatim, edited, paraphrase) is compared with its cluster's wire-original by the
/// same `Comparer` a user runs. A copy with noted changes is caught when it gets a medium or high
/// finding, and located when such a finding's span overlaps the noted words on either side. A
/// copy with no noted change that gets a medium or high finding is a false alarm.
public struct WireChangeEvaluation: Sendable {
    /// The outcome for one copy.
    public struct CopyResult: Sendable {
        public var id: String
        public var label: WireClusterCorpus.Label
        public var notedChanges: [NotedChange]
        /// Medium and high findings, with whether each overlaps a noted change.
        public var findings: [(finding: Finding, overlapsNote: Bool)]
        /// Noted changes whose words were found in the texts (the others cannot be located).
        public var locatableChanges: Int

        public var caught: Bool { !findings.isEmpty }
        public var located: Bool { findings.contains { $0.overlapsNote } }
    }

    /// Figures for one finding kind.
    public struct KindRow: Sendable, Codable {
        public var kind: String
        /// Medium and high findings of this kind on copies with noted changes, and how many overlap a note.
        public var findingsOnChanged: Int
        public var overlappingNote: Int
        /// Copies with noted changes that got this kind, and copies without that got it.
        public var changedCopies: Int
        public var unchangedCopies: Int
    }

    public struct Result: Sendable {
        public var copies: [CopyResult]
        public var rows: [KindRow]

        public var changed: [CopyResult] { copies.filter { !$0.notedChanges.isEmpty } }
        public var unchanged: [CopyResult] { copies.filter { $0.notedChanges.isEmpty } }
        public var caughtShare: Double { share(changed, \.caught) }
        public var locatedShare: Double { share(changed, \.located) }
        public var falseAlarmShare: Double { share(unchanged, \.caught) }

        func share(_ copies: [CopyResult], _ test: (CopyResult) -> Bool) -> Double {
            copies.isEmpty ? 0 : Double(copies.filter(test).count) / Double(copies.count)
        }
    }

    public var comparer: Comparer

    public init(comparer: Comparer = Comparer()) { self.comparer = comparer }

    public func run(_ corpus: WireClusterCorpus) -> Result {
        var analyzer = TextAnalyzer()
        var copies: [CopyResult] = []
        for cluster in corpus.clusters {
            guard let wire = cluster.wire else { continue }
            let a = analyzer.analyze(wire.text)
            for document in cluster.documents where document.label.isFamily && document.label != .wireOriginal {
                let b = analyzer.analyze(document.text)
                let comparison = comparer.compare(a, b)
                let notes = document.changes.map(NotedChange.init)
                let spansA = notes.map { NotedChange.locate($0.wireFragments, in: a) }
                let spansB = notes.map { NotedChange.locate($0.copyFragments, in: b) }
                let findings = comparison.findings.filter { $0.severity >= .medium }
                let marked = findings.map { finding in
                    let overlaps = spansA.joined().contains { span in finding.a.map { $0.overlaps(span) } ?? false }
                        || spansB.joined().contains { span in finding.b.map { $0.overlaps(span) } ?? false }
                    return (finding: finding, overlapsNote: overlaps)
                }
                copies.append(CopyResult(id: document.id, label: document.label, notedChanges: notes, findings: marked,
                                         locatableChanges: zip(spansA, spansB).filter { !$0.isEmpty || !$1.isEmpty }.count))
            }
        }
        let rows = Finding.Kind.allCases.compactMap { kind -> KindRow? in
            let onChanged = copies.filter { !$0.notedChanges.isEmpty }.flatMap(\.findings).filter { $0.finding.kind == kind }
            let row = KindRow(kind: kind.rawValue, findingsOnChanged: onChanged.count,
                              overlappingNote: onChanged.filter(\.overlapsNote).count,
                              changedCopies: copies.filter { !$0.notedChanges.isEmpty && $0.findings.contains { $0.finding.kind == kind } }.count,
                              unchangedCopies: copies.filter { $0.notedChanges.isEmpty && $0.findings.contains { $0.finding.kind == kind } }.count)
            return row.findingsOnChanged + row.unchangedCopies == 0 ? nil : row
        }
        return Result(copies: copies, rows: rows)
    }
}
