/// A story's credit dropped or replaced: A's dateline or byline credits an agency ("PARIS (AP) -",
/// "GENEVA (AP) To cheers", "By AFP |") and B, carrying the same text, names that agency nowhere, or credits someone else.
///
/// Reported once per comparison, on the first aligned pair, since the credit covers the whole text.
enum CreditCheck {
    /// A credit: the agency's words and where they are.
    struct Credit {
        var tokens: Range<Int>
        var text: String
    }

    static let by = Word("by")
    /// Agencies' short and long names, so "(AP)" in A is found as "the Associated Press" in B.
    static let aliases: [String: [String]] = [
        "ap": ["associated press"], "afp": ["agence france-presse", "agence france presse"], "upi": ["united press international"],
        "pa": ["press association"], "dpa": ["deutsche presse-agentur"],
    ]

    /// The credit near the start of a text: "(AP)" or "(Reuters)" followed by a dash or colon
    /// within its first sentences, or a short "By AFP" line.
    static func credit(_ document: Document) -> Credit? {
        let bytes = document.text.bytes, tokens = document.tokens
        // Pages put captions and navigation before the dateline: look through the first ten sentences.
        let limit = min(tokens.count, document.sentences.count > 10 ? document.sentences[10].tokens.lowerBound : tokens.count)
        for t in 0..<limit {
            let token = tokens[t]
            guard token.flags.contains(.capitalized) || token.flags.contains(.dottedAbbreviation) else { continue }
            let start = Int(token.start)
            // "(AP) -": one to three capitalized words in parentheses, then a dash or colon.
            if start > 0, bytes[start - 1] == 0x28 {
                var end = t
                while end + 1 < limit, end - t < 2, tokens[end + 1].flags.contains(.capitalized),
                      !bytes[Int(tokens[end].end)..<Int(tokens[end + 1].start)].contains(0x29) { end += 1 }
                let close = Int(tokens[end].end)
                guard close < bytes.count, bytes[close] == 0x29 else { continue }
                var k = close + 1
                while k < bytes.count, bytes[k] == 0x20 { k += 1 }
                // Or a dateline, "GENEVA (AP) To cheers": a place in capitals just before, where
                // pages drop the dash.
                if k < bytes.count, bytes[k] == 0x2D || bytes[k] == 0x3A || followsDatelinePlace(document, t) {
                    let range = t..<(end + 1)
                    return Credit(tokens: range, text: document.text.text(AlignedPair.bytes(document, range)))
                }
            }
            // "By AFP |" or "By AFP" alone on its line: an agency byline (a person's byline has two words or more).
            if t > 0, tokens[t - 1].is(by), tokens[t - 1].flags.contains(.capitalized), token.flags.contains(.capitalized) {
                let end = Int(token.end)
                var k = end
                while k < bytes.count, bytes[k] == 0x20 { k += 1 }
                let lineEnds = k >= bytes.count || bytes[k] == 0x0A || bytes[k] == 0x7C
                let word = document.string(of: token)
                if lineEnds, word.count >= 2, word.uppercased() == word || aliases[word.lowercased()] != nil || word == "Reuters" {
                    return Credit(tokens: t..<(t + 1), text: word)
                }
            }
        }
        return nil
    }

    /// Whether a word in capitals ("GENEVA", "CALABASAS, Calif.") stands among the three words
    /// before token `t`, on its line: a dateline's place.
    static func followsDatelinePlace(_ document: Document, _ t: Int) -> Bool {
        let bytes = document.text.bytes, tokens = document.tokens
        var p = t - 1
        while p >= 0, p >= t - 3 {
            let token = tokens[p]
            if bytes[Int(token.end)..<Int(tokens[p + 1].start)].contains(0x0A) { return false }
            let word = bytes[Int(token.start)..<Int(token.end)]
            if word.count >= 3, word.allSatisfy({ (0x41...0x5A).contains($0) }) { return true }
            p -= 1
        }
        return false
    }

    /// Whether a text names the agency anywhere (by its short or long name).
    static func mentions(_ document: Document, _ credit: Credit) -> Bool {
        let text = document.text.string.lowercased()
        let name = credit.text.lowercased()
        if containsWord(text, name) { return true }
        return (aliases[name] ?? []).contains { text.contains($0) }
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        var search = text[...]
        while let found = search.range(of: word) {
            let before = found.lowerBound == text.startIndex ? " " : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? " " : text[found.upperBound]
            if !before.isLetter && !after.isLetter { return true }
            search = text[found.upperBound...]
        }
        return false
    }

    /// The finding, if B drops or replaces A's credit; `first` is the first aligned pair.
    static func check(a: Document, b: Document, first: SentenceAlignment) -> Finding? {
        guard let creditA = credit(a), !mentions(b, creditA) else { return nil }
        let bytesA = AlignedPair.bytes(a, creditA.tokens)
        // Where B's text starts: the words that stand where A's dateline does.
        let startB = b.sentences[first.b.lowerBound].tokens.lowerBound
        let bytesB = AlignedPair.bytes(b, startB..<(startB + 1))
        if let creditB = credit(b) {
            return Finding(kind: .sourceChanged, severity: .medium, a: bytesA, b: AlignedPair.bytes(b, creditB.tokens),
                           explanation: "A credits the story to \(creditA.text); B credits it to \(creditB.text) instead.")
        }
        return Finding(kind: .sourceChanged, severity: .medium, a: bytesA, b: bytesB,
                       explanation: "A credits the story to \(creditA.text); B carries the same text without naming \(creditA.text).")
    }
}
