/// Claims made wider or narrower: "first in six months" becoming "first ever", a superlative
/// added or dropped, "some experts" becoming "experts".
enum ScopeCheck {
    static let unbounded: Set<String> = ["ever", "history", "all-time", "unprecedented"]
    static let ordinals: Set<String> = ["first", "last", "only"]
    static let superlatives: Set<String> = [
        "biggest", "largest", "greatest", "highest", "lowest", "worst", "best", "most", "least", "fewest",
        "smallest", "strongest", "weakest", "longest", "shortest", "deadliest", "fastest", "slowest",
        "heaviest", "toughest", "hardest", "richest", "poorest", "oldest", "newest", "youngest", "record",
    ]
    static let quantifiers: Set<String> = ["some", "many", "most", "all", "few", "several", "every", "each", "no", "none"]

    static func check(_ pair: AlignedPair) -> [Finding] {
        var findings: [Finding] = []
        let a = Scope(pair.a, pair.tokensA), b = Scope(pair.b, pair.tokensB)
        // "first ... in six months" against "first ever": the bound was removed (or added).
        if let bounded = a.boundedOrdinal, let wide = b.unboundedOrdinal {
            findings.append(Finding(kind: .scopeChanged, severity: .high, a: bounded.bytes, b: wide.bytes,
                explanation: "B says \"\(wide.text)\" where A says \"\(bounded.text)\": a limited claim made absolute."))
        } else if let wide = a.unboundedOrdinal, let bounded = b.boundedOrdinal {
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: wide.bytes, b: bounded.bytes,
                explanation: "B says \"\(bounded.text)\" where A says \"\(wide.text)\": an absolute claim made limited."))
        }
        // A superlative on one side only.
        for word in a.superlatives.keys where b.superlatives[word] == nil && !b.hasAnySuperlative {
            let (bytes, text) = a.superlatives[word]!
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: bytes, b: nil,
                explanation: "A calls it \"\(text)\"; B drops the superlative."))
        }
        for word in b.superlatives.keys where a.superlatives[word] == nil && !a.hasAnySuperlative {
            let (bytes, text) = b.superlatives[word]!
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: nil, b: bytes,
                explanation: "B adds the superlative \"\(text)\", which A does not have."))
        }
        // The same noun with a different quantifier: "some experts" / "experts" / "all experts".
        for (noun, quantifierA) in a.quantified {
            guard b.nouns.contains(noun) else { continue }
            let quantifierB = b.quantified[noun]
            guard quantifierB?.word != quantifierA.word else { continue }
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: quantifierA.bytes, b: quantifierB?.bytes,
                explanation: quantifierB.map { "A says \"\(quantifierA.text)\", B says \"\($0.text)\"." }
                    ?? "A says \"\(quantifierA.text)\"; B drops \"\(quantifierA.word)\" and generalizes."))
        }
        for (noun, quantifierB) in b.quantified where a.quantified[noun] == nil && a.nouns.contains(noun) {
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: nil, b: quantifierB.bytes,
                explanation: "B adds \"\(quantifierB.word)\" (\"\(quantifierB.text)\"), which A does not say."))
        }
        return findings
    }

    struct Phrase { var bytes: Range<Int>; var text: String; var word: String }

    /// Scope words of one side.
    struct Scope {
        var boundedOrdinal: Phrase?
        var unboundedOrdinal: Phrase?
        var superlatives: [String: (Range<Int>, String)] = [:]
        var quantified: [UInt64: Phrase] = [:]
        var nouns = Set<UInt64>()
        var hasAnySuperlative: Bool { !superlatives.isEmpty }

        init(_ document: Document, _ range: Range<Int>) {
            let tokens = document.tokens
            func word(_ t: Int) -> String { document.string(of: tokens[t]).lowercased() }
            func span(_ from: Int, _ to: Int) -> Range<Int> { Int(tokens[from].start)..<Int(tokens[to].end) }
            for t in range {
                let w = word(t)
                if tokens[t].isContent && !tokens[t].flags.contains(.capitalized) { nouns.insert(tokens[t].stem) }
                if ordinals.contains(w) {
                    let window = t..<min(range.upperBound, t + 8)
                    if let u = window.first(where: { unbounded.contains(word($0)) }) {
                        unboundedOrdinal = Phrase(bytes: span(t, u), text: document.text.text(span(t, u)), word: w)
                    } else if let bound = window.first(where: { k in
                        // "in six months", "in 6 years", "since 2017", "this year"
                        (word(k) == "in" || word(k) == "since" || word(k) == "for") && k + 1 < window.upperBound
                            && (tokens[k + 1].flags.contains(.number) || PeriodWords.opensPeriod(word(k + 1)))
                    }) {
                        let end = min(bound + 2, range.upperBound - 1)
                        boundedOrdinal = Phrase(bytes: span(t, end), text: document.text.text(span(t, end)), word: w)
                    }
                }
                if ScopeCheck.superlatives.contains(w) { self.superlatives[w] = (span(t, t), document.string(of: tokens[t])) }
                if quantifiers.contains(w), t + 1 < range.upperBound, tokens[t + 1].isContent, !tokens[t + 1].flags.contains(.number) {
                    quantified[tokens[t + 1].stem] = Phrase(bytes: span(t, t + 1), text: document.text.text(span(t, t + 1)), word: w)
                }
            }
        }
    }
}

/// Words that, after "in", "since" or "for", open a bounded period: "in six months",
/// "in a decade", "in years".
enum PeriodWords {
    static let words: Set<String> = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "several", "a", "decades", "years", "months", "weeks", "recent",
    ]
    static func opensPeriod(_ word: String) -> Bool { words.contains(word) }
}
