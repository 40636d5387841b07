/// Something a fact-checker should look at: a change between aligned passages of two texts,
/// or a problem inside one text. Each finding explains itself in one plain sentence.
///
/// ``ChangeDetector`` (run by ``Comparer/compare(_:_:embeddings:)``) puts the findings between two texts on
/// each ``SentenceAlignment``; ``DocumentChecker`` returns those of one text.
///
/// ### Example
///
/// ```swift
/// let findings = comparison.findings  // the aligned pairs' and the claims of a short B
/// for finding in findings where finding.severity >= .medium {
///     let words = finding.b.map { comparison.b.text.originalText($0) } ?? ""
///     print(finding.kind.rawValue, words, finding.explanation)
/// }
/// ```
public struct Finding: Sendable, Equatable {
    /// What kind of change or problem; the raw value is the name in reports.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        // Between a text and its source, inside aligned sentences.
        /// A name or actor swapped: another person in a family tie, another actor for the same action.
        case entityChanged = "entity-changed"
        /// A figure that differs from the one counting the same thing on the other side.
        case numberChanged = "number-changed"
        /// A claim negated or un-negated.
        case negationFlipped = "negation-flipped"
        /// A weekday, date, month, year or relative time ("earlier this month") that differs.
        case timeChanged = "time-changed"
        /// A claim widened or narrowed: "first in six months" made "first ever", "some experts" made "experts".
        case scopeChanged = "scope-changed"
        /// Words inside quotation marks changed.
        case quoteAltered = "quote-altered"
        /// The same quotation given to another speaker.
        case attributionChanged = "attribution-changed"
        /// A hedge ("at least", "reportedly", "apparent") dropped, added or changed.
        case hedgeChanged = "hedge-changed"
        /// A source dropped, made vaguer, replaced or counted differently ("two officials said" / "sources said").
        case sourceChanged = "source-changed"
        /// A verb or adjective swapped for one of different meaning ("arrested" / "convicted").
        case meaningChanged = "meaning-changed"
        /// The same amount in another unit or currency ("€40,000" / "40,000").
        case unitChanged = "unit-changed"
        /// A figure, name or qualifier the other text has nowhere.
        case detailAdded = "detail-added"
        // Inside one text.
        /// The same event or figure stated incompatibly in two places of one text.
        case selfContradiction = "self-contradiction"
        /// A tie that cannot hold: someone named as their own relative.
        case impossibleRelation = "impossible-relation"
        /// One named person referred to as both "he" and "she".
        case pronounMismatch = "pronoun-mismatch"
        /// Leftovers of scraping or rewriting: navigation lines, repeated titles, sentences that break off.
        case debris
    }

    /// How much a reader should care: high changes a fact, medium may, low is worth a look.
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        /// Worth a look: words dropped from inside a quotation, an adjective added, debris.
        case low
        /// May change a fact: a time moved, a hedge or a source dropped, a figure rounded.
        case medium
        /// Changes a fact: another person or figure, a claim negated or made absolute.
        case high

        /// Orders severities from low to high.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    }

    /// What changed, or what is wrong.
    public var kind: Kind
    /// How much it matters to a reader.
    public var severity: Severity
    /// The words concerned in A, or in the checked text: a byte range of its normalized text, nil
    /// when A has no such words (a detail only B gives).
    public var a: Range<Int>?
    /// The words concerned in B, a byte range of its normalized text; for a finding in one text,
    /// a second place in that same text. Nil when there is none.
    public var b: Range<Int>?
    /// One plain sentence a reader can act on, quoting both sides.
    public var explanation: String

    /// A finding; the checks make them, and tests or other tools may too.
    public init(kind: Kind, severity: Severity, a: Range<Int>?, b: Range<Int>?, explanation: String) {
        self.kind = kind
        self.severity = severity
        self.a = a
        self.b = b
        self.explanation = explanation
    }
}
