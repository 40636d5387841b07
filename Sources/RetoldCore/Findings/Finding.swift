/// Something a fact-checker should look at: a change between aligned passages of two texts,
/// or a problem inside one text. Each finding explains itself in one plain sentence.
public struct Finding: Sendable, Equatable {
    /// What kind of change or problem; the raw value is the name in reports.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        // Between a text and its source, inside aligned sentences.
        case entityChanged = "entity-changed"
        case numberChanged = "number-changed"
        case negationFlipped = "negation-flipped"
        case timeChanged = "time-changed"
        case scopeChanged = "scope-changed"
        case quoteAltered = "quote-altered"
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
        case selfContradiction = "self-contradiction"
        case impossibleRelation = "impossible-relation"
        case pronounMismatch = "pronoun-mismatch"
        case debris
    }

    /// How much a reader should care: high changes a fact, medium may, low is worth a look.
    public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
        case low, medium, high

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        var rank: Int { self == .low ? 0 : self == .medium ? 1 : 2 }
    }

    public var kind: Kind
    public var severity: Severity
    /// Normalized byte ranges of the words concerned: in A (or the checked text) and in B.
    public var a: Range<Int>?
    public var b: Range<Int>?
    /// One plain sentence a reader can act on, quoting both sides.
    public var explanation: String

    public init(kind: Kind, severity: Severity, a: Range<Int>?, b: Range<Int>?, explanation: String) {
        self.kind = kind
        self.severity = severity
        self.a = a
        self.b = b
        self.explanation = explanation
    }
}
