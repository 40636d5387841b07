/// One word or number of a document, located by byte offsets into its normalized text.
///
/// Tokens carry hashes rather than strings: matching compares 64-bit keys, and the text of a
/// token is always one slice away (`NormalizedText.text(token.range)`).
public struct Token: Sendable, Equatable {
    /// Normalized byte offset of the token's first byte.
    public var start: Int32
    /// Normalized byte offset just past the token's last byte.
    public var end: Int32
    /// `StableHash.fnv1a` of the lowercase form (numbers without grouping commas).
    public var key: UInt64
    /// `StableHash.fnv1a` of the Porter2 stem (equal to `key` for numbers and non-ASCII words).
    public var stem: UInt64
    /// What kind of word it is: stopword, number, capitalized, and so on.
    public var flags: Flags

    /// The token's normalized bytes, `start..<end`.
    public var range: Range<Int> { Int(start)..<Int(end) }

    /// Properties of a token, one bit each, set by the tokenizer and the analyzer.
    public struct Flags: OptionSet, Sendable, Equatable {
        /// The bits.
        public let rawValue: UInt8
        /// Flags from their bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        // Concrete bit tests: the generic SetAlgebra defaults are not specialized on hot paths.
        @inlinable @inline(__always)
        /// True when every flag of `member` is set.
        public func contains(_ member: Flags) -> Bool { rawValue & member.rawValue == member.rawValue }

        @inlinable @inline(__always) @discardableResult
        /// Sets the flags of `member`, reporting whether any of them was unset before.
        public mutating func insert(_ member: Flags) -> (inserted: Bool, memberAfterInsert: Flags) {
            let inserted = !contains(member)
            self = Flags(rawValue: rawValue | member.rawValue)
            return (inserted, member)
        }
        /// A function word from the Snowball English stop list.
        public static let stopword = Flags(rawValue: 1 << 0)
        /// Digits, possibly with grouping commas, a decimal point or a colon ("28,500", "2.5", "3:30").
        public static let number = Flags(rawValue: 1 << 1)
        /// Starts with an uppercase letter.
        public static let capitalized = Flags(rawValue: 1 << 2)
        /// Contains at least one digit ("1990s", "G7").
        public static let hasDigit = Flags(rawValue: 1 << 3)
        /// Has a non-ASCII letter (stemming leaves it alone).
        public static let nonASCII = Flags(rawValue: 1 << 4)
        /// Letters separated by periods: "U.S.", "a.m.".
        public static let dottedAbbreviation = Flags(rawValue: 1 << 5)
        /// The first token of its sentence (its capital says nothing about names).
        public static let sentenceInitial = Flags(rawValue: 1 << 6)
    }

    /// A content word: not a stopword, not punctuation-like.
    @inlinable public var isContent: Bool { !flags.contains(.stopword) }
}
