import RetoldCore

/// The JSON form of a comparison: schema `retold.compare`, version `CompareReport.version`
/// (2 added findings under each alignment and their counts; 3 the derivation evidence, a
/// calibrated confidence, alignments set aside, and new finding kinds; then, as an added field,
/// the claims of a short B).
///
/// Offsets (`start`, `end`) count characters (Unicode scalar values) of the original input,
/// end exclusive, as Python's `text[start:end]` does. Field names are snake_case. A change
/// that removes or renames a field bumps the version; added fields do not.
public struct CompareReport: Codable, Sendable, Equatable {
    public static let version = 3
    public var schema: String = "retold.compare"
    public var version: Int = CompareReport.version
    public var id: String?
    public var a: DocumentSummary
    public var b: DocumentSummary
    public var relationship: Relationship
    public var confidence: Double
    public var reason: String
    public var coverage: Coverage
    public var sharedAnchors: [String]
    /// Findings by severity: the alignments' and the claims'.
    public var findingCounts: FindingCounts
    public var passages: [PassageReport]
    /// What a short B (or a summary of A) claims that A supports nowhere: B spans only.
    public var claims: [FindingReport]
    /// The sentence encoder that also paired sentences by meaning, when one was asked for
    /// (`--semantic`); absent otherwise. The adapter that ran the encoder sets it.
    public var semanticModel: String?
    /// What the relationship was decided from.
    public var evidence: EvidenceReport

    public struct EvidenceReport: Codable, Sendable, Equatable {
        /// Body sentence alignments (not shared quotations, not headlines or short lines).
        public var alignedSentences: Int
        /// Of those, how many lie on one chain in the same order on both sides, and their share.
        public var inOrder: Int
        public var orderShare: Double
        public var sharedQuotations: Int
        public var furniture: Int
        /// Containment of ordinary word trigrams (no names, figures or quoted words) each way.
        public var ordinaryWording: Coverage
        /// Shares of the aligned body text that are verbatim and edited.
        public var verbatimShare: Double
        public var editedShare: Double
        /// Names and figures both texts mention, and how many come first in the same order.
        public var sharedAnchorWords: Int
        public var anchorsInOrder: Int
        /// The model's probability that text was reused, and of each relationship (uncalibrated).
        public var reuseProbability: Double
        public var probabilities: [String: Double]
        enum CodingKeys: String, CodingKey {
            case furniture, probabilities
            case alignedSentences = "aligned_sentences", inOrder = "in_order", orderShare = "order_share"
            case sharedQuotations = "shared_quotations", ordinaryWording = "ordinary_wording"
            case verbatimShare = "verbatim_share", editedShare = "edited_share"
            case sharedAnchorWords = "shared_anchor_words", anchorsInOrder = "anchors_in_order"
            case reuseProbability = "reuse_probability"
        }
    }

    public struct DocumentSummary: Codable, Sendable, Equatable {
        public var name: String
        public var characters: Int
        public var words: Int
        public var sentences: Int
        /// The text the offsets point into, when asked for (the HTTP API's `include_text`):
        /// for an HTML page that is the extracted article, not the markup.
        public var text: String?
    }

    public struct Coverage: Codable, Sendable, Equatable {
        /// Share of A's characters found in B.
        public var aInB: Double
        /// Share of B's characters taken from A.
        public var bFromA: Double
        enum CodingKeys: String, CodingKey { case aInB = "a_in_b", bFromA = "b_from_a" }
    }

    public struct SpanReport: Codable, Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var text: String
    }

    public struct PassageReport: Codable, Sendable, Equatable {
        public var kind: ReuseKind
        public var similarity: Double
        public var probability: Double
        public var a: SpanReport
        public var b: SpanReport
        public var alignments: [AlignmentReport]
    }

    public struct AlignmentReport: Codable, Sendable, Equatable {
        public var kind: ReuseKind
        public var similarity: Double
        public var probability: Double
        /// Sentence indexes (zero-based) on each side; two or more on one side mean a merge or split.
        public var aSentences: [Int]
        public var bSentences: [Int]
        public var a: SpanReport
        public var b: SpanReport
        /// Share of the longer side's words kept in order by the other side.
        public var wordOverlap: Double
        /// What changed between the two sides, most severe first.
        public var findings: [FindingReport]
        /// Why this alignment is not evidence of copying, when it is not: `shared-quotation` or `furniture`.
        public var setAside: DerivationEvidence.SetAside.Reason?
        enum CodingKeys: String, CodingKey {
            case kind, similarity, probability, a, b, findings
            case setAside = "set_aside"
            case aSentences = "a_sentences", bSentences = "b_sentences", wordOverlap = "word_overlap"
        }
    }

    enum CodingKeys: String, CodingKey {
        case schema, version, id, a, b, relationship, confidence, reason, coverage, passages
        case evidence, claims
        case semanticModel = "semantic_model"
        case sharedAnchors = "shared_anchors", findingCounts = "finding_counts"
    }
}

