import RetoldCore
/// Which indexed documents a search or a cluster listing may return.
public struct DocumentFilter: Sendable, Equatable {
    /// Publication window, seconds since 1970, inclusive. Documents without a date pass only
    /// when no window is set.
    public var publishedFrom: Double?
    public var publishedUntil: Double?
    /// When not empty, only these outlets.
    public var outlets: Set<String> = []
    public var excludedOutlets: Set<String> = []
    public var excludedIDs: Set<Int64> = []

    public init(publishedFrom: Double? = nil, publishedUntil: Double? = nil, outlets: Set<String> = [],
                excludedOutlets: Set<String> = [], excludedIDs: Set<Int64> = []) {
        self.publishedFrom = publishedFrom
        self.publishedUntil = publishedUntil
        self.outlets = outlets
        self.excludedOutlets = excludedOutlets
        self.excludedIDs = excludedIDs
    }

    public var hasDateWindow: Bool { publishedFrom != nil || publishedUntil != nil }

    public func admits(_ document: StoredDocument) -> Bool {
        if excludedIDs.contains(document.id) { return false }
        if !outlets.isEmpty && !outlets.contains(document.outlet ?? "") { return false }
        if let outlet = document.outlet, excludedOutlets.contains(outlet) { return false }
        if hasDateWindow {
            guard let at = document.publishedAt else { return false }
            if let from = publishedFrom, at < from { return false }
            if let until = publishedUntil, at > until { return false }
        }
        return true
    }
}

public struct SearchOptions: Sendable {
    /// How many results to return.
    public var limit = 10
    /// Keep each result's full comparison (aligned passages and findings).
    public var withPassages = false
    /// Also return documents that report the same event without reusing its wording.
    public var includeSameEvent = false
    public var filter = DocumentFilter()
    /// Keep a document whose text is exactly the query's; by default it is reported apart
    /// (`SearchResult.indexedAs`), as the query itself rather than a copy.
    public var includeIdentical = false
    /// At most this many candidates are aligned; the rest are dropped by candidate score.
    public var verifyLimit: Int?
    /// A candidate without a shared band needs at least this many shared anchor or passage features.
    public var minimumSharedFeatures = 2
    /// Link building: which candidates this document is checked against, so that each pair is
    /// checked once.
    public var linkScope: LinkScope?
    /// Sentence vectors for a list of sentences (a sentence encoder's), to verify the strongest
    /// candidates by meaning as well as by wording; nil for wording alone. Candidates are still
    /// found by their shared bands and features.
    public var sentenceVectors: (@Sendable ([String]) -> [[Float]])?
    /// The same with a cheap first pass: when set, it is used instead of ``sentenceVectors``, and
    /// a candidate's sentences go through the full encoder only where the cheap vectors cannot
    /// rule out a match with the query's.
    public var semanticScreen: SemanticScreen?
    /// How many candidates, strongest first, are verified with sentence vectors: encoding a
    /// document costs far more than aligning it.
    public var semanticCandidates = 20

    public init(limit: Int = 10, withPassages: Bool = false, includeSameEvent: Bool = false, filter: DocumentFilter = DocumentFilter()) {
        self.limit = limit
        self.withPassages = withPassages
        self.includeSameEvent = includeSameEvent
        self.filter = filter
    }

    /// Without a set limit, three candidates aligned per result asked for, and never fewer than
    /// 20: a copy ranked low by its features (a rewrite) is still aligned.
    var effectiveVerifyLimit: Int { verifyLimit ?? max(20, 3 * limit) }
}

/// The candidates one document is checked against while links are built: every document already
/// linked, and the pending ones with a smaller id. Pairs of linked documents were checked
/// before; a pair of pending documents is checked by the later one; a pair of a linked and a
/// pending document by the pending one, whatever their ids (a late commit from a concurrent
/// writer can have the smaller id).
public struct LinkScope: Sendable {
    public var document: Int64
    /// Every document not linked when the run started.
    public var pending: Set<Int64>

    public init(document: Int64, pending: Set<Int64>) {
        self.document = document
        self.pending = pending
    }

    public func admits(_ id: Int64) -> Bool {
        id != document && (id < document || !pending.contains(id))
    }
}
