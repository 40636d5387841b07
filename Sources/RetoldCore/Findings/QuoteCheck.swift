/// Quotations whose words changed, and statements given to a different speaker.
///
/// A quote trimmed to a shorter run of its own words is faithful; words replaced, inserted or
/// reordered inside the quotation marks are not. A speaker is the name next to a speech verb
/// ("Kim said", "said Kim", "according to Kim").
enum QuoteCheck {
    static func check(_ pair: AlignedPair) -> [Finding] {
        var findings: [Finding] = []
        let quotesA = quotes(pair.a, pair.tokensA), quotesB = quotes(pair.b, pair.tokensB)
        var sharedQuote = false
        for qa in quotesA {
            let stemsA = Set(pair.a.tokens[qa].map(\.stem))
            // The quote of B sharing most words with this one.
            let best = quotesB.max { overlap(stemsA, pair.b, $0) < overlap(stemsA, pair.b, $1) }
            guard let qb = best, overlap(stemsA, pair.b, qb) >= 0.5 else { continue }
            sharedQuote = true
            let keysA = pair.a.tokens[qa].map(\.key), keysB = pair.b.tokens[qb].map(\.key)
            if isContiguous(keysB, in: keysA) || isContiguous(keysA, in: keysB) { continue }
            let textA = pair.a.text.text(AlignedPair.bytes(pair.a, qa)), textB = pair.b.text.text(AlignedPair.bytes(pair.b, qb))
            // Words dropped from inside a quote ("the worst crisis ever" / "worst ever") leave the
            // speaker's own words, in order: worth a look, not an alarm.
            if isSubsequence(keysB, of: keysA) {
                findings.append(Finding(kind: .quoteAltered, severity: .low,
                                        a: AlignedPair.bytes(pair.a, qa), b: AlignedPair.bytes(pair.b, qb),
                                        explanation: "B quotes \"\(textB)\" where A quotes \"\(textA)\": words dropped from inside the quotation."))
                continue
            }
            findings.append(Finding(kind: .quoteAltered, severity: .medium,
                                    a: AlignedPair.bytes(pair.a, qa), b: AlignedPair.bytes(pair.b, qb),
                                    explanation: "B quotes \"\(textB)\" where A quotes \"\(textA)\": the quoted words differ."))
        }
        // Attribution: the same quotation given to another speaker. Without a shared quote,
        // "the company said" and "its spokesman said" are too often the same source.
        if sharedQuote {
            let speakersA = speakers(pair.a, pair.tokensA, pair.namesA), speakersB = speakers(pair.b, pair.tokensB, pair.namesB)
            if let sa = speakersA.first, let sb = speakersB.first,
               !speakersA.contains(where: { a in speakersB.contains { $0.sameEntity(as: a) } }),
               !pair.namesB.contains(where: { $0.sameEntity(as: sa) }) {
                findings.append(Finding(kind: .attributionChanged, severity: .high,
                                        a: AlignedPair.bytes(pair.a, sa.tokens), b: AlignedPair.bytes(pair.b, sb.tokens),
                                        explanation: "A attributes the statement to \(sa.text); B attributes it to \(sb.text)."))
            }
        }
        return findings
    }

    /// Token ranges inside ASCII double quotes (normalization folded curly ones).
    static func quotes(_ document: Document, _ range: Range<Int>) -> [Range<Int>] {
        guard !range.isEmpty else { return [] }
        let bytes = document.text.bytes
        let start = Int(document.tokens[range.lowerBound].start), end = Int(document.tokens[range.upperBound - 1].end)
        let from = max(0, start - 1), to = min(bytes.count, end + 3)  // a closing quote may follow the period
        var marks: [Int] = []
        for i in from..<to where bytes[i] == 0x22 { marks.append(i) }
        var result: [Range<Int>] = []
        var k = 0
        while k + 1 < marks.count {
            let open = marks[k], close = marks[k + 1]
            let inside = range.filter { Int(document.tokens[$0].start) > open && Int(document.tokens[$0].end) <= close }
            if let first = inside.first, let last = inside.last { result.append(first..<(last + 1)) }
            k += 2
        }
        return result
    }

    static func overlap(_ stems: Set<UInt64>, _ document: Document, _ quote: Range<Int>) -> Double {
        let other = Set(document.tokens[quote].map(\.stem))
        let smaller = min(stems.count, other.count)
        return smaller == 0 ? 0 : Double(stems.intersection(other).count) / Double(smaller)
    }

    /// True when `needle` is `haystack` with some words left out, the rest in order.
    static func isSubsequence(_ needle: [UInt64], of haystack: [UInt64]) -> Bool {
        var k = 0
        for key in haystack where k < needle.count && needle[k] == key { k += 1 }
        return k == needle.count
    }

    static func isContiguous(_ needle: [UInt64], in haystack: [UInt64]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        if needle.isEmpty { return true }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return true
        }
        return false
    }

    static let speechVerbs: WordSet = [
        "said", "says", "say", "stated", "states", "told", "tells", "added", "adds", "warned", "warns", "announced",
        "claimed", "claims", "insisted", "argued", "noted", "explained", "wrote", "declared", "asserted", "according",
        "stressed", "urged", "acknowledged", "admitted", "denied", "confirmed", "reported",
    ]

    static let according = Word("according")

    /// Whether a quotation mark or a colon stands between two neighbouring tokens.
    static func quoteMarkBetween(_ document: Document, _ left: Int, _ right: Int) -> Bool {
        guard left >= 0, right < document.tokens.count else { return false }
        return document.text.bytes[Int(document.tokens[left].end)..<Int(document.tokens[right].start)].contains { $0 == 0x22 || $0 == 0x3A }
    }

    static let the = Word("the")

    /// Names next to a speech verb: "Kim said", "said Kim", "according to Kim". A description
    /// ("the Connecticut Democrat said") is not a name.
    static func speakers(_ document: Document, _ range: Range<Int>, _ names: [NameMention]) -> [NameMention] {
        var result: [NameMention] = []
        for t in range where speechVerbs.contains(document.tokens[t]) {
            if let before = names.first(where: { $0.tokens.upperBound == t && !$0.possessive }),
               before.tokens.lowerBound == 0 || !document.tokens[before.tokens.lowerBound - 1].is(the),
               !quoteMarkBetween(document, before.tokens.upperBound - 1, t) { result.append(before) }
            let after = document.tokens[t].is(according) ? t + 2 : t + 1
            // A capitalized word opening a quotation ("said: \"Smiling ...") is the quote, not its speaker.
            if let next = names.first(where: { $0.tokens.lowerBound == after }), !quoteMarkBetween(document, after - 1, after) {
                result.append(next)
            }
        }
        return result
    }
}
