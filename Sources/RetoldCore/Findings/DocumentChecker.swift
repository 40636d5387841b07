/// Checks one text with no source at hand: claims that contradict each other, ties that cannot
/// hold, a person given both genders, and leftovers of scraping or rewriting.
public struct DocumentChecker: Sendable {
    /// A checker. It holds no state.
    public init() {}

    /// The findings of one text, in text order. Both ranges of a finding point into `document`.
    ///
    /// ### Example
    ///
    /// ```swift
    /// var analyzer = TextAnalyzer()
    /// let document = analyzer.analyze("Kim Jong Un's influential sister, Kim Jong Un, said talks could resume.")
    /// for finding in DocumentChecker().check(document) {
    ///     print(finding.severity, finding.kind.rawValue, finding.explanation)
    /// }
    /// // high impossible-relation The text calls Kim Jong Un the sister of Kim Jong Un: nobody is their own sister.
    /// ```
    public func check(_ document: Document) -> [Finding] {
        guard !document.tokens.isEmpty else { return [] }
        let names = NameFinder(document)
        var findings = impossibleRelations(document, names)
        findings += PronounCheck.check(document, names)
        findings += SelfContradictionCheck.check(document)
        findings += RestatedFigureCheck.check(document, names: names)
        findings += DebrisCheck.check(document)
        return findings.sorted { ($0.a?.lowerBound ?? 0, $0.kind.rawValue) < ($1.a?.lowerBound ?? 0, $1.kind.rawValue) }
    }

    /// "Kim Jong Un's sister, Kim Jong Un": nobody is their own relative.
    func impossibleRelations(_ document: Document, _ names: NameFinder) -> [Finding] {
        KinRelations.find(in: document, names: names.mentions, tokens: 0..<document.tokens.count)
            .filter { $0.person.entity == $0.of.entity }
            .map { relation in
                Finding(kind: .impossibleRelation, severity: .high,
                        a: AlignedPair.bytes(document, relation.tokens), b: nil,
                        explanation: "The text calls \(relation.person.text) the \(relation.relation) of \(relation.of.text): nobody is their own \(relation.relation).")
            }
    }
}

/// One named person referred to as both "he" and "she".
enum PronounCheck {
    static let male: WordSet = ["he", "him", "his", "himself"]
    static let female: WordSet = ["she", "her", "hers", "herself"]

    static func check(_ document: Document, _ names: NameFinder) -> [Finding] {
        // Each pronoun refers to the nearest person named before it in the same or the previous sentence.
        var genders: [String: (male: Int?, female: Int?)] = [:]
        let people = names.mentions.filter { $0.tokens.count >= 2 && $0.country == nil }
        guard !people.isEmpty else { return [] }
        var sentenceOf = [Int](repeating: 0, count: document.tokens.count)
        for (s, sentence) in document.sentences.enumerated() { for t in sentence.tokens { sentenceOf[t] = s } }
        // The subject of a sentence: its first person named, not counting possessives ("Kim's sister, X, said ... her").
        func subject(_ s: Int, before t: Int) -> NameMention? {
            people.first { sentenceOf[$0.tokens.lowerBound] == s && $0.tokens.upperBound <= t && !$0.possessive }
        }
        // "In his second statement, Kim Yo Jong said": a pronoun in a phrase set off before the
        // subject refers ahead, to the person the sentence goes on to name after the comma.
        func fronted(_ s: Int, after t: Int) -> NameMention? {
            let bytes = document.text.bytes
            guard let next = people.first(where: { sentenceOf[$0.tokens.lowerBound] == s && $0.tokens.lowerBound > t && !$0.possessive }) else { return nil }
            let between = Int(document.tokens[t].end)..<Int(document.tokens[next.tokens.lowerBound].start)
            return bytes[between].contains(0x2C) && !bytes[between].contains(0x2E) ? next : nil
        }
        for (t, token) in document.tokens.enumerated() {
            let isMale = male.contains(token), isFemale = female.contains(token)
            // A pronoun refers to the subject of its sentence, or else of the sentence before.
            guard isMale || isFemale else { continue }
            let s = sentenceOf[t]
            guard let referent = subject(s, before: t) ?? fronted(s, after: t) ?? (s > 0 ? subject(s - 1, before: t) : nil) else { continue }
            var entry = genders[referent.entity] ?? (nil, nil)
            if isMale && entry.male == nil { entry.male = t }
            if isFemale && entry.female == nil { entry.female = t }
            genders[referent.entity] = entry
        }
        return genders.compactMap { entity, entry in
            guard let m = entry.male, let f = entry.female else { return nil }
            let first = min(m, f), second = max(m, f)
            return Finding(kind: .pronounMismatch, severity: .medium,
                           a: AlignedPair.bytes(document, first..<(first + 1)), b: AlignedPair.bytes(document, second..<(second + 1)),
                           explanation: "\(entity) is referred to both as \"\(document.string(of: document.tokens[m]))\" and as \"\(document.string(of: document.tokens[f]))\".")
        }.sorted { ($0.a?.lowerBound ?? 0) < ($1.a?.lowerBound ?? 0) }
    }
}

/// The same event described incompatibly in two places: "its first missile test in six months"
/// and "its first ever missile test".
enum SelfContradictionCheck {
    struct Claim { var sentence: Int; var bounded: Bool; var bytes: Range<Int>; var text: String; var nouns: Set<UInt64> }

    static func check(_ document: Document) -> [Finding] {
        var claims: [Claim] = []
        for (s, sentence) in document.sentences.enumerated() {
            let scope = ScopeCheck.Scope(document, sentence.tokens)
            guard scope.boundedOrdinal != nil || scope.unboundedOrdinal != nil else { continue }
            let nouns = Set(document.tokens[sentence.tokens].lazy
                .filter { $0.isContent && !$0.flags.contains(.capitalized) && !$0.flags.contains(.number) }.map(\.stem))
            if let phrase = scope.boundedOrdinal { claims.append(Claim(sentence: s, bounded: true, bytes: phrase.bytes, text: phrase.text, nouns: nouns)) }
            if let phrase = scope.unboundedOrdinal { claims.append(Claim(sentence: s, bounded: false, bytes: phrase.bytes, text: phrase.text, nouns: nouns)) }
        }
        var findings: [Finding] = []
        for bounded in claims where bounded.bounded {
            for wide in claims where !wide.bounded && wide.sentence != bounded.sentence {
                // The same kind of event: at least two content words in common ("missile", "test").
                guard bounded.nouns.intersection(wide.nouns).count >= 2 else { continue }
                let (first, second) = bounded.bytes.lowerBound < wide.bytes.lowerBound ? (bounded, wide) : (wide, bounded)
                findings.append(Finding(kind: .selfContradiction, severity: .high, a: first.bytes, b: second.bytes,
                    explanation: "The text says \"\(bounded.text)\" in one place and \"\(wide.text)\" in another: it cannot be both."))
            }
        }
        return findings
    }
}
