import RetoldCore

/// Which words of an aligned pair a reader should see as different.
///
/// For verbatim and edited pairs the word order is shared, so the longest common subsequence
/// says exactly what was inserted, dropped or replaced. A paraphrase reorders freely: there a
/// content word counts as different only when the other side has no word with its stem, and
/// function words are never marked.
enum DifferingWords {
    static func kept(_ alignment: SentenceAlignment, _ a: Document, _ b: Document) -> ([Bool], [Bool]) {
        guard alignment.kind == .paraphrased else { return (alignment.diff.leftKept, alignment.diff.rightKept) }
        let tokensA = tokens(a, alignment.a), tokensB = tokens(b, alignment.b)
        let stemsA = Set(tokensA.map(\.stem)), stemsB = Set(tokensB.map(\.stem))
        return (tokensA.map { !$0.isContent || stemsB.contains($0.stem) },
                tokensB.map { !$0.isContent || stemsA.contains($0.stem) })
    }

    static func tokens(_ document: Document, _ sentences: Range<Int>) -> ArraySlice<Token> {
        document.tokens[document.sentences[sentences.lowerBound].tokens.lowerBound..<document.sentences[sentences.upperBound - 1].tokens.upperBound]
    }
}
