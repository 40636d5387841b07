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

extension DifferingWords {
    /// The differing words of each side of an alignment as character (Unicode scalar) ranges
    /// of the original texts, consecutive differing words joined into one run with the space
    /// between them, as the terminal styles `[-three words here-]` as one run.
    struct Runs: Sendable, Equatable {
        var a: [Range<Int>]
        var b: [Range<Int>]
    }

    static func runs(_ alignment: SentenceAlignment, _ a: Document, _ offsetsA: CharacterOffsets,
                     _ b: Document, _ offsetsB: CharacterOffsets) -> Runs {
        let (keptA, keptB) = kept(alignment, a, b)
        return Runs(a: runs(tokens(a, alignment.a), kept: keptA, a, offsetsA),
                    b: runs(tokens(b, alignment.b), kept: keptB, b, offsetsB))
    }

    static func runs(_ tokens: ArraySlice<Token>, kept: [Bool], _ document: Document, _ offsets: CharacterOffsets) -> [Range<Int>] {
        func character(_ normalized: Int32) -> Int { offsets.character(document.text.offsets.originalOffset(Int(normalized))) }
        var runs: [Range<Int>] = []
        var open: Range<Int>?
        for (k, token) in tokens.enumerated() {
            // As in MarkedText, a token past the end of the flags counts as kept.
            if k < kept.count && !kept[k] {
                let end = character(token.end)
                open = (open?.lowerBound ?? character(token.start))..<end
            } else if let run = open {
                runs.append(run)
                open = nil
            }
        }
        if let open { runs.append(open) }
        return runs
    }
}
