/// Quotation marks around a claim dropped: "detained them in response to "election fraud"" /
/// "detained them in response to election fraud".
///
/// A few lowercase words in quotation marks, with no speaker next to them, mark a claim as
/// someone else's: the writer does not vouch for it. B keeping the words without the marks
/// states the claim as fact, which is a hedge dropped. Capitalized words in quotation marks are
/// a title or a nickname ("Chief Twit"), and words next to a speech verb are a quotation of
/// speech, whose speaker still stands beside them.
enum ScareQuoteCheck {
    static let longest = 4

    static func check(_ pair: AlignedPair) -> [Finding] {
        let quotesA = QuoteCheck.quotes(pair.a, pair.tokensA)
        guard !quotesA.isEmpty, !pair.tokensB.isEmpty else { return [] }
        let a = pair.a.tokens, b = pair.b.tokens
        let quotesB = QuoteCheck.quotes(pair.b, pair.tokensB)
        for quote in quotesA where quote.count <= min(longest, pair.tokensB.count) {
            guard a[quote].allSatisfy({ !$0.flags.contains(.capitalized) }), a[quote].contains(where: \.isContent),
                  !speakerNear(pair.a, quote, pair.tokensA) else { continue }
            // The same words, in order, in B, in no quotation marks of any kind.
            for start in pair.tokensB.lowerBound...(pair.tokensB.upperBound - quote.count) {
                let run = start..<(start + quote.count)
                guard zip(run, quote).allSatisfy({ b[$0].key == a[$1].key }) else { continue }
                guard !quotesB.contains(where: { $0.overlaps(run) }), !isMarked(pair.b, run), !isInsideOpenQuote(pair.b, run, from: pair.tokensB.lowerBound) else { break }
                let words = pair.a.text.text(AlignedPair.bytes(pair.a, quote))
                return [Finding(kind: .hedgeChanged, severity: .medium, a: AlignedPair.bytes(pair.a, quote), b: AlignedPair.bytes(pair.b, run),
                                explanation: "A puts \"\(words)\" in quotation marks, as someone's claim; B states it as fact.")]
            }
        }
        return []
    }

    /// A speech verb within three words before or after the quotation ("said it was "a mistake""),
    /// or inside it: marks paired across a sentence that opens inside a quotation enclose
    /// "he said" between two quotations.
    static func speakerNear(_ document: Document, _ quote: Range<Int>, _ range: Range<Int>) -> Bool {
        let near = max(range.lowerBound, quote.lowerBound - 3)..<min(range.upperBound, quote.upperBound + 3)
        return near.contains { QuoteCheck.speechVerbs.contains(document.tokens[$0]) }
    }

    /// Whether a quotation opened before the run in its sentence and is not closed before it: B
    /// quoting the whole statement ("\"This is an extremely heartrending time ...").
    static func isInsideOpenQuote(_ document: Document, _ run: Range<Int>, from start: Int) -> Bool {
        let bytes = document.text.bytes
        let from = max(0, Int(document.tokens[start].start) - 1)
        return bytes[from..<Int(document.tokens[run.lowerBound].start)].lazy.filter { $0 == 0x22 }.count % 2 == 1
    }

    /// Whether a quotation mark, double or single, stands right before or right after a run of tokens.
    static func isMarked(_ document: Document, _ run: Range<Int>) -> Bool {
        let bytes = document.text.bytes
        var i = Int(document.tokens[run.lowerBound].start) - 1
        while i >= 0, bytes[i] == 0x20 { i -= 1 }
        if i >= 0, bytes[i] == 0x22 || bytes[i] == 0x27 { return true }
        var k = Int(document.tokens[run.upperBound - 1].end)
        while k < bytes.count, bytes[k] == 0x20 || bytes[k] == 0x2C || bytes[k] == 0x2E { k += 1 }
        return k < bytes.count && (bytes[k] == 0x22 || bytes[k] == 0x27)
    }
}
