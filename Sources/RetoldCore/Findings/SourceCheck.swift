/// Sources changed between aligned sentences: an attribution dropped ("..., his lawyer said" /
/// "..."), given to another kind of source ("the ministry said" / "the minister said",
/// "officials said" / "sources said"), or to a different count of sources ("his lawyer" / "his
/// lawyers").
///
/// Named speakers swapped around a shared quotation are `QuoteCheck`'s attribution finding; this
/// check compares the common nouns that describe a source, which rewrites rarely change without
/// changing who is speaking. A name against a description ("Pfizer said" / "the drugmaker said")
/// is usually the same source and is left alone.
enum SourceCheck {
    /// A source: the speech verb and the words naming who speaks.
    struct Attribution {
        var verb: Int
        /// The word that names the source ("spokesman", "officials", "he"), if any.
        var head: Int?
        /// Tokens of the whole attribution, verb included.
        var tokens: Range<Int>
    }

    static let subjectOnlyVerbs: WordSet = ["told", "tells", "tell"]
    static let determiners: WordSet = ["the", "a", "an", "his", "her", "its", "their", "our", "two", "three", "several", "some", "many", "one"]
    /// "can be confirmed", "was first reported", "to say": not someone saying something.
    static let passiveOrInfinitive: WordSet = ["be", "been", "being", "was", "were", "is", "are", "to", "first"]
    static let prepositions: WordSet = ["with", "of", "from", "for", "at", "in"]
    static let pronouns: WordSet = ["he", "she", "they", "it", "we", "i", "you"]
    static let counts: WordSet = ["one", "two", "three", "four", "five", "several", "some", "many", "few", "multiple", "various"]
    static let (according, to, that) = (Word("according"), Word("to"), Word("that"))

    static func check(_ pair: AlignedPair) -> [Finding] {
        let a = attributions(pair.a, pair.tokensA), b = attributions(pair.b, pair.tokensB)
        guard !a.isEmpty else { return [] }
        if b.isEmpty { return dropped(pair, a) }
        return changed(pair, a, b)
    }

    /// A's attribution gone from B, while B keeps the attributed words and its neighbouring
    /// sentences do not name the same source.
    static func dropped(_ pair: AlignedPair, _ sources: [Attribution]) -> [Finding] {
        let source = sources[0]
        let inside = Set(sources.flatMap { Array($0.tokens) })
        let claim = pair.tokensA.filter { !inside.contains($0) && pair.a.tokens[$0].isContent }
        let stemsB = pair.contentStems(pair.b, pair.tokensB)
        guard claim.count >= 3, claim.filter({ stemsB.contains(pair.a.tokens[$0].stem) }).count * 10 >= claim.count * 6 else { return [] }
        // The source may have moved to the sentence before or after in B; another speaker there
        // ("President Fernandez declared three days of mourning") does not carry it.
        let sentences = pair.alignment.b
        let before = max(0, sentences.lowerBound - 1), after = min(pair.b.sentences.count, sentences.upperBound + 1)
        let near = pair.b.sentences[before].tokens.lowerBound..<pair.b.sentences[after - 1].tokens.upperBound
        // A source A names by no noun ("who said", "he said") may be anyone there.
        let named = source.head.map { !pronouns.contains(pair.a.tokens[$0]) } ?? false
        let sourceStems = Set(source.tokens.lazy.map { pair.a.tokens[$0] }.filter(\.isContent).map(\.stem))
        if attributions(pair.b, near).contains(where: { !named || mayBeSame($0, in: pair.b, as: sourceStems) }) { return [] }
        let text = pair.a.text.text(AlignedPair.bytes(pair.a, source.tokens))
        // A claim B keeps in quotation marks is still marked as someone's words, not stated as B's own.
        if !QuoteCheck.quotes(pair.b, pair.tokensB).isEmpty { return [] }
        return [Finding(kind: .sourceChanged, severity: .medium, a: AlignedPair.bytes(pair.a, source.tokens), b: nil,
                        explanation: "A attributes this (\"\(text)\"); B states it without a source.")]
    }

    /// Whether an attribution may name a source whose words have the stems `stems`: it names none
    /// ("..., it said"), refers back with a pronoun, or shares a word with it.
    static func mayBeSame(_ attribution: Attribution, in document: Document, as stems: Set<UInt64>) -> Bool {
        guard let head = attribution.head, !pronouns.contains(document.tokens[head]) else { return true }
        return attribution.tokens.contains { document.tokens[$0].isContent && !QuoteCheck.speechVerbs.contains(document.tokens[$0]) && stems.contains(document.tokens[$0].stem) }
    }

