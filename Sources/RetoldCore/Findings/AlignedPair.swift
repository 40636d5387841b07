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
    /// What the whole of A says, for telling a detail B adds from one A states elsewhere.
    let wholeA: WholeText
    /// The figures on each side, parsed once for every check that compares them.
    let figuresA: [StatedNumber]
    let figuresB: [StatedNumber]

    init(_ alignment: SentenceAlignment, a: Document, b: Document, namesA: NameFinder, namesB: NameFinder, wholeA: WholeText? = nil) {
        self.wholeA = wholeA ?? WholeText(a, names: namesA)
        self.a = a
        self.b = b
        self.alignment = alignment
        tokensA = a.sentences[alignment.a.lowerBound].tokens.lowerBound..<a.sentences[alignment.a.upperBound - 1].tokens.upperBound
        tokensB = b.sentences[alignment.b.lowerBound].tokens.lowerBound..<b.sentences[alignment.b.upperBound - 1].tokens.upperBound
        self.namesA = namesA.mentions(in: tokensA)
        self.namesB = namesB.mentions(in: tokensB)
        figuresA = StatedNumber.all(a, tokensA)
        figuresB = StatedNumber.all(b, tokensB)
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

/// The names, figures and word stems of a whole text, gathered once per comparison.
struct WholeText {
    let names: [NameMention]
    let figures: [StatedNumber]
    let stems: Set<UInt64>
    /// The text in lowercase, to find a country A names in words NameFinder did not take as a name.
    let lowercased: String

    /// Initials of A's names of several words ("Democratic Republic of Congo" -> "DRC"), so an
    /// acronym B uses for one of them is not a new name.
    let initials: Set<String>

    init(_ document: Document, names: NameFinder) {
        lowercased = document.text.string.lowercased()
        // Runs of capitalized words, "of", "the" and "and" allowed inside: "District of Columbia" -> "DC".
        var initials = Set<String>()
        var run: [UInt8] = []
        let bytes = document.text.bytes
        let joiners: WordSet = ["of", "the", "and"]
        var previousEnd = 0
        for token in document.tokens {
            // Punctuation ends a run: "Columbia. Under" is two.
            if bytes[previousEnd..<Int(token.start)].contains(where: { $0 != 0x20 }) {
                if run.count >= 2 { initials.insert(String(decoding: run, as: UTF8.self)) }
                run.removeAll(keepingCapacity: true)
            }
            previousEnd = Int(token.end)
            if token.flags.contains(.capitalized) && !token.flags.contains(.number) {
                run.append(bytes[Int(token.start)])
            } else if !joiners.contains(token) {
                if run.count >= 2 { initials.insert(String(decoding: run, as: UTF8.self)) }
                run.removeAll(keepingCapacity: true)
            }
        }
        if run.count >= 2 { initials.insert(String(decoding: run, as: UTF8.self)) }
        self.initials = initials
        self.names = names.mentions
        figures = StatedNumber.all(document, 0..<document.tokens.count)
        stems = Set(document.tokens.lazy.map(\.stem))
    }
}
