/// One figure stated two ways in one text: "killed 23 people" in the lead and "killed 32
/// people" further down, the kind of slip a rewrite of a rewrite leaves behind.
///
/// Two sentences are taken to restate one fact when the sentence-pair model reads them as the
/// same statement and they count the same noun; sentences with different times ("in 2022" /
/// "in 2023") describe different events and are left alone, as are figures within 5% of
/// each other (rounding).
enum RestatedFigureCheck {
    /// How sure the sentence-pair model must be that two sentences say the same thing.
    static let sameStatement = 0.7
    static let (or, to) = (Word("or"), Word("to"))
    /// Words that report a figure changing over time ("the toll rose to 15"): a later figure
    /// then updates an earlier one rather than contradicting it.
    static let changeWords: WordSet = [
        "rose", "risen", "rise", "rising", "climbed", "climb", "increased", "increase", "grew", "grown", "jumped",
        "fell", "fallen", "dropped", "declined", "decreased", "updated", "revised", "now", "later", "initially", "earlier",
    ]

    /// A figure that counts a thing named in plain words ("23 people", "$4 billion in bonds").
    /// Durations are left out: "six years" and "two years" in one story are usually two spans
    /// of time, not one stated twice.
    static func isCount(_ figure: StatedNumber) -> Bool {
        guard let noun = figure.noun, !periodStems.contains(noun) else { return false }
        return figure.text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || " ,.$%-".unicodeScalars.contains($0) }
            && (figure.text.split(separator: " ").last?.first?.isLowercase ?? false)
    }
    static let periodStems: Set<UInt64> = {
        var analyzer = TextAnalyzer()
        let words = "second seconds minute minutes hour hours day days week weeks month months year years decade decades century centuries"
        let document = analyzer.analyze(words)
        return Set(document.tokens.map(\.stem))
    }()

    /// Whether two figures play the same part in their sentences: the content word before the
    /// figure ("killed 23 people" / "killed 32 people") or after the counted noun ("23 people
    /// died" / "32 people died") is the same.
    static func sameRole(_ x: StatedNumber, _ y: StatedNumber, _ document: Document) -> Bool {
        func context(_ figure: StatedNumber) -> (before: UInt64?, after: UInt64?) {
            let tokens = document.tokens
            guard let first = tokens.firstIndex(where: { Int($0.end) > figure.bytes.lowerBound }) else { return (nil, nil) }
            var before: UInt64?, after: UInt64?
            var k = first - 1
            while k >= 0, first - k <= 3, before == nil {
                if tokens[k].isContent && !tokens[k].flags.contains(.number) { before = tokens[k].stem }
                k -= 1
            }
            // After the noun: skip to the end of the figure's text, then the next content word.
            guard var j = tokens.firstIndex(where: { Int($0.start) >= figure.bytes.lowerBound + figure.text.utf8.count }) else { return (before, nil) }
            let limit = j + 3
            while j < tokens.count, j < limit, after == nil {
                if tokens[j].isContent && !tokens[j].flags.contains(.number) { after = tokens[j].stem }
                j += 1
            }
            return (before, after)
        }
        let cx = context(x), cy = context(y)
        return (cx.before != nil && cx.before == cy.before) || (cx.after != nil && cx.after == cy.after)
    }

    static func check(_ document: Document, names: NameFinder, scorer: SentencePairScorer = SentencePairScorer()) -> [Finding] {
        // Sentences with a figure that counts something: the only ones that can contradict here.
        let counted: [(sentence: Int, figures: [StatedNumber])] = document.sentences.indices.compactMap { s in
            let tokens = document.sentences[s].tokens
            let figures = StatedNumber.all(document, tokens).filter { figure in
                // "Type 2 diabetes", "Route 66 buses": a label, not an amount.
                let before = tokens.last { Int(document.tokens[$0].end) <= figure.bytes.lowerBound }
                let labelled = before.map { document.tokens[$0].flags.contains(.capitalized) && !document.tokens[$0].flags.contains(.sentenceInitial) } ?? false
                // "two or three shovels": the end of a range, which the other figure may fall inside.
                let ranged = before.map { b in
                    b > tokens.lowerBound && (document.tokens[b].is(or) || document.tokens[b].is(to)) && ScopeCheck.isFigure(document.tokens[b - 1])
                } ?? false
                return isCount(figure) && !labelled && !ranged
            }
            return figures.isEmpty ? nil : (s, figures)
        }
        guard counted.count >= 2 else { return [] }
        // A noun counted with three or more values is a series ("135 calories", "210 calories",
        // "360 calories" for three dishes), not one fact stated twice.
        var values: [UInt64: Set<Double>] = [:]
        for (_, figures) in counted { for figure in figures { values[figure.noun!, default: []].insert(figure.value) } }
        // Names in each sentence: a restatement names no one the other sentence does not.
        func people(_ s: Int) -> Set<String> { Set(names.mentions(in: document.sentences[s].tokens).map(\.entity)) }
        var findings: [Finding] = []
        for i in counted.indices {
            for j in counted.indices where j > i {
                let (s, figuresS) = counted[i], (t, figuresT) = counted[j]
                let shared = figuresS.compactMap { x in figuresT.first { $0.noun == x.noun && $0.unit == x.unit }.map { (x, $0) } }
                let differing = shared.filter { x, y in
                    values[x.noun!, default: []].count <= 2 && sameRole(x, y, document) && !x.sameAmount(as: y) && abs(x.value - y.value) / max(abs(x.value), abs(y.value)) >= 0.05
                }
                guard !differing.isEmpty else { continue }
                let tokensS = document.sentences[s].tokens, tokensT = document.sentences[t].tokens
                let namesS = people(s), namesT = people(t)
                // Same people and places, or one naming a part of the other's (and not nothing).
                guard namesS == namesT || (!namesS.isEmpty && !namesT.isEmpty && (namesS.isSubset(of: namesT) || namesT.isSubset(of: namesS)))
                else { continue }
                guard scorer.probability(document.tokens[tokensS], document.tokens[tokensT]) >= sameStatement else { continue }
                if document.tokens[tokensS].contains(where: changeWords.contains) || document.tokens[tokensT].contains(where: changeWords.contains) { continue }
                let timesS = TimeMention.all(document, tokensS), timesT = TimeMention.all(document, tokensT)
                if !timesS.isEmpty && !timesT.isEmpty && Set(timesS.map(\.canonical)) != Set(timesT.map(\.canonical)) { continue }
                for (x, y) in differing {
                    findings.append(Finding(kind: .selfContradiction, severity: .high, a: x.bytes, b: y.bytes,
                        explanation: "The text says \(x.text) in one place and \(y.text) in another, about the same thing."))
                }
            }
        }
        return findings
    }
}
