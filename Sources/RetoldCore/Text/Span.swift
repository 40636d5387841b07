/// A half-open range of UTF-8 byte offsets into an original input.
///
/// Reports convert these to character (Unicode scalar) offsets with `CharacterOffsets`, which
/// is what JSON consumers index strings by.
public struct Span: Sendable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
