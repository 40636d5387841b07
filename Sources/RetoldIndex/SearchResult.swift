import RetoldCore

/// One indexed document that shares text with the query, verified by alignment.
public struct SearchHit: Sendable {
    public var document: StoredDocument
    public var relationship: Relationship
    public var confidence: Double
    /// The probability that one text derives from the other, whatever the kind of reuse.
    public var reuseProbability: Double
    /// Share of the query found in the document, and of the document found in the query.
    public var coverageQuery: Double
    public var coverageDocument: Double
    /// Ranking score: 0.75 × the larger coverage + 0.25 × the smaller one. A text wholly inside a
    /// longer one ranks high, and a mutual copy higher still.
    public var score: Double
    /// What confirmed the reuse: sentence alignment, or (for text without sentences) the share
    /// of word 5-grams in common, which then also gives the coverage.
    public var verifiedBy: Verifier
    /// True when the alignment also paired sentences by meaning (``SearchOptions/sentenceVectors``).
    public var semantic = false

    public enum Verifier: String, Sendable, Codable {
        case alignment
        case shingles
    }
    /// Which most likely came first, with the query as A and the document as B: `.bFirst` means
    /// the document is the query's likely source.
    public var direction: CopyDirection
    public var directionBasis: CopyDirection.Basis
    /// True when the query's normalized text is exactly this document's.
    public var identical: Bool
    /// How the candidate was found: LSH bands, anchor features and passage features shared.
    public var sharedBands: Int
    public var sharedAnchors: Int
    public var sharedPassageFeatures: Int
    /// The full comparison (query as A, document as B), when passages were asked for.
    public var comparison: Comparison?

    public static func score(_ a: Double, _ b: Double) -> Double { 0.75 * max(a, b) + 0.25 * min(a, b) }
}

public struct SearchResult: Sendable {
    public var hits: [SearchHit]
    /// Documents proposed by the two candidate paths, and how many of them were aligned.
    public var candidates: Int
    public var verified: Int
    /// Ids of indexed documents whose text is exactly the query's, when not listed as hits.
    public var indexedAs: [Int64] = []
    /// Documents in the index when it was searched.
    public var indexed: Int
}
