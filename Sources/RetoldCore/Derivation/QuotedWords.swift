/// Which tokens of a document stand inside quotation marks.
///
/// Independent reports quote the same public statements word for word; words shared inside
/// quotation marks are evidence that both texts quote one speaker, not that one copied the
/// other. Normalization folds curly quotes to `"`, so one byte marks them. A quotation that runs
/// over several paragraphs opens a mark in each without closing it, so a paragraph break ends
/// an open quotation.
public struct QuotedWords: Sendable, Equatable {
    /// For each token, whether it lies between an opening and a closing mark.
    public let inside: [Bool]

    /// Marks which tokens of a document are quoted.
    public init(_ document: Document) {
        let bytes = document.text.bytes
        var inside = [Bool](repeating: false, count: document.tokens.count)
        var open = false
        var t = 0
        var i = 0
        let tokens = document.tokens
        while i < bytes.count {
            // Tokens that start before this byte take the current state.
            while t < tokens.count && Int(tokens[t].start) <= i {
                if Int(tokens[t].start) == i { inside[t] = open }
                t += 1
            }
            let byte = bytes[i]
            if byte == 0x22 {
                open.toggle()
            } else if byte == 0x0A {
                open = false
            }
            i += 1
        }
        self.inside = inside
    }

    /// Share of the tokens in a range that are quoted.
    public func share(_ range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        var count = 0
        for t in range where inside[t] { count += 1 }
        return Double(count) / Double(range.count)
    }
}
