import Foundation

/// What says that one text was derived from the other, rather than written independently
/// about the same event.
///
/// Independent reporters state the same facts (names, figures, places) and quote the same
/// statements; copiers keep the source's *order*, its *ordinary wording between the facts*,
/// and its *framing*. Each measure here separates the two:
/// - order: the share of aligned sentences on one monotone chain (a copy keeps the source's
///   sequence; restated facts come in each writer's own order);
/// - quotations: aligned sentences made mostly of words both texts put in quotation marks are
///   set aside, since both may quote one public statement;
/// - ordinary wording: word trigrams shared outside names, figures and quotations;
/// - furniture: headlines and short lines (bylines, captions, "Read more") weigh apart from
///   body sentences, since a headline restating the event is no evidence of copying;
/// - coverage both ways, the verbatim and edited shares, and the length of copied runs.
///
/// Every measure is symmetric (minimum and maximum over the two directions) where it has a
/// direction, so the decision on (A, B) and (B, A) agrees.
public struct DerivationEvidence: Sendable, Equatable {
    /// Share of A's sentence characters found in B, and of B's taken from A (all alignments).
    public var coverageA = 0.0, coverageB = 0.0
    /// The same over body sentences, counting only alignments that are not shared quotations.
    public var bodyCoverageA = 0.0, bodyCoverageB = 0.0
    /// Sentence alignments between body sentences that are not shared quotations.
    public var bodyAlignments = 0
    /// Of those, how many lie on the longest chain in the same order on both sides.
    public var inOrder = 0
    /// Alignments set aside because most of their shared words are quoted on both sides.
    public var sharedQuotations = 0
    /// Alignments of headlines or short lines only.
    public var furnitureAlignments = 0
    /// Share of aligned words (B's side, all alignments) quoted on both sides.
    public var quotedShare = 0.0
    /// Containment of ordinary word trigrams (no name, figure or quoted word; at least one
    /// content word), each direction: A's found in B, B's found in A.
    public var ordinaryA = 0.0, ordinaryB = 0.0
    /// Number of distinct ordinary word trigrams the two texts share.
    public var ordinaryShared = 0
    /// Word-bigram containment, each direction (the plain overlap baseline).
    public var bigramsA = 0.0, bigramsB = 0.0
    /// Shares of the non-quotation aligned characters that are verbatim, edited, or within a
    /// word or two of verbatim (house-style edits).
    public var verbatimShare = 0.0, editedShare = 0.0, nearVerbatimShare = 0.0
    /// Body alignments that are word for word.
    public var verbatimAlignments = 0
    /// Letter-for-letter closeness of the non-quotation body alignments, weighted like the
    /// shares above (see `CharacterSimilarity`): house-style edits that make a verbatim copy's
    /// sentences edited ones in words leave its letters nearly all the source's.
    public var characterSimilarity = 0.0
    /// Mean sentence-pair probability over non-quotation alignments.
    public var meanProbability = 0.0
    /// Words in the longest run the two texts share word for word, found in the texts themselves
    /// (a copied paragraph may start or end inside a sentence); words quoted on both sides break
    /// a run.
    public var longestCopiedRun = 0
    /// Inside the stretch of each text that the body alignments span (first to last aligned
    /// body sentence), the share of body characters aligned: a verbatim copy leaves no gap, an
    /// edited copy drops source sentences (A's gaps) or inserts its own reporting (B's gaps).
    /// Where each excerpt ends does not matter, which coverage of the whole text cannot say.
    public var windowCoverageA = 0.0, windowCoverageB = 0.0
    /// Shared anchor words, and how many of them are first mentioned in the same order.
    public var sharedAnchorWords = 0, anchorsInOrder = 0
    /// Body sentences of B loosely closest to a body sentence of A, and how many of those
    /// matches keep A's order (see `FactOrder`).
    public var looseMatches = 0, looseInOrder = 0
    /// Dice coefficients of the two texts' anchor words (names, figures) and content stems.
    public var anchorDice = 0.0, contentDice = 0.0

