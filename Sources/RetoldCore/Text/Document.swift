/// A text analyzed for matching: normalized, tokenized, stemmed and split into sentences.
/// Every token and sentence points into `text`, and `text.offsets` maps back to the original.
public struct Document: Sendable {
    /// The normalized text, with the map back to the original's offsets.
    public let text: NormalizedText
    /// Words and numbers, in order.
    public let tokens: [Token]
    /// Sentences, each a range of `tokens`.
    public let sentences: [Sentence]

    /// Assembles a document from its parts; ``TextAnalyzer/analyze(_:)`` is the usual way to get one.
    public init(text: NormalizedText, tokens: [Token], sentences: [Sentence]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The original input.
    public var original: String { text.original }

    /// The normalized text of a token.
    public func string(of token: Token) -> String { text.text(token.range) }

    /// Tokens of a sentence.
    public func tokens(of sentence: Sentence) -> ArraySlice<Token> { tokens[sentence.tokens] }

    /// A span in original-input coordinates for a normalized byte range.
    public func span(_ range: Range<Int>) -> Span {
        Span(start: text.offsets.originalOffset(range.lowerBound), end: text.offsets.originalOffset(range.upperBound))
    }
}