extension CompareReport {
    public init(_ comparison: Comparison, nameA: String, nameB: String, id: String? = nil) {
        let offsetsA = CharacterOffsets(comparison.a.original), offsetsB = CharacterOffsets(comparison.b.original)
        func span(_ document: Document, _ offsets: CharacterOffsets, _ sentences: Range<Int>) -> SpanReport {
            let range = document.sentences[sentences.lowerBound].start..<document.sentences[sentences.upperBound - 1].end
            let bytes = document.span(range)
            return SpanReport(start: offsets.character(bytes.start), end: offsets.character(bytes.end),
                              text: document.text.originalText(range))
        }
        self.id = id
        a = DocumentSummary(comparison.a, name: nameA)
        b = DocumentSummary(comparison.b, name: nameB)
        relationship = comparison.relationship
        confidence = Self.round(comparison.confidence)
        reason = comparison.reason
        coverage = Coverage(aInB: Self.round(comparison.coverageA), bFromA: Self.round(comparison.coverageB))
        sharedAnchors = comparison.sharedAnchors
        findingCounts = FindingCounts(comparison.findings)
        passages = comparison.passages.map { passage in
            PassageReport(
                kind: passage.kind, similarity: Self.round(passage.similarity),
                probability: Self.round(passage.probability),
                a: span(comparison.a, offsetsA, passage.a), b: span(comparison.b, offsetsB, passage.b),
                alignments: passage.alignments.map { alignment in
                    AlignmentReport(
                        kind: alignment.kind, similarity: Self.round(alignment.similarity),
                        probability: Self.round(alignment.probability),
                        aSentences: Array(alignment.a), bSentences: Array(alignment.b),
                        a: span(comparison.a, offsetsA, alignment.a), b: span(comparison.b, offsetsB, alignment.b),
                        wordOverlap: Self.round(alignment.diff.overlap),
                        findings: alignment.findings.map {
                            FindingReport($0, a: comparison.a, offsetsA, b: comparison.b, offsetsB)
                        },
                        setAside: comparison.evidence.setAsideReason(alignment))
                })
        }
        claims = comparison.claims.map { FindingReport($0, a: comparison.a, offsetsA, b: comparison.b, offsetsB) }
        evidence = EvidenceReport(comparison)
    }

    static func round(_ value: Double) -> Double { ReportNumber.round(value) }
}

extension CompareReport.EvidenceReport {
    /// The evidence of `comparison`, rounded as every report number is.
    init(_ comparison: Comparison) {
        let e = comparison.evidence
        self.init(
            alignedSentences: e.bodyAlignments, inOrder: e.inOrder,
            orderShare: Self.round(e.bodyAlignments == 0 ? 0 : Double(e.inOrder) / Double(e.bodyAlignments)),
            sharedQuotations: e.sharedQuotations, furniture: e.furnitureAlignments,
            ordinaryWording: CompareReport.Coverage(aInB: Self.round(e.ordinaryA), bFromA: Self.round(e.ordinaryB)),
            verbatimShare: Self.round(e.verbatimShare), editedShare: Self.round(e.editedShare),
            sharedAnchorWords: e.sharedAnchorWords, anchorsInOrder: e.anchorsInOrder,
            reuseProbability: Self.round(comparison.decision.reuseProbability),
            probabilities: Dictionary(uniqueKeysWithValues: comparison.decision.probabilities.map { ($0.key.rawValue, Self.round($0.value)) }))
    }

    static func round(_ value: Double) -> Double { ReportNumber.round(value) }
}

extension CompareReport.DocumentSummary {
    init(_ document: Document, name: String) {
        self.name = name
        characters = document.original.unicodeScalars.count
        words = document.tokens.count
        sentences = document.sentences.count
    }
}
