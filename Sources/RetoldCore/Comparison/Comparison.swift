/// The result of comparing two documents: what was reused, how much, and how.
public struct Comparison: Sendable {
    public let a: Document
    public let b: Document
    public let passages: [Passage]
    /// Share of A's characters (in its sentences) found in B.
    public let coverageA: Double
    /// Share of B's characters (in its sentences) taken from A.
    public let coverageB: Double
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
