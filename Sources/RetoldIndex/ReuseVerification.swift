import RetoldCore

/// How one candidate is confirmed or turned away: sentence alignment, then shared word 5-grams
/// for text the aligner has no sentences to pair. Search, link building and the batch path
/// (`retold compare --pairs --as-link`) all verify with this one function, so a pair verified
/// anywhere gets the same link.
public struct ReuseVerification: Sendable {
    public var relationship: Relationship
    /// Share of the query found in the candidate, and of the candidate found in the query.
    public var coverageQuery: Double
    public var coverageCandidate: Double
    public var confidence: Double
    public var reuseProbability: Double
    public var verifiedBy: SearchHit.Verifier
    public var comparison: Comparison

    /// The ranking score of a hit with these coverages.
    public var score: Double { SearchHit.score(coverageQuery, coverageCandidate) }

    /// Verifies `candidate` against `query`; `queryShingles` are the query's word shingles of
    /// `shingleSize` words, computed once per query by callers that verify many candidates.
    public static func verify(query: Document, queryShingles: Set<UInt64>, candidate: Document, shingleSize: Int,
                              comparer: Comparer, embeddings: SentenceEmbeddings? = nil) -> ReuseVerification {
        verify(query: ComparisonProfile(query), queryShingles: queryShingles, candidate: candidate, shingleSize: shingleSize,
               comparer: comparer, embeddings: embeddings)
    }

    /// Verifies with the query measured beforehand, once for all its candidates.
    public static func verify(query profile: ComparisonProfile, queryShingles: Set<UInt64>, candidate: Document, shingleSize: Int,
                              comparer: Comparer, embeddings: SentenceEmbeddings? = nil) -> ReuseVerification {
        let comparison = comparer.compare(profile, against: ComparisonProfile(candidate, asSource: false), embeddings: embeddings)
        var relationship = comparison.relationship
        var coverageA = comparison.coverageA, coverageB = comparison.coverageB
        var verifiedBy = SearchHit.Verifier.alignment
        if !relationship.isReuse,
           let overlap = ShingleOverlap(queryShingles, Set(WordShingles.hashes(candidate.tokens, size: shingleSize))),
           overlap.indicatesReuse {
            // Text without sentence punctuation (listings, tables, captions) gives the
            // sentence aligner nothing to pair; shared 5-grams still show the copy.
            relationship = overlap.relationship
            coverageA = overlap.containmentA
            coverageB = overlap.containmentB
            verifiedBy = .shingles
        }
        return ReuseVerification(
            relationship: relationship, coverageQuery: coverageA, coverageCandidate: coverageB,
            confidence: verifiedBy == .alignment ? comparison.confidence : ShingleOverlap.confidence,
            reuseProbability: verifiedBy == .alignment ? comparison.decision.reuseProbability : ShingleOverlap.confidence,
            verifiedBy: verifiedBy, comparison: comparison)
    }

    /// The comparer link building verifies with: changes inside passages are not looked for.
    public static var linkComparer: Comparer {
        var comparer = Comparer()
        comparer.findsChanges = false
        return comparer
    }
}
