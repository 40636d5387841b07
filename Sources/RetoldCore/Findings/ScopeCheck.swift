/// Claims made wider or narrower: "first in six months" becoming "first ever", a superlative
/// added or dropped, "some experts" becoming "experts".
enum ScopeCheck {
    static let unbounded: WordSet = ["ever", "all-time", "unprecedented"]
    static let periodUnits: WordSet = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "century", "centuries"]
    static let ordinals: WordSet = ["first", "last", "only"]
    static let superlatives: WordSet = [
        "biggest", "largest", "greatest", "highest", "lowest", "worst", "best", "most", "least", "fewest",
        "smallest", "strongest", "weakest", "longest", "shortest", "deadliest", "fastest", "slowest",
        "heaviest", "toughest", "hardest", "richest", "poorest", "oldest", "newest", "youngest", "record",
    ]
    static let quantifiers: WordSet = ["some", "many", "most", "all", "few", "several", "every", "each", "no", "none"]
    static let (inWord, forWord, overWord, sinceWord, history, allWord, ofWord, time, and, or, the, past, last) =
        (Word("in"), Word("for"), Word("over"), Word("since"), Word("history"), Word("all"), Word("of"), Word("time"),
         Word("and"), Word("or"), Word("the"), Word("past"), Word("last"))
    static let (at, most, least) = (Word("at"), Word("most"), Word("least"))

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
        } else if let wide = b.unboundedOrdinal, a.unboundedOrdinal == nil, let plain = a.plainOrdinals[wide.word] {
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: plain, b: wide.bytes,
                explanation: "B says \"\(wide.text)\", adding \"ever\" to a claim A makes without it."))
        } else if let wide = a.unboundedOrdinal, b.unboundedOrdinal == nil, let plain = b.plainOrdinals[wide.word] {
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: wide.bytes, b: plain,
                explanation: "A says \"\(wide.text)\"; B drops the \"ever\"."))
        }
        // A superlative on one side only, about a thing both sides name ("the largest protest" /
        // "a protest"); a superlative whose noun B does not mention is a rewording of the sentence.
        // One the other side still uses is kept, however its noun is read there: "the biggest
        // markets must not win" finds a noun where "the biggest markets must win" runs on.
        for (word, superlative) in a.superlatives where b.superlatives[word] == nil && !b.hasAnySuperlative
            && b.nouns.sortedContains(superlative.head) && !b.superlativeWords.sortedContains(superlative.key) {
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: superlative.bytes, b: nil,
                explanation: "A calls it \"\(superlative.text)\"; B drops the superlative."))
        }
        for (word, superlative) in b.superlatives where a.superlatives[word] == nil && !a.hasAnySuperlative
            && a.nouns.sortedContains(superlative.head) && !a.superlativeWords.sortedContains(superlative.key) {
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: nil, b: superlative.bytes,
                explanation: "B adds the superlative \"\(superlative.text)\", which A does not have."))
        }
        // The same noun with a different quantifier: "some experts" / "experts" / "all experts".
        // A quantifier that moved to another noun, or a "no" the other side says with "not", is
        // a rewording; a quantifier where the other side has a figure is the number check's business.
        for (noun, quantifierA) in a.quantified {
            guard b.nouns.sortedContains(noun), !b.counted.sortedContains(noun) else { continue }
            let quantifierB = b.quantified[noun]
            guard quantifierB?.word != quantifierA.word else { continue }
            if quantifierB == nil && (b.quantifierWords.contains(quantifierA.word) || (quantifierA.word == "no" && b.negates)) { continue }
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: quantifierA.bytes, b: quantifierB?.bytes,
                explanation: quantifierB.map { "A says \"\(quantifierA.text)\", B says \"\($0.text)\"." }
                    ?? "A says \"\(quantifierA.text)\"; B drops \"\(quantifierA.word)\" and generalizes."))
        }
        for (noun, quantifierB) in b.quantified where a.quantified[noun] == nil && a.nouns.sortedContains(noun) {
            if a.counted.sortedContains(noun) || a.quantifierWords.contains(quantifierB.word) || (quantifierB.word == "no" && a.negates) { continue }
            findings.append(Finding(kind: .scopeChanged, severity: .medium, a: nil, b: quantifierB.bytes,
                explanation: "B adds \"\(quantifierB.word)\" (\"\(quantifierB.text)\"), which A does not say."))
        }
        return findings
    }

    struct Phrase { var bytes: Range<Int>; var text: String; var word: String }
    struct Superlative { var bytes: Range<Int>; var text: String; var head: UInt64; var key: UInt64 }

    /// Words that count something, so that a quantifier before them ("some three feet", "a few
    /// thousand") qualifies a figure rather than a noun.
    static func isFigure(_ token: Token) -> Bool {
        token.flags.contains(.number) || StatedNumber.wordValues[token.key] != nil || StatedNumber.scales[token.key] != nil
    }

    /// Scope words of one side.
    struct Scope {
        var boundedOrdinal: Phrase?
        var unboundedOrdinal: Phrase?
        /// Ordinals with neither a bound nor "ever" ("the first quarter"), by word.
        var plainOrdinals: [String: Range<Int>] = [:]
        /// Superlatives by word, with the stem of the noun they describe.
        var superlatives: [String: Superlative] = [:]
        var quantified: [UInt64: Phrase] = [:]
        /// Every quantifier word the side uses, whatever it quantifies.
        var quantifierWords: Set<String> = []
        /// Stems of nouns that come right after a figure ("four years"): their amount is a number.
        var counted: [UInt64] = []
        /// Whether the side has a verbal negation ("not", "never", "n't").
        var negates = false
        /// Sorted distinct stems of the side's common words.
        var nouns: [UInt64] = []
        /// Sorted keys of the side's superlative words, whether or not they read as one here.
        var superlativeWords: [UInt64] = []
        var hasAnySuperlative: Bool { !superlatives.isEmpty }

        init(_ document: Document, _ range: Range<Int>) {
            let tokens = document.tokens
            func word(_ t: Int) -> String { document.string(of: tokens[t]).lowercased() }
            func span(_ from: Int, _ to: Int) -> Range<Int> { Int(tokens[from].start)..<Int(tokens[to].end) }
            /// A bounded period starting at `k`: "in six months", "in a decade", "for 2 years", "in years", "since 2017".
            func periodEnd(after k: Int) -> Int? {
                let opener = tokens[k]
                guard opener.is(inWord) || opener.is(forWord) || opener.is(overWord) || opener.is(sinceWord) else { return nil }
                if opener.is(sinceWord) {
                    return k + 1 < range.upperBound && (tokens[k + 1].flags.contains(.number) || TimeWords.names.contains(tokens[k + 1])) ? k + 1 : nil
                }
                var u = k + 1
                while u < range.upperBound, u - k <= 3 {
                    if ScopeCheck.periodUnits.contains(tokens[u]) { return u }
                    guard tokens[u].flags.contains(.number) || PeriodWords.words.contains(tokens[u]) || tokens[u].is(the)
                        || tokens[u].is(past) || tokens[u].is(last) else { return nil }
                    u += 1
                }
                return nil
            }
            /// A superlative at `t` and the noun it describes: "the largest gains", "a record
            /// high". Not one: "at least", "most likely", "did his best", "The Weakest Link",
            /// "the archaeological record" (nothing follows to describe).
            func superlative(at t: Int) -> Superlative? {
                let token = tokens[t]
                guard ScopeCheck.superlatives.contains(token) else { return nil }
                if token.flags.contains(.capitalized) && !token.flags.contains(.sentenceInitial) { return nil }
                if t > range.lowerBound, tokens[t - 1].is(at) { return nil }
                if token.is(most) || token.is(least) {
                    // "the most powerful ..." only; "most students" is a quantifier, "most likely" a hedge.
                    guard t > range.lowerBound, tokens[t - 1].is(the) else { return nil }
                }
                var k = t + 1
                while k < range.upperBound, k <= t + 3, tokens[k].isContent {
                    if k + 1 == range.upperBound || !tokens[k + 1].isContent {
                        return Superlative(bytes: span(t, t), text: document.string(of: token), head: tokens[k].stem, key: token.key)
                    }
                    k += 1
                }
                return nil
            }
            for t in range {
                let token = tokens[t]
                if token.isContent && (!token.flags.contains(.capitalized) || token.flags.contains(.sentenceInitial)) {
                    nouns.append(token.stem)
                }
                if ordinals.contains(token) {
                    let w = word(t)
                    let window = t..<min(range.upperBound, t + 8)
                    // Unbounded: "first ever", "first ... in history", "first ... of all time".
                    let wide = window.first { k in
                        unbounded.contains(tokens[k]) || (tokens[k].is(history) && k > t && tokens[k - 1].is(inWord))
                            || (tokens[k].is(time) && k >= t + 2 && tokens[k - 1].is(allWord) && tokens[k - 2].is(ofWord))
                    }
                    if let u = wide {
                        // Quote the claim with its noun: "first ever cruise and ballistic missile test".
                        var end = u
                        while end + 1 < range.upperBound, end - u < 6, tokens[end + 1].isContent || tokens[end + 1].is(and),
                              !tokens[end + 1].flags.contains(.capitalized) || end == u { end += 1 }
                        unboundedOrdinal = Phrase(bytes: span(t, end), text: document.text.text(span(t, end)), word: w)
                    } else if let end = window.lazy.compactMap({ periodEnd(after: $0) }).first {
                        boundedOrdinal = Phrase(bytes: span(t, end), text: document.text.text(span(t, end)), word: w)
                    } else {
                        plainOrdinals[w] = span(t, t)
                    }
                }
                if NegationCheck.negators.contains(token) { negates = true }
                if t + 1 < range.upperBound, ScopeCheck.isFigure(token), tokens[t + 1].isContent { counted.append(tokens[t + 1].stem) }
                if ScopeCheck.superlatives.contains(token) { superlativeWords.append(token.key) }
                if let superlative = superlative(at: t) { self.superlatives[word(t)] = superlative }
                if quantifiers.contains(token) {
                    let w = word(t)
                    quantifierWords.insert(w)
                    // The quantified noun may follow an adjective: "many common ailments".
                    // "most likely", "most recently": a hedge or degree, not a quantity.
                    if t + 1 < range.upperBound, tokens[t + 1].isContent, !ScopeCheck.isFigure(tokens[t + 1]),
                       !word(t + 1).hasSuffix("ly") {
                        var last = t + 1
                        if t + 2 < range.upperBound, tokens[t + 2].isContent, !ScopeCheck.isFigure(tokens[t + 2]) { last = t + 2 }
                        let phrase = Phrase(bytes: span(t, last), text: document.text.text(span(t, last)), word: w)
                        for k in (t + 1)...last where quantified[tokens[k].stem] == nil { quantified[tokens[k].stem] = phrase }
                        // "some analysts and experts": the quantifier covers the coordinated noun too.
                        if last == t + 1, t + 3 < range.upperBound, tokens[t + 2].is(and), tokens[t + 3].isContent {
                            quantified[tokens[t + 3].stem] = Phrase(bytes: span(t, t + 3), text: document.text.text(span(t, t + 3)), word: w)
                        }
                    }
                }
            }
            counted.sort()
            superlativeWords.sort()
            nouns.sort()
            nouns = nouns.enumerated().filter { $0.offset == 0 || nouns[$0.offset - 1] != $0.element }.map(\.element)
        }
    }
}

/// Words that, after "in", "since" or "for", open a bounded period: "in six months",
/// "in a decade", "in years".
enum PeriodWords {
    static let words: WordSet = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "several", "a", "decades", "years", "months", "weeks", "recent",
    ]
}
