import Foundation
import RetoldCore

/// Finds the indexed documents that share text with a query.
///
/// Three candidate paths feed one verifier:
/// 1. MinHash LSH: documents sharing a band with the query, near-copies whose word 5-gram sets
///    overlap around the banding threshold or more.
/// 2. Anchor features: documents sharing pairs of names, figures, quoted and long words, each
///    weighted by how rare it is in the index (log N/df; features in too many documents are
///    ignored). This path finds rewrites, whose 5-grams are gone, and passages reused inside
///    longer texts, whose overall Jaccard similarity is small.
/// 3. Passage features: winnowed word 5-grams, rare in the index, for copied passages in prose
///    with few names or figures.
/// Candidates are ranked by evidence and the best are aligned; only what the aligner confirms is
/// returned.
public struct IndexSearcher: Sendable {
    public let index: any DocumentIndex
    public var comparer: Comparer
    /// The number of indexed documents (N in the log(N/df) weights). Nil counts on every search;
    /// a caller running many searches over an index that does not change meanwhile (link
    /// building, evaluations) sets it once instead.
    public var documentCount: Int?
    /// Whether one search aligns its candidates on all cores (one query at a time: the CLI, the
    /// API) or on one (link building runs many searches at once, which keep the cores busy
    /// without splitting each search's few candidates across threads).
    public var alignsInParallel = true

    public init(index: any DocumentIndex, documentCount: Int? = nil) {
        self.index = index
        self.documentCount = documentCount
        comparer = Comparer()
    }

    /// Weight of one shared LSH band, against log(N/df) per shared anchor feature.
    static let bandWeight = 4.0

    public func search(_ text: String, options: SearchOptions = SearchOptions()) async throws -> SearchResult {
        try await search(text, publishedAt: nil, options: options).result
    }

    /// Searches with a query text (and its publication time, which decides direction when both
    /// sides have one); also returns the analyzed query, which reports need.
    public func search(_ text: String, publishedAt: Double?, options: SearchOptions) async throws -> (result: SearchResult, query: Document) {
        var analyzer = TextAnalyzer()
        let query = analyzer.analyze(text)
        let result = try await search(fingerprint: index.settings.fingerprinter.fingerprint(text), document: query,
                                publishedAt: publishedAt, options: options)
        return (result, query)
    }

