/// A sentence (or a headline, or a line of debris) of a document.
public struct Sentence: Sendable, Equatable {
    /// Normalized byte offset of its first character (an opening quote included).
    public var start: Int
    /// Normalized byte offset just past its final punctuation (closing quotes included).
    public var end: Int
    /// Indexes into the document's tokens.
    public var tokens: Range<Int>
    /// Paragraph number, counting blank-line-separated blocks from zero.
    public var paragraph: Int

    /// The sentence's normalized bytes, `start..<end`.
    public var range: Range<Int> { start..<end }
}
