/// One verb or adjective swapped for another inside an otherwise kept sentence: "arrested" /
/// "convicted", "approved" / "considered", "warmer" / "less warm". WordNet decides: words that
/// share a sense ("said" / "stated") are a rewording and stay silent; antonyms are high; words of
/// the same part of speech with no sense in common are medium; anything WordNet cannot place
/// (names, nouns, unknown words) is left alone.
enum MeaningCheck {
    static let (less, more) = (Word("less"), Word("more"))

    static func check(_ pair: AlignedPair) -> [Finding] {
        let diff = pair.alignment.diff
        guard diff.leftKept.count == pair.tokensA.count, diff.rightKept.count == pair.tokensB.count else { return [] }
        // Only in a sentence that is mostly kept: in a loose rewrite, words between kept ones need not correspond.
        guard pair.alignment.kind != .paraphrased, diff.commonCount * 10 >= 7 * max(diff.leftKept.count, diff.rightKept.count) else { return [] }
        let lexicon = Lexicon.shared
        var findings: [Finding] = []
        // Walk both sides over kept words; a swap is a short stretch removed and one inserted between the same kept words.
        var i = 0, j = 0
        let la = diff.leftKept.count, lb = diff.rightKept.count
        while i < la || j < lb {
            let startI = i, startJ = j
            while i < la && !diff.leftKept[i] { i += 1 }
            while j < lb && !diff.rightKept[j] { j += 1 }
            let removed = (pair.tokensA.lowerBound + startI)..<(pair.tokensA.lowerBound + i)
            let inserted = (pair.tokensB.lowerBound + startJ)..<(pair.tokensB.lowerBound + j)
            // One word for one word ("warmer" / "less warm" aside), between kept words on both sides.
            let bounded = startI > 0 && startJ > 0 && i < la && j < lb
            if bounded, removed.count == 1, (1...2).contains(inserted.count), let finding = swap(pair, removed, inserted, lexicon) {
                findings.append(finding)
            }
            if i < la && j < lb { i += 1; j += 1 } else { break }
        }
        return findings
    }

    /// A word ending in "-ly".
    static func isAdverb(_ document: Document, _ token: Token) -> Bool {
        let end = Int(token.end), bytes = document.text.bytes
        return token.range.count > 3 && bytes[end - 1] | 0x20 == 0x79 && bytes[end - 2] | 0x20 == 0x6C
    }

    static func swap(_ pair: AlignedPair, _ removed: Range<Int>, _ inserted: Range<Int>, _ lexicon: Lexicon) -> Finding? {
        func candidates(_ document: Document, _ range: Range<Int>) -> [Int] {
            range.filter { t in
                let token = document.tokens[t]
                return token.isContent && !token.flags.contains(.capitalized) && !token.flags.contains(.hasDigit)
            }
        }
        let wordsA = candidates(pair.a, removed), wordsB = candidates(pair.b, inserted).filter { !pair.b.tokens[$0].is(less) && !pair.b.tokens[$0].is(more) }
        guard wordsA.count == 1, wordsB.count == 1 else { return nil }
        let x = pair.a.tokens[wordsA[0]], y = pair.b.tokens[wordsB[0]]
        let textA = pair.a.string(of: x), textB = pair.b.text.text(AlignedPair.bytes(pair.b, inserted))
        // "warmer" / "less warm": the comparison turned around; "more warm" says the same.
        if let base = lexicon.comparativeBase(x), lexicon.lemma(y) == base {
            guard inserted.contains(where: { pair.b.tokens[$0].is(less) }) else { return nil }
            return Finding(kind: .meaningChanged, severity: .high, a: x.range, b: AlignedPair.bytes(pair.b, inserted),
                           explanation: "A says \"\(textA)\", B says \"\(textB)\": the comparison is reversed.")
        }
        // Adverbs ("apparently", "reportedly") are not in the lexicon: stemming would read them as
        // their adjective or verb. Hedges are the hedge check's business.
        if isAdverb(pair.a, x) || isAdverb(pair.b, y) || HedgeCheck.hedgeWords.contains(x) || HedgeCheck.hedgeWords.contains(y) { return nil }
        // A speech verb for another ("said" / "added") is style; a lexicon cannot place a phrase ("went down" / "crashed").
        if x.stem == y.stem || inserted.count > 1 || (QuoteCheck.speechVerbs.contains(x) && QuoteCheck.speechVerbs.contains(y)) { return nil }
        switch lexicon.relation(x, y) {
        case .antonym:
            return Finding(kind: .meaningChanged, severity: .high, a: x.range, b: y.range,
                           explanation: "A says \"\(textA)\", B says \"\(pair.b.string(of: y))\": antonyms in WordNet.")
        case .different:
            return Finding(kind: .meaningChanged, severity: .medium, a: x.range, b: y.range,
                           explanation: "A says \"\(textA)\", B says \"\(pair.b.string(of: y))\": not a synonym in WordNet.")
        case .synonym, .unknown:
            return nil
        }
    }
}
