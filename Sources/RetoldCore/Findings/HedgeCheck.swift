/// Certainty changed between aligned sentences: "at least 12 people" / "12 people", "more than
/// 400" / "some 400", "an apparent attempt" / "an attempt", "reportedly" added.
///
/// A figure's hedge is compared only with the same amount on the other side (a different
/// amount is the number check's business); a word hedge counts as dropped only when the other
/// side has no hedge word at all, since rewrites trade "apparently" for "appears to".
enum HedgeCheck {
    /// What a hedge before a figure says about it.
    enum Bound: Equatable {
        case exact, lowerBound, approximate, upperBound

        var phrase: String {
            switch self {
            case .exact: return "an exact figure"
            case .lowerBound: return "a lower bound"
            case .approximate: return "an approximation"
            case .upperBound: return "an upper bound"
            }
        }
    }

    struct HedgedFigure {
        var figure: StatedNumber
        var bound: Bound
        /// The hedge words, when there are any.
        var hedge: Range<Int>?
    }

    static let (at, least, more, than, up, to, asWord, many, less, fewer, of, upwards, close, an, estimated) =
        (Word("at"), Word("least"), Word("more"), Word("than"), Word("up"), Word("to"), Word("as"), Word("many"),
         Word("less"), Word("fewer"), Word("of"), Word("upwards"), Word("close"), Word("an"), Word("estimated"))
    static let approximators: WordSet = ["about", "around", "nearly", "almost", "some", "roughly", "approximately", "estimated", "approx", "circa"]
    static let lowerBounds: WordSet = ["over", "above", "exceeding"]
    static let upperBounds: WordSet = ["under", "below"]
    /// Word hedges: the claim is reported, suspected or possible rather than stated.
    static let hedgeWords: WordSet = [
        "reportedly", "allegedly", "apparently", "apparent", "alleged", "purportedly", "purported", "suspected",
        "unconfirmed", "supposedly", "presumed", "presumably", "possibly", "probably", "perhaps", "potentially",
        "may", "might", "believed", "appears", "appeared", "seems", "seemed", "likely",
    ]

    static func check(_ pair: AlignedPair) -> [Finding] {
        var findings = figureHedges(pair)
        findings += wordHedges(pair)
        return findings
    }

    /// "at least 12" / "12": the same amount with a different bound.
    static func figureHedges(_ pair: AlignedPair) -> [Finding] {
        let a = hedged(pair.a, pair.tokensA, pair.figuresA), b = hedged(pair.b, pair.tokensB, pair.figuresB)
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var findings: [Finding] = []
        var used = Set<Int>()
        for x in a {
            guard let k = b.indices.first(where: { !used.contains($0) && b[$0].figure.sameAmount(as: x.figure) }) else { continue }
            used.insert(k)
            let y = b[k]
            guard x.bound != y.bound else { continue }
            // "some $65 billion" / "$64.7 billion": the precise figure the approximation rounds, not a hedge dropped.
            if x.figure.value != y.figure.value, x.bound == .approximate && y.bound == .exact || x.bound == .exact && y.bound == .approximate { continue }
            let textA = pair.a.text.text((x.hedge ?? x.figure.bytes).lowerBound..<x.figure.bytes.upperBound)
            let textB = pair.b.text.text((y.hedge ?? y.figure.bytes).lowerBound..<y.figure.bytes.upperBound)
            let explanation: String
            if y.bound == .exact {
                explanation = "A says \"\(textA)\", B says \"\(textB)\": B drops the hedge and states \(x.bound.phrase) as an exact figure."
            } else if x.bound == .exact {
                explanation = "A says \"\(textA)\", B says \"\(textB)\": B hedges an exact figure as \(y.bound.phrase)."
            } else {
                explanation = "A says \"\(textA)\" (\(x.bound.phrase)), B says \"\(textB)\" (\(y.bound.phrase))."
            }
            findings.append(Finding(kind: .hedgeChanged, severity: .medium, a: x.hedge ?? x.figure.bytes, b: y.hedge ?? y.figure.bytes,
                                    explanation: explanation))
        }
        return findings
    }

