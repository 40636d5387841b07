/// Holds the claims of a short text B (a summary, a headline, a post) against the whole of its
/// source A: a figure or a name in B that A gives nowhere.
///
/// The checks of ``ChangeDetector`` only ever compare sentences the aligner paired, but a summary
/// says in its own words what A says across several sentences, so most of its sentences pair
/// with none. Those sentences are still claims about A, and a figure or a name A never gives is
/// a claim A does not support. ``Comparer`` runs it on every comparison that finds changes; its
/// findings are the comparison's ``Comparison/claims``.
///
/// It applies only where B as a whole is a set of claims about A: when B has at most
/// ``shortText`` sentences, or is at most ``summaryShare`` of A's length. An edited copy is about
/// as long as its source, and its own unaligned sentences are the outlet's own reporting, which
/// A need not support; those stay unchecked. Where the texts capitalize no names (some summary
/// data sets are lowercased), a word no dictionary knows stands in for a name.
public struct ClaimChecker: Sendable {
    /// A text of this many sentences or fewer is read as claims about its source.
    public var shortText = 3
    /// A text at most this share of its source's characters is a summary of it.
    public var summaryShare = 0.25
    /// B speaks of A's things when at least this share of its content words occur in A; below it
    /// B is about something else, and every name of it would be "unsupported".
    public var aboutShare = 0.3

    /// A checker with the default limits.
    public init() {}

    /// The B sentences the check holds against the whole of A: all of them when B is short or a
    /// summary of A (an aligned sentence of a summary is still a claim, and its pair's checks
    /// see only the one A sentence it pairs with); none otherwise.
    public func claimSentences(_ a: Document, _ b: Document) -> [Int] {
        guard !a.sentences.isEmpty, !b.sentences.isEmpty else { return [] }
        let charactersA = a.sentences.reduce(0) { $0 + $1.end - $1.start }
        let charactersB = b.sentences.reduce(0) { $0 + $1.end - $1.start }
        guard b.sentences.count <= shortText || Double(charactersB) <= summaryShare * Double(charactersA) else { return [] }
        return Array(b.sentences.indices)
    }

    /// The unsupported figures and names of B's claim sentences, in text order; the B range of
    /// each finding points into `b`, and none has an A range. What the findings of the aligned
    /// `passages` already say about the same words is not repeated.
    public func check(_ a: Document, _ b: Document, passages: [Passage]) -> [Finding] {
        let sentences = claimSentences(a, b)
        guard !sentences.isEmpty else { return [] }
        let whole = WholeText(a, names: NameFinder(a))
        guard speaksOf(whole, b) else { return [] }
        let namesB = NameFinder(b)
        var findings: [Finding] = []
        for s in sentences {
            let tokens = b.sentences[s].tokens
            var sentence = DetailCheck.figures(StatedNumber.all(b, tokens), of: b, unsupportedBy: whole)
            sentence += DetailCheck.names(namesB.mentions(in: tokens), of: b, unsupportedBy: whole)
            sentence += unknownWords(a, b, tokens, whole).filter { word in !sentence.contains { overlaps($0, word) } }
            findings += sentence
        }
        let aligned = passages.flatMap(\.alignments).flatMap(\.findings)
        return findings.filter { finding in !aligned.contains { overlaps($0, finding) } }
            .sorted { ($0.b?.lowerBound ?? 0) < ($1.b?.lowerBound ?? 0) }
    }

    /// Whether at least ``aboutShare`` of B's content words occur in A.
    func speaksOf(_ whole: WholeText, _ b: Document) -> Bool {
        var content = 0, shared = 0
        for token in b.tokens where token.isContent {
            content += 1
            if whole.stems.contains(token.stem) { shared += 1 }
        }
        return content > 0 && Double(shared) >= aboutShare * Double(content)
    }

    /// Whether two findings concern overlapping words of B.
    func overlaps(_ x: Finding, _ y: Finding) -> Bool {
        guard let p = x.b, let q = y.b else { return false }
        return p.overlaps(q)
    }

    /// Ordinals in digits that A gives nowhere ("150th"), and in a text that capitalizes no name,
    /// words no dictionary knows that A has nowhere: the names capitals cannot tell
    /// ("a robbery in edinburgh").
    func unknownWords(_ a: Document, _ b: Document, _ tokens: Range<Int>, _ whole: WholeText) -> [Finding] {
        let lexicon = Lexicon.shared
        let bytes = b.text.bytes
        let caseless = !capitalizesNames(a) && !capitalizesNames(b)
        var prefixesA: Set<UInt64>? = nil
        var findings: [Finding] = []
        for token in b.tokens[tokens] where token.isContent && !whole.stems.contains(token.stem) {
            let word = b.string(of: token)
            if isOrdinal(bytes[token.range]) {
                findings.append(Finding(kind: .detailAdded, severity: .medium, a: nil, b: token.range,
                                        explanation: "B says \"\(word)\", a figure A gives nowhere."))
                continue
            }
            // Letters only and at least three of them: no figure, initial or stray symbol; no
            // adverb, which the dictionary does not list.
            guard caseless, token.end - token.start >= 3, !token.flags.contains(.hasDigit), !token.flags.contains(.nonASCII),
                  bytes[token.range].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }),
                  !MeaningCheck.isAdverb(b, token), !lexicon.knows(token) else { continue }
            // A word that begins like one of A's is a form of it ("fossilised" for "fossil"), not a name.
            if prefixesA == nil { prefixesA = Set(a.tokens.lazy.compactMap { self.prefix(a.text.bytes[$0.range]) }) }
            if let prefix = prefix(bytes[token.range]), prefixesA!.contains(prefix) { continue }
            // A country or capital A names in other words ("Seoul" for South Korea) is no new name.
            if let country = Gazetteer.country(word.lowercased()), whole.lowercased.contains(country.lowercased()) { continue }
            findings.append(Finding(kind: .detailAdded, severity: .medium, a: nil, b: token.range,
                                    explanation: "B says \"\(word)\", a name A does not mention anywhere."))
        }
        return findings
    }

    /// Whether a text capitalizes words inside its sentences, as names are written; some data
    /// sets lowercase everything but the first word.
    func capitalizesNames(_ document: Document) -> Bool {
        var inside = 0
        for token in document.tokens where token.flags.contains(.capitalized) && !token.flags.contains(.sentenceInitial) { inside += 1 }
        return inside * 200 > document.tokens.count
    }

    /// The first five letters of a word, lowercase, packed in an integer; nil for a shorter word.
    func prefix(_ bytes: ArraySlice<UInt8>) -> UInt64? {
        guard bytes.count >= 5 else { return nil }
        var packed: UInt64 = 0
        for byte in bytes.prefix(5) { packed = packed << 8 | UInt64(byte | 0x20) }
        return packed
    }

    /// An ordinal in digits ("150th", "2nd"), which the figure parser leaves as a word.
    func isOrdinal(_ bytes: ArraySlice<UInt8>) -> Bool {
        let digits = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count == bytes.count - 2 else { return false }
        let first = bytes[bytes.endIndex - 2] | 0x20, second = bytes[bytes.endIndex - 1] | 0x20
        switch (first, second) {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return true  // st, nd, rd, th
        default: return false
        }
    }
}
