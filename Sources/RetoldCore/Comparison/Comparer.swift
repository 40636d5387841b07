import Foundation

/// Compares two documents: aligns passages, measures coverage both ways, and names the
/// relationship with a confidence and a reason.
///
/// A comparer holds no caches: one value can compare any number of pairs, from any number of
/// tasks.
public struct Comparer: Sendable {
    /// Finds the passages the two documents share.
    public var aligner: PassageAligner
    /// Decides the relationship from the derivation evidence (`DerivationEvidence`).
    public var model: RelationshipModel

    /// Fills in what changed inside each aligned pair, while ``findsChanges`` is on.
    public var detector = ChangeDetector()
    /// Off when only the relationship and coverage are wanted (verifying search candidates):
    /// skips the change checks, which cost as much as the alignment.
    public var findsChanges = true
    /// Holds a short B's figures and names against the whole of A, while ``findsChanges`` is on;
    /// nil to check only the aligned pairs.
    public var claimChecker: ClaimChecker? = ClaimChecker()

    /// A comparer; by default with the shipped sentence and relationship models.
    /// The relationship model for comparisons with sentence vectors, fitted with the semantic
    /// measures; nil to decide those with ``model`` as well.
    public var semanticModel: RelationshipModel?

    public init(aligner: PassageAligner = PassageAligner(), model: RelationshipModel = RelationshipModel.shipped) {
        self.aligner = aligner
        self.model = model
    }

    /// Compares two analyzed documents: aligns their passages, finds what changed inside them,
    /// measures the evidence of derivation and decides the relationship.
    ///
    /// The evidence is measured both ways, so swapping the documents should not change the
    /// verdict; the findings do depend on the order: they read B as the text that took from A
    /// ("a figure A gives nowhere"), so pass the presumed source first.
    ///
    /// ### Example
    ///
    /// ```swift
    /// var analyzer = TextAnalyzer()
    /// let source = analyzer.analyze(wireStory)
    /// let copy = analyzer.analyze(republished)
    /// let comparison = Comparer().compare(source, copy)
    /// print(comparison.relationship.rawValue, comparison.confidence)
    /// print(comparison.reason)  // one sentence naming the evidence
    /// ```
    ///
    /// With `embeddings` (sentence vectors from an encoder, one per sentence of each document),
    /// the aligner also pairs sentences close in meaning that share few words, the evidence gains
    /// its semantic measures, and ``semanticModel`` decides when there is one.
    public func compare(_ a: Document, _ b: Document, embeddings: SentenceEmbeddings? = nil) -> Comparison {
        compare(ComparisonProfile(a), against: ComparisonProfile(b, asSource: false), embeddings: embeddings)
    }

    /// Compares two documents measured beforehand: a caller comparing one document with many
    /// measures it once (``ComparisonProfile``). The same answer as comparing the documents.
    public func compare(_ profileA: ComparisonProfile, against profileB: ComparisonProfile, embeddings: SentenceEmbeddings? = nil) -> Comparison {
        let a = profileA.document, b = profileB.document
        let semantic = embeddings.flatMap { $0.fits(a, b) ? $0 : nil }
        let aligned = aligner.align(a, b, embeddings: semantic)
        let passages = findsChanges ? detector.annotate(aligned, a: a, b: b) : aligned
        let anchors = SharedAnchors(profileA, profileB)
        let evidence = DerivationEvidence(a: profileA, b: profileB, passages: passages, anchors: anchors, embeddings: semantic)
        let decision = (semantic != nil ? semanticModel ?? model : model).decide(evidence)
        let reason = ReasonWriter.reason(decision.relationship, evidence: evidence, anchors: anchors.names)
        let claims = findsChanges ? claimChecker?.check(a, b, passages: passages) ?? [] : []
        return Comparison(a: a, b: b, passages: passages, coverageA: evidence.coverageA, coverageB: evidence.coverageB,
                          relationship: decision.relationship, confidence: decision.confidence, reason: reason,
                          sharedAnchors: anchors.names, claims: claims, evidence: evidence, decision: decision)
    }

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
