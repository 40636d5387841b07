/// A sentence (or a headline, or a line of debris) of a document.
public struct Sentence: Sendable, Equatable {
    /// Normalized byte offsets: from its first character (an opening quote included) to after
    /// its final punctuation (closing quotes included).
    public var start: Int
    public var end: Int
    /// Indexes into the document's tokens.
    public var tokens: Range<Int>
    /// Paragraph number, counting blank-line-separated blocks from zero.
    public var paragraph: Int

    public var range: Range<Int> { start..<end }
}
