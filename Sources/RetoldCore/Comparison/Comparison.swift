/// The result of comparing two documents: what was reused, how much, and how.
///
/// Passages and alignments hold sentence indexes into ``a`` and ``b``; findings hold byte
/// ranges of their normalized text, which ``Document/span(_:)`` maps to the originals.
///
/// ### Example
///
/// ```swift
/// for passage in comparison.passages {
///     for alignment in passage.alignments {
///         let sentence = comparison.a.sentences[alignment.a.lowerBound]
///         print(alignment.kind, comparison.a.text.originalText(sentence.range))
///         for finding in alignment.findings {
///             print(finding.severity, finding.kind.rawValue, finding.explanation)
///         }
///     }
/// }
/// ```
public struct Comparison: Sendable {
    /// The first document as analyzed: every A-side range of the comparison points into it.
    public let a: Document
    /// The second document as analyzed: every B-side range of the comparison points into it.
    public let b: Document
    /// The reused passages, in A's order.
    public let passages: [Passage]
    /// Share of A's characters (in its sentences) found in B.
    public let coverageA: Double
    /// Share of B's characters (in its sentences) taken from A.
    public let coverageB: Double
    /// Verbatim copy, edited copy, paraphrase, the same event, or unrelated.
    public let relationship: Relationship
    /// The probability that `relationship` is right: the decision's score, calibrated on
    /// held-out labelled pairs.
    public let confidence: Double
    /// One plain sentence saying why.
    public let reason: String
    /// Names and figures both texts mention (first-seen spelling in A), most frequent first.
    public let sharedAnchors: [String]
    /// What B claims that A supports nowhere, when B is short or a summary of A and speaks of
    /// A's things (``ClaimChecker``):
    /// figures and names of B's sentences, aligned or not, that the whole of A never gives. Each
    /// has a B range and no A range; empty for a longer B, whose own sentences are its own reporting.
    public let claims: [Finding]
    /// Every finding: what changed inside each aligned pair, in A's order, then ``claims``.
    public var findings: [Finding] { passages.flatMap(\.alignments).flatMap(\.findings) + claims }
    /// What the relationship was decided from.
    public let evidence: DerivationEvidence
    /// The decision with the probability of every relationship.
    public let decision: RelationshipModel.Decision
}
