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
    /// How sure the classification is, from 0.5 (a coin toss) to 1.
    public let confidence: Double
    /// One plain sentence saying why.
    public let reason: String
    /// Names and figures both texts mention (first-seen spelling in A), most frequent first.
    public let sharedAnchors: [String]
}