    public func search(fingerprint: DocumentFingerprint, document query: Document, publishedAt: Double?,
                       options: SearchOptions) async throws -> SearchResult {
        let total: Int
        if let documentCount { total = documentCount } else { total = try await index.count() }
        let candidates = try await rankedCandidates(fingerprint, total: total, options: options)
        // Metadata first: filtered-out documents are never aligned.
        let stored = try await index.documents(candidates.map(\.id), withText: false)
        let admitted = stored.filter { options.filter.admits($0) }.prefix(options.effectiveVerifyLimit)
        let evidence = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0) })

        let texts = try await index.documents(admitted.map(\.id), withText: true)
        var comparer = self.comparer
        comparer.findsChanges = options.withPassages
        let verifier = comparer
        let queryShingles = Set(WordShingles.hashes(query.tokens, size: index.settings.shingleSize))
        // What the comparisons need of the query alone, measured once for all its candidates.
        let queryProfile = ComparisonProfile(query)
        let shingleSize = index.settings.shingleSize
        // Sentence vectors for the query, once, and for the strongest candidates only.
        let embed = options.semanticScreen == nil ? options.sentenceVectors : nil
        let queryVectors: [[Float]]? = if let embed { await ComputePool.run { embed(query.sentenceTexts) } } else { nil }
        let screen = options.semanticScreen
        let querySide: SemanticScreen.Side? = if let screen { await ComputePool.run { screen.side(query.sentenceTexts, encodeAll: true) } } else { nil }
        let semanticIDs = Set(admitted.prefix(options.semanticCandidates).map(\.id))
        // Alignment is the CPU-bound part: on the compute pool.
        let verify = { @Sendable (document: StoredDocument) -> SearchHit? in
            var analyzer = TextAnalyzer()
            let candidate = analyzer.analyze(document.text ?? "")
            var embeddings: SentenceEmbeddings?
            if let embed, let queryVectors, semanticIDs.contains(document.id) {
                embeddings = SentenceEmbeddings(a: queryVectors, b: embed(candidate.sentenceTexts))
            } else if let screen, let querySide, semanticIDs.contains(document.id) {
                embeddings = screen.embeddings(querySide, screen.side(candidate.sentenceTexts)).embeddings
            }
            let verification = ReuseVerification.verify(query: queryProfile, queryShingles: queryShingles, candidate: candidate,
                                                        shingleSize: shingleSize, comparer: verifier, embeddings: embeddings)
            let relationship = verification.relationship, comparison = verification.comparison
            let coverageA = verification.coverageQuery, coverageB = verification.coverageCandidate
            let verifiedBy = verification.verifiedBy
            guard relationship.isReuse || (options.includeSameEvent && relationship == .sameEvent) else { return nil }
            let (direction, basis) = CopyDirection.decide(
                publishedA: publishedAt, publishedB: document.publishedAt,
                coverageA: coverageA, coverageB: coverageB)
            var withoutText = document
            withoutText.text = nil
            let found = evidence[document.id]
            var hit = SearchHit(
                document: withoutText, relationship: relationship,
                confidence: verification.confidence, reuseProbability: verification.reuseProbability,
                coverageQuery: coverageA, coverageDocument: coverageB,
                score: SearchHit.score(coverageA, coverageB), verifiedBy: verifiedBy,
                direction: direction,
                directionBasis: basis,
                identical: document.contentHash == fingerprint.contentHash,
                sharedBands: found?.bands ?? 0, sharedAnchors: found?.anchors ?? 0, sharedPassageFeatures: found?.passages ?? 0,
                comparison: options.withPassages ? comparison : nil)
            hit.semantic = embeddings != nil && verifiedBy == .alignment
            return hit
        }
        let results = alignsInParallel ? await ComputePool.map(texts, verify) : await ComputePool.run { texts.map(verify) }
        var found = results.compactMap { $0 }
        let identical = found.filter(\.identical).map(\.document.id).sorted()
        if !options.includeIdentical { found.removeAll(where: \.identical) }
        let hits = found.sorted {
            let reuse0 = $0.relationship.isReuse, reuse1 = $1.relationship.isReuse
            if reuse0 != reuse1 { return reuse0 }
            if $0.score != $1.score { return $0.score > $1.score }
            return $0.document.id < $1.document.id
        }
        return SearchResult(hits: Array(hits.prefix(options.limit)), candidates: candidates.count, verified: texts.count,
                            indexedAs: options.includeIdentical ? [] : identical, indexed: total)
    }

    struct Candidate {
        var id: Int64
        var bands = 0
        var anchors = 0
        var passages = 0
        var weight = 0.0
    }

    /// Candidates from both paths, strongest evidence first.
    func rankedCandidates(_ fingerprint: DocumentFingerprint, total: Int, options: SearchOptions) async throws -> [Candidate] {
        let maxDocuments = Self.maxAnchorDocuments(total)
        // The three lookups read apart (one connection each), so they run at once.
        async let bandMatches = index.bandMatches(fingerprint.bandKeys)
        async let anchorPostings = index.featurePostings(.anchor, fingerprint.anchorKeys, maxDocuments: maxDocuments)
        async let passagePostings = index.featurePostings(.passage, fingerprint.passageKeys, maxDocuments: maxDocuments)
        let postings: [FeatureKind: [Int64: [Int64]?]] = [.anchor: try await anchorPostings, .passage: try await passagePostings]
        var byID: [Int64: Candidate] = [:]
        for (id, count) in try await bandMatches {
            byID[id, default: Candidate(id: id)].bands = count
        }
        for kind in FeatureKind.allCases {
            for case let (_, documents?) in postings[kind] ?? [:] {
                let weight = log(Double(max(1, total) + 1) / Double(documents.count))
                for id in documents {
                    switch kind {
                    case .anchor: byID[id, default: Candidate(id: id)].anchors += 1
                    case .passage: byID[id, default: Candidate(id: id)].passages += 1
                    }
                    byID[id]!.weight += weight
                }
            }
        }
        return byID.values
            .filter { $0.bands > 0 || $0.anchors + $0.passages >= options.minimumSharedFeatures }
            .filter { options.linkScope?.admits($0.id) ?? true }
            .map { candidate in
                var c = candidate
                c.weight += Self.bandWeight * Double(c.bands)
                return c
            }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.id < $1.id }
    }

    /// An anchor or passage feature held by more documents than this says little about any of
    /// them: one document in `featureDocumentShare`, kept between the two bounds so that a small
    /// index still uses its features and a large one skips the names every story mentions
    /// (the values the planted-corpus and PAN-13 search figures were measured with).
    static func maxAnchorDocuments(_ total: Int) -> Int {
        min(maximumFeatureDocuments, max(minimumFeatureDocuments, total / featureDocumentShare))
    }
    static let featureDocumentShare = 500
    static let minimumFeatureDocuments = 25
    static let maximumFeatureDocuments = 250
}

/// Shared word 5-grams as a share of each side: the verifier of last resort.
struct ShingleOverlap {
    var shared: Int
    var containmentA: Double
    var containmentB: Double

    init?(_ a: Set<UInt64>, _ b: Set<UInt64>) {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        shared = a.intersection(b).count
        containmentA = Double(shared) / Double(a.count)
        containmentB = Double(shared) / Double(b.count)
    }

    /// Twenty shared 5-grams are far past chance and longer than one shared quotation...
    static let minimumShared = 20
    /// ... and making up half of one side, they are its text, not an aside.
    static let minimumContainment = 0.5
    /// Nearly all of one side: a verbatim copy with its page furniture changed.
    static let verbatimContainment = 0.95
    /// The confidence such a hit reports. A fixed value, not calibrated like the aligner's: no
    /// labelled set of texts without sentences exists here to fit one on.
    static let confidence = 0.9

    var indicatesReuse: Bool { shared >= Self.minimumShared && max(containmentA, containmentB) >= Self.minimumContainment }

    var relationship: Relationship { max(containmentA, containmentB) >= Self.verbatimContainment ? .verbatimCopy : .editedCopy }
}
