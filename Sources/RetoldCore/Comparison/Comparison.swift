/// The result of comparing two documents: what was reused, how much, and how.
public struct Comparison: Sendable {
    /// The two documents as analyzed: every range in the comparison points into them.
    public let a: Document
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
    /// What the relationship was decided from.
    public let evidence: DerivationEvidence
    /// The decision with the probability of every relationship.
    public let decision: RelationshipModel.Decision
}
