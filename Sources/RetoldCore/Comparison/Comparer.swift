import Foundation

/// Compares two documents: aligns passages, measures coverage both ways, and names the
/// relationship with a confidence and a reason.
public struct Comparer: Sendable {
    public var aligner: PassageAligner
    /// Reuse is reported only when aligned sentences cover at least this share of one side;
    /// below it, a shared sentence or two (a common quote) reads as the same event.
    public var minimumReuseCoverage: Double = 0.15
    /// ...unless one verbatim or edited passage runs at least this many words on both sides: a
    /// shared quote is shorter, and a copied paragraph inside a long text is reuse at any share.
    public var minimumReusedPassageWords = 40

    public var detector = ChangeDetector()
    /// Off when only the relationship and coverage are wanted (verifying search candidates):
    /// skips the change checks, which cost as much as the alignment.
    public var findsChanges = true

    public init(aligner: PassageAligner = PassageAligner()) {
        self.aligner = aligner
    }

    public func compare(_ a: Document, _ b: Document) -> Comparison {
        let aligned = aligner.align(a, b)
        let passages = findsChanges ? detector.annotate(aligned, a: a, b: b) : aligned
        let alignments = passages.flatMap(\.alignments)
        let coverageA = Self.coverage(a, alignments.map(\.a))
        let coverageB = Self.coverage(b, alignments.map(\.b))
        let anchors = SharedAnchors(a, b)

        // Character weight of each kind among aligned sentences (both sides).
        var byKind: [ReuseKind: Double] = [:]
        var allWrong = 1.0  // chance that every aligned pair is a false match
        for alignment in alignments {
            let weight = Double(Self.characters(a, alignment.a) + Self.characters(b, alignment.b))
            byKind[alignment.kind, default: 0] += weight
            allWrong *= 1 - alignment.probability
        }
        let reused = max(coverageA, coverageB)
        let relationship: Relationship
        let confidence: Double
        if !alignments.isEmpty && (reused >= minimumReuseCoverage || hasLongCopiedPassage(passages, a, b)) {
            switch ReuseKind.dominant(byKind) {
            case .verbatim: relationship = .verbatimCopy
            case .edited: relationship = .editedCopy
            case .paraphrased: relationship = .paraphrase
            }
            // Evidence accumulates over aligned pairs; thin coverage tempers it.
            let strength = min(1, reused / 0.5)
            confidence = Self.clamp((1 - allWrong) * (0.6 + 0.4 * strength))
        } else if !alignments.isEmpty || anchors.indicateSameEvent {
            relationship = .sameEvent
            confidence = Self.clamp(0.55 + anchors.dice + (alignments.isEmpty ? 0 : 0.1))
        } else {
            relationship = .unrelated
            confidence = Self.clamp(1 - max(anchors.dice, anchors.cosine))
        }
        let reason = ReasonWriter.reason(relationship: relationship, passages: passages, alignments: alignments,
                                         coverageA: coverageA, coverageB: coverageB, anchors: anchors.names)
        return Comparison(a: a, b: b, passages: passages, coverageA: coverageA, coverageB: coverageB,
                          relationship: relationship, confidence: confidence, reason: reason,
                          sharedAnchors: anchors.names)
    }

    func hasLongCopiedPassage(_ passages: [Passage], _ a: Document, _ b: Document) -> Bool {
        passages.contains { passage in
            guard passage.kind != .paraphrased else { return false }
            let wordsA = passage.a.reduce(0) { $0 + a.sentences[$1].tokens.count }
            let wordsB = passage.b.reduce(0) { $0 + b.sentences[$1].tokens.count }
            return min(wordsA, wordsB) >= minimumReusedPassageWords
        }
    }

    static func clamp(_ value: Double) -> Double { min(0.99, max(0.5, value)) }

    /// Share of a document's sentence characters covered by the given sentence ranges.
    static func coverage(_ document: Document, _ ranges: [Range<Int>]) -> Double {
        let total = characters(document, 0..<document.sentences.count)
        guard total > 0 else { return 0 }
        var covered = [Bool](repeating: false, count: document.sentences.count)
        for range in ranges { for s in range { covered[s] = true } }
        var sum = 0
        for s in covered.indices where covered[s] { sum += characters(document, s..<(s + 1)) }
        return Double(sum) / Double(total)
    }

    /// Characters (Unicode scalars) in a run of sentences.
    static func characters(_ document: Document, _ sentences: Range<Int>) -> Int {
        var count = 0
        for s in sentences {
            let sentence = document.sentences[s]
            for i in sentence.start..<sentence.end where document.text.bytes[i] & 0xC0 != 0x80 { count += 1 }
        }
        return count
    }
}
