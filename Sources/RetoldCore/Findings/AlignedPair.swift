/// One aligned pair of sentence groups, with what the checks need about each side.
struct AlignedPair {
    let a: Document
    let b: Document
    let alignment: SentenceAlignment
    /// Token ranges of the two sides.
    let tokensA: Range<Int>
    let tokensB: Range<Int>
    /// Names inside each side (entities resolved over the whole document).
    let namesA: [NameMention]
    let namesB: [NameMention]

    init(_ alignment: SentenceAlignment, a: Document, b: Document, namesA: NameFinder, namesB: NameFinder) {
        self.a = a
        self.b = b
        self.alignment = alignment
        tokensA = a.sentences[alignment.a.lowerBound].tokens.lowerBound..<a.sentences[alignment.a.upperBound - 1].tokens.upperBound
        tokensB = b.sentences[alignment.b.lowerBound].tokens.lowerBound..<b.sentences[alignment.b.upperBound - 1].tokens.upperBound
        self.namesA = namesA.mentions(in: tokensA)
        self.namesB = namesB.mentions(in: tokensB)
    }

    /// Byte range of a token range in a document.
    static func bytes(_ document: Document, _ tokens: Range<Int>) -> Range<Int> {
        Int(document.tokens[tokens.lowerBound].start)..<Int(document.tokens[tokens.upperBound - 1].end)
    }

    /// Stems of the content words on a side.
    func contentStems(_ document: Document, _ range: Range<Int>) -> Set<UInt64> {
        Set(document.tokens[range].lazy.filter { $0.isContent }.map(\.stem))
    }
}