    /// With sentence vectors (`SentenceEmbeddings`): body sentences of B whose closest body
    /// sentence of A is close in meaning, of A with such a partner in B, those shares of each
    /// text's body sentences, and how many of B's matches keep A's order (see `SemanticOrder`).
    /// All zero when the comparison had no vectors.
    public var semanticMatches = 0, semanticInOrder = 0
    public var semanticShareA = 0.0, semanticShareB = 0.0

    /// Alignments left out of the body evidence, and why.
    public var setAside: [SetAside] = []

    /// An alignment left out of the body evidence, and why.
    public struct SetAside: Sendable, Equatable {
        /// Why an alignment does not count as evidence of copying.
        public enum Reason: String, Sendable, Codable {
            /// Most of the words it keeps are quoted on both sides: both may quote one statement.
            case sharedQuotation = "shared-quotation"
            /// A headline, byline, caption or other short line on one side.
            case furniture
        }
        /// The alignment's sentence range in A.
        public var a: Range<Int>
        /// The alignment's sentence range in B.
        public var b: Range<Int>
        /// Why it was set aside.
        public var reason: Reason
    }

    /// Evidence with every measure at zero; ``Comparer/compare(_:_:embeddings:)`` measures the real one.
    public init() {}

    /// Why an alignment was set aside, if it was.
    public func setAsideReason(_ alignment: SentenceAlignment) -> SetAside.Reason? {
        setAside.first { $0.a == alignment.a && $0.b == alignment.b }?.reason
    }

    /// Feature names, in the order of `features`: stored with every model fitted on them.
    public static let featureNames: [String] = [
        "coverage_max", "coverage_min", "body_coverage_max", "body_coverage_min",
        "body_alignments", "in_order", "out_of_order", "order_share",
        "shared_quotations", "furniture_alignments", "quoted_share",
        "ordinary_max", "ordinary_min", "ordinary_shared", "bigrams_max", "bigrams_min",
        "verbatim_share", "edited_share", "near_verbatim_share", "verbatim_alignments",
        "mean_probability", "longest_copied_run", "anchor_dice", "content_dice",
        "anchors_in_order", "anchor_order_share", "loose_in_order", "loose_order_share", "loose_out_of_order",
        "window_coverage_max", "window_coverage_min", "character_similarity",
        "semantic_share_max", "semantic_share_min", "semantic_in_order", "semantic_order_share", "semantic_out_of_order",
    ]

    /// The measures as model inputs; counts on a log scale.
    public var features: [Double] {
        let orderShare = bodyAlignments >= 2 ? Double(inOrder) / Double(bodyAlignments) : 0
        return [
            max(coverageA, coverageB), min(coverageA, coverageB), max(bodyCoverageA, bodyCoverageB), min(bodyCoverageA, bodyCoverageB),
            log1p(Double(bodyAlignments)), log1p(Double(inOrder)), log1p(Double(bodyAlignments - inOrder)), orderShare,
            log1p(Double(sharedQuotations)), log1p(Double(furnitureAlignments)), quotedShare,
            max(ordinaryA, ordinaryB), min(ordinaryA, ordinaryB), log1p(Double(ordinaryShared)), max(bigramsA, bigramsB), min(bigramsA, bigramsB),
            verbatimShare, editedShare, nearVerbatimShare, log1p(Double(verbatimAlignments)),
            meanProbability, log1p(Double(longestCopiedRun)), anchorDice, contentDice,
            log1p(Double(anchorsInOrder)), sharedAnchorWords >= 3 ? Double(anchorsInOrder) / Double(sharedAnchorWords) : 0,
            log1p(Double(looseInOrder)), looseMatches >= 2 ? Double(looseInOrder) / Double(looseMatches) : 0,
            log1p(Double(looseMatches - looseInOrder)),
            max(windowCoverageA, windowCoverageB), min(windowCoverageA, windowCoverageB), characterSimilarity,
            max(semanticShareA, semanticShareB), min(semanticShareA, semanticShareB),
            log1p(Double(semanticInOrder)), semanticMatches >= 2 ? Double(semanticInOrder) / Double(semanticMatches) : 0,
            log1p(Double(semanticMatches - semanticInOrder)),
        ]
    }
}
