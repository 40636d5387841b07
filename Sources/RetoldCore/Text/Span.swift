/// A half-open range of UTF-8 byte offsets into an original input.
///
/// Reports convert these to character (Unicode scalar) offsets with `CharacterOffsets`, which
/// is what JSON consumers index strings by.
public struct Span: Sendable, Hashable, Comparable {
    /// UTF-8 byte offset of the span's first byte in the original input.
    public var start: Int
    /// UTF-8 byte offset just past the span's last byte; never before ``start``.
    public var end: Int

    /// A span; an `end` before `start` gives an empty span at `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// Bytes covered.
    public var length: Int { end - start }
    /// True when the span covers no bytes.
    public var isEmpty: Bool { start == end }

    /// Orders spans by start, then by end.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
