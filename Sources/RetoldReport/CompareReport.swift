import RetoldCore

/// The JSON form of a comparison: schema `retold.compare`, version `CompareReport.version`
/// (2 added findings under each alignment and their counts).
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
    public var relationship: String
    public var confidence: Double
    public var reason: String
    public var coverage: Coverage
    public var sharedAnchors: [String]
    /// Findings by severity, over all alignments.
    public var findingCounts: FindingCounts
    public var passages: [PassageReport]

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
        public var kind: String
        public var similarity: Double
        public var probability: Double
        public var a: SpanReport
        public var b: SpanReport
        public var alignments: [AlignmentReport]
    }

    public struct AlignmentReport: Codable, Sendable, Equatable {
        public var kind: String
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
        enum CodingKeys: String, CodingKey {
            case kind, similarity, probability, a, b, findings
            case aSentences = "a_sentences", bSentences = "b_sentences", wordOverlap = "word_overlap"
        }
    }

    enum CodingKeys: String, CodingKey {
        case schema, version, id, a, b, relationship, confidence, reason, coverage, passages
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
        relationship = comparison.relationship.rawValue
        confidence = Self.round(comparison.confidence)
        reason = comparison.reason
        coverage = Coverage(aInB: Self.round(comparison.coverageA), bFromA: Self.round(comparison.coverageB))
        sharedAnchors = comparison.sharedAnchors
        findingCounts = FindingCounts(comparison.passages.flatMap(\.alignments).flatMap(\.findings))
        passages = comparison.passages.map { passage in
            PassageReport(
                kind: passage.kind.rawValue, similarity: Self.round(passage.similarity),
                probability: Self.round(passage.probability),
                a: span(comparison.a, offsetsA, passage.a), b: span(comparison.b, offsetsB, passage.b),
                alignments: passage.alignments.map { alignment in
                    AlignmentReport(
                        kind: alignment.kind.rawValue, similarity: Self.round(alignment.similarity),
                        probability: Self.round(alignment.probability),
                        aSentences: Array(alignment.a), bSentences: Array(alignment.b),
                        a: span(comparison.a, offsetsA, alignment.a), b: span(comparison.b, offsetsB, alignment.b),
                        wordOverlap: Self.round(alignment.diff.overlap),
                        findings: alignment.findings.map {
                            FindingReport($0, a: comparison.a, offsetsA, b: comparison.b, offsetsB)
                        })
                })
        }
    }

    /// Four decimals: stable output, no float noise in diffs of results.
    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

extension CompareReport.DocumentSummary {
    init(_ document: Document, name: String) {
        self.name = name
        characters = document.original.unicodeScalars.count
        words = document.tokens.count
        sentences = document.sentences.count
    }
}