    /// The figures of a side with the hedge words right before each.
    static func hedged(_ document: Document, _ range: Range<Int>, _ figures: [StatedNumber]) -> [HedgedFigure] {
        let tokens = document.tokens
        return figures.map { figure in
            // The figure's first token (a currency sign sits before it, inside the figure's bytes).
            var t = range.lowerBound
            while t < range.upperBound, Int(tokens[t].end) <= figure.bytes.lowerBound { t += 1 }
            func word(_ k: Int) -> Token? { k >= range.lowerBound && k < t ? tokens[k] : nil }
            func span(_ k: Int) -> Range<Int> { Int(tokens[k].start)..<Int(tokens[t - 1].end) }
            if let w1 = word(t - 1), let w2 = word(t - 2) {
                if w2.is(at) && w1.is(least) || w2.is(more) && w1.is(than) || w2.is(upwards) && w1.is(of) {
                    return HedgedFigure(figure: figure, bound: .lowerBound, hedge: span(t - 2))
                }
                if w2.is(up) && w1.is(to) || w2.is(less) && w1.is(than) || w2.is(fewer) && w1.is(than) || w2.is(asWord) && w1.is(many) {
                    return HedgedFigure(figure: figure, bound: .upperBound, hedge: span(t - 2))
                }
                if w2.is(close) && w1.is(to) || w2.is(an) && w1.is(estimated) {
                    return HedgedFigure(figure: figure, bound: .approximate, hedge: span(t - 2))
                }
            }
            if let w1 = word(t - 1) {
                if approximators.contains(w1) { return HedgedFigure(figure: figure, bound: .approximate, hedge: span(t - 1)) }
                if lowerBounds.contains(w1) { return HedgedFigure(figure: figure, bound: .lowerBound, hedge: span(t - 1)) }
                if upperBounds.contains(w1) { return HedgedFigure(figure: figure, bound: .upperBound, hedge: span(t - 1)) }
            }
            return HedgedFigure(figure: figure, bound: .exact, hedge: nil)
        }
    }

    /// "an apparent assassination attempt" / "an assassination attempt": a hedge word on one side
    /// only, while the other side has none.
    static func wordHedges(_ pair: AlignedPair) -> [Finding] {
        let a = hedgeTokens(pair.a, pair.tokensA), b = hedgeTokens(pair.b, pair.tokensB)
        if let first = a.first, b.isEmpty, keepsTheClaim(pair, around: first) {
            let word = pair.a.string(of: pair.a.tokens[first])
            return [Finding(kind: .hedgeChanged, severity: .medium, a: pair.a.tokens[first].range, b: nil,
                            explanation: "A hedges the claim with \"\(word)\"; B states it without a hedge.")]
        }
        if let first = b.first, a.isEmpty {
            let word = pair.b.string(of: pair.b.tokens[first])
            return [Finding(kind: .hedgeChanged, severity: .medium, a: nil, b: pair.b.tokens[first].range,
                            explanation: "B adds the hedge \"\(word)\", which A does not have.")]
        }
        return []
    }

    static let believed = Word("believed")
    static let beForms: WordSet = ["is", "are", "was", "were", "be", "been", "being", "widely"]

    static func hedgeTokens(_ document: Document, _ range: Range<Int>) -> [Int] {
        range.filter { t in
            let token = document.tokens[t]
            guard hedgeWords.contains(token), !token.flags.contains(.capitalized) else { return false }
            // "is believed to" hedges; "Burns believed that" reports what someone thought.
            if token.is(believed) { return t > range.lowerBound && beForms.contains(document.tokens[t - 1]) }
            return true
        }
    }

    /// Whether B keeps the words around A's hedge (so the hedged claim itself is there, not cut).
    static func keepsTheClaim(_ pair: AlignedPair, around t: Int) -> Bool {
        let window = max(pair.tokensA.lowerBound, t - 3)..<min(pair.tokensA.upperBound, t + 4)
        let stemsB = pair.contentStems(pair.b, pair.tokensB)
        let content = window.filter { $0 != t && pair.a.tokens[$0].isContent }
        guard !content.isEmpty else { return false }
        return content.filter { stemsB.contains(pair.a.tokens[$0].stem) }.count * 2 >= content.count
    }
}