    /// The sources described by different common nouns, or counted differently.
    static func changed(_ pair: AlignedPair, _ a: [Attribution], _ b: [Attribution]) -> [Finding] {
        func described(_ document: Document, _ list: [Attribution]) -> [(Attribution, Token)] {
            list.compactMap { attribution in
                guard let h = attribution.head else { return nil }
                let token = document.tokens[h]
                // A capitalized head is a name ("Pfizer said") unless it is a common word opening the sentence ("Police said").
                guard !token.flags.contains(.capitalized) || (token.flags.contains(.sentenceInitial) && Lexicon.shared.knows(token)),
                      !pronouns.contains(token), token.isContent || counts.contains(token) else { return nil }
                return (attribution, token)
            }
        }
        let da = described(pair.a, a), db = described(pair.b, b)
        guard let (sa, headA) = da.first, let (sb, headB) = db.first else { return [] }
        let textA = pair.a.text.text(AlignedPair.bytes(pair.a, sa.tokens)), textB = pair.b.text.text(AlignedPair.bytes(pair.b, sb.tokens))
        let bytesA = AlignedPair.bytes(pair.a, sa.tokens), bytesB = AlignedPair.bytes(pair.b, sb.tokens)
        if headA.stem == headB.stem {
            // The same noun, counted differently: "his lawyer" / "his lawyers", "two officials" / "officials".
            let countA = countWord(pair.a, sa), countB = countWord(pair.b, sb)
            guard headA.key != headB.key || (countA != nil && countB != nil && countA != countB) else { return [] }
            return [Finding(kind: .sourceChanged, severity: .medium, a: bytesA, b: bytesB,
                            explanation: "A cites \"\(textA)\", B cites \"\(textB)\": a different count of sources.")]
        }
        // Another noun: the source replaced, unless either side names both.
        let stemsA = Set(pair.a.tokens[pair.tokensA].map(\.stem)), stemsB = Set(pair.b.tokens[pair.tokensB].map(\.stem))
        guard !stemsB.contains(headA.stem), !stemsA.contains(headB.stem) else { return [] }
        return [Finding(kind: .sourceChanged, severity: .medium, a: bytesA, b: bytesB,
                        explanation: "A attributes this to \"\(textA)\", B to \"\(textB)\": another source.")]
    }

    static func countWord(_ document: Document, _ attribution: Attribution) -> UInt64? {
        attribution.tokens.lazy.map { document.tokens[$0] }.first { counts.contains($0) || $0.flags.contains(.number) }?.key
    }

    /// Whether punctuation (or a quotation mark) separates two neighbouring tokens.
    static func separated(_ document: Document, _ left: Int, _ right: Int) -> Bool {
        let bytes = document.text.bytes
        for i in Int(document.tokens[left].end)..<Int(document.tokens[right].start) where bytes[i] != 0x20 && bytes[i] != 0x27 {
            return true
        }
        return false
    }

    /// The attributions of a side: "police said", "said a spokesman", "according to officials".
    static func attributions(_ document: Document, _ range: Range<Int>) -> [Attribution] {
        let tokens = document.tokens
        var result: [Attribution] = []
        // A speech verb inside a quotation is the speaker's word, not an attribution; a capitalized
        // one is a name ("United States").
        let quoted = QuoteCheck.quotes(document, range)
        for t in range where QuoteCheck.speechVerbs.contains(tokens[t]) && !tokens[t].flags.contains(.capitalized)
            && !quoted.contains(where: { $0.contains(t) }) && !(t > range.lowerBound && passiveOrInfinitive.contains(tokens[t - 1])) {
            if tokens[t].is(according) {
                guard t + 1 < range.upperBound, tokens[t + 1].is(to), let object = nounGroup(document, range, from: t + 2) else { continue }
                result.append(Attribution(verb: t, head: object.upperBound - 1, tokens: t..<object.upperBound))
                continue
            }
            // The subject before the verb: "a police spokesman said", "he said".
            if t > range.lowerBound, !separated(document, t - 1, t), tokens[t - 1].isContent || pronouns.contains(tokens[t - 1]) {
                var start = t - 1
                while start > range.lowerBound, t - start < 5, !separated(document, start - 1, start),
                      tokens[start - 1].isContent || determiners.contains(tokens[start - 1]) {
                    start -= 1
                }
                // "a person familiar with the situation told", "officials from the FBI said": the
                // source is the noun before the preposition.
                var head = t - 1
                if start - 2 >= range.lowerBound, prepositions.contains(tokens[start - 1]), !separated(document, start - 2, start - 1) {
                    var k = start - 2
                    while k > range.lowerBound, start - k < 4, tokens[k].isContent, !separated(document, k - 1, k), tokens[k - 1].isContent { k -= 1 }
                    if tokens[k].isContent {
                        head = k
                        while k > range.lowerBound, determiners.contains(tokens[k - 1]), !separated(document, k - 1, k) { k -= 1 }
                        start = k
                    }
                }
                result.append(Attribution(verb: t, head: head, tokens: start..<(t + 1)))
                continue
            }
            // The subject after it: ", said a police spokesman." (not "told reporters").
            if !subjectOnlyVerbs.contains(tokens[t]), t + 1 < range.upperBound, !separated(document, t, t + 1),
               !tokens[t + 1].is(that), let object = nounGroup(document, range, from: t + 1) {
                result.append(Attribution(verb: t, head: object.upperBound - 1, tokens: t..<object.upperBound))
                continue
            }
            result.append(Attribution(verb: t, head: nil, tokens: t..<(t + 1)))
        }
        return result
    }

    /// A short noun group starting at `from`: determiners, then up to four content words, not
    /// crossing punctuation or a quotation mark.
    static func nounGroup(_ document: Document, _ range: Range<Int>, from: Int) -> Range<Int>? {
        let tokens = document.tokens
        var k = from
        while k < range.upperBound, k - from < 3, determiners.contains(tokens[k]) {
            if k > from, separated(document, k - 1, k) { return nil }
            k += 1
        }
        var end = k
        while end < range.upperBound, end - k < 4, tokens[end].isContent, !tokens[end].flags.contains(.number),
              end == from || !separated(document, end - 1, end) {
            end += 1
        }
        return end > k ? from..<end : nil
    }
}
