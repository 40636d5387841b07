/// Anchor terms: the words a rewriter rarely changes, and the features built from them.
///
/// Synonym spinners and paraphrasers replace ordinary words, but names, figures and quoted words
/// have no synonyms to swap in (DSpin calls such words "immutables"), and long, specific words
/// are seldom in a spinner's thesaurus. A rewrite that replaces a third of the words destroys most
/// word 5-grams, yet leaves most anchors in place and in order. So the features are pairs of
/// consecutive anchors ("Pyongyang" then "2022"), which are specific enough to look up, and
/// winnowing keeps a fixed share of them: every run of `window` consecutive pairs that two texts
/// share contributes at least one identical feature.
///
/// Whether an anchor is rare is decided by the index, from how many documents hold each feature.
public enum AnchorTerms {
    /// Content words at least this many bytes long count as anchors even without a capital.
    public static let longWordBytes = 9
    /// Winnowing window of the anchor features, in consecutive anchor pairs.
    public static let defaultWindow = 4

    /// Indexes of the anchor tokens: names (capitalized words that do not start a sentence),
    /// numbers and words with digits, content words inside double quotes, and long content words.
    public static func anchorIndexes(_ bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>) -> [Int] {
        var out = [Int]()
        out.reserveCapacity(tokens.count / 4)
        var inQuote = false
        var previousEnd = 0
        var sentenceStart = true
        for index in 0..<tokens.count {
            let token = tokens[index]
            // The gap before the token says whether a sentence ended or a quote opened or closed.
            var i = previousEnd
            let start = Int(token.start)
            while i < start {
                switch bytes[i] {
                case UInt8(ascii: "\""): inQuote.toggle()
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"): sentenceStart = true
                default: break
                }
                i += 1
            }
            previousEnd = Int(token.end)
            let flags = token.flags
            defer { sentenceStart = false }
            if flags.contains(.number) || flags.contains(.hasDigit) { out.append(index); continue }
            if EnglishStopwords.contains(hash: token.key) { continue }
            if flags.contains(.capitalized) && !sentenceStart { out.append(index); continue }
            if inQuote || token.end - token.start >= Int32(longWordBytes) { out.append(index) }
        }
        return out
    }

    /// Winnowed hashes of consecutive anchor pairs, distinct and sorted.
    public static func features(_ bytes: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>,
                                window: Int = defaultWindow) -> [Int64] {
        let anchors = anchorIndexes(bytes, tokens: tokens)
        guard anchors.count >= 2 else { return [] }
        var pairs = [UInt64]()
        pairs.reserveCapacity(anchors.count - 1)
        for k in 1..<anchors.count {
            pairs.append(StableHash.combine(tokens[anchors[k - 1]].key ^ 0x414e_4348_4f52, tokens[anchors[k]].key))
        }
        return winnow(pairs, window: window)
    }

    /// Winnowing (Schleimer, Wilkerson & Aiken, 2003): the smallest hash of every window of
    /// `window` consecutive hashes.
    static func winnow(_ hashes: [UInt64], window: Int) -> [Int64] {
        guard hashes.count > window else {
            return hashes.min().map { [Int64(bitPattern: $0)] } ?? []
        }
        var selected = Set<UInt64>()
        var lastPosition = -1
        for start in 0...(hashes.count - window) {
            var position = start
            for i in start..<(start + window) where hashes[i] <= hashes[position] { position = i }
            if position != lastPosition {
                selected.insert(hashes[position])
                lastPosition = position
            }
        }
        return selected.map { Int64(bitPattern: $0) }.sorted()
    }
}
