/// Details B adds that A has nowhere: "the fire destroyed 40 homes" / "... and forced 2,000
/// people to flee", "officials said" / "officials from the FBI said", "a gunman" / "a lone gunman".
///
/// Not wrong by itself, but unsupported by the source: a figure or a named actor is medium
/// (what a fact-checker must verify), a qualifier low. Anything A states anywhere, in any
/// sentence, is supported and stays silent.
enum DetailCheck {
    static func check(_ pair: AlignedPair) -> [Finding] {
        var findings = figures(pair.figuresB, of: pair.b, unsupportedBy: pair.wholeA)
        findings += names(pair.namesB, of: pair.b, unsupportedBy: pair.wholeA)
        findings += qualifiers(pair)
        return findings
    }

    /// The figures B states that A gives nowhere, medium each; with `inWords`, also those
    /// written in words ("four months").
    static func figures(_ figures: [StatedNumber], of b: Document, unsupportedBy whole: WholeText, inWords: Bool = false) -> [Finding] {
        // "1" is too often a list number or "No. 1" to count as a detail.
        figures.filter { figure in
            (inWords || isDigits(b, figure)) && figure.value >= 2
                && !whole.figures.contains(where: { UnitCheck.sameValue($0, figure) }) && !isSumOrDifference(figure, of: whole.figures)
        }.map { figure in
            Finding(kind: .detailAdded, severity: .medium, a: nil, b: figure.bytes,
                    explanation: "B says \"\(figure.text)\", a figure A gives nowhere.")
        }
    }

    /// The names B gives that A mentions nowhere, medium each.
    static func names(_ names: [NameMention], of b: Document, unsupportedBy whole: WholeText) -> [Finding] {
        let lexicon = Lexicon.shared
        var findings: [Finding] = []
        // A run of capitalized common words is a headline in title case ("Blast Wounds Hundreds"), not a name.
        // Cheapest test first: any word of the name in A (a surname, an adjective form) means A knows the name.
        for name in names where !b.tokens[name.tokens].contains(where: { whole.stems.contains($0.stem) })
            && (name.isSpecific || isAcronym(name, lexicon, b, whole)) && !name.isModifier(in: b)
            && (name.tokens.count == 1 || !b.tokens[name.tokens].allSatisfy({ lexicon.knows($0) })) {
            guard !whole.names.contains(where: { $0.sameEntity(as: name) }),
                  // "Pyongyang" where A says "North Korea" at a sentence start, which is not read as a name.
                  !(name.country.map { whole.lowercased.contains($0.lowercased()) } ?? false),
                  // "D.C." where A spells out the District of Columbia.
                  name.tokens.count > 1 || !whole.initials.contains(name.text.filter(\.isUppercase)) else { continue }
            findings.append(Finding(kind: .detailAdded, severity: .medium, a: nil, b: AlignedPair.bytes(b, name.tokens),
                                    explanation: "B names \(name.text), whom A does not mention anywhere."))
        }
        return findings
    }

    /// "FBI", "NATO": a name of capitals only, that is no common word ("TV") and no initials of a
    /// name A spells out ("DRC" for the Democratic Republic of Congo).
    static func isAcronym(_ name: NameMention, _ lexicon: Lexicon, _ document: Document, _ whole: WholeText) -> Bool {
        guard name.tokens.count == 1, name.text.count >= 2, name.text.allSatisfy({ $0.isUppercase || $0 == "." }),
              !lexicon.knows(document.tokens[name.tokens.lowerBound]) else { return false }
        return !whole.initials.contains(name.text.filter(\.isUppercase))
    }

    /// "all 50 states" where A says "36 states" and "the remaining 14": B did the arithmetic.
    static func isSumOrDifference(_ figure: StatedNumber, of figures: [StatedNumber]) -> Bool {
        let values = figures.filter { $0.unit == figure.unit }.map(\.value)
        for (i, x) in values.enumerated() {
            for y in values[(i + 1)...] {
                let sum = x + y, difference = abs(x - y)
                if abs(sum - figure.value) < 0.005 * figure.value || abs(difference - figure.value) < 0.005 * figure.value { return true }
            }
        }
        return false
    }

    /// A figure written in digits ("2,000", "$6.8 million"); number words are too often a rewording
    /// ("the two companies" for two names).
    static func isDigits(_ document: Document, _ figure: StatedNumber) -> Bool {
        document.tokens.first { Int($0.end) > figure.bytes.lowerBound }?.flags.contains(.number) ?? false
    }

    /// In an edited copy, one adjective inserted between kept words ("a lone gunman") that A
    /// never uses.
    static func qualifiers(_ pair: AlignedPair) -> [Finding] {
        let lexicon = Lexicon.shared
        guard pair.alignment.kind != .paraphrased else { return [] }
        let diff = pair.alignment.diff
        guard diff.rightKept.count == pair.tokensB.count else { return [] }
        var findings: [Finding] = []
        for j in diff.rightKept.indices where !diff.rightKept[j] {
            guard j > 0, j + 1 < diff.rightKept.count, diff.rightKept[j - 1], diff.rightKept[j + 1] else { continue }
            let token = pair.b.tokens[pair.tokensB.lowerBound + j]
            guard token.isContent, !token.flags.contains(.capitalized), !token.flags.contains(.hasDigit), !MeaningCheck.isAdverb(pair.b, token),
                  lexicon.isOnlyAdjective(token), !pair.wholeA.stems.contains(token.stem),
                  pair.b.tokens[pair.tokensB.lowerBound + j + 1].isContent else { continue }
            findings.append(Finding(kind: .detailAdded, severity: .low, a: nil, b: token.range,
                                    explanation: "B adds the qualifier \"\(pair.b.string(of: token))\", which A does not use."))
        }
        return findings
    }
}
