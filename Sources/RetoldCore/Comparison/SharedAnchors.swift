/// Names and figures two texts have in common: the evidence for "same event" when no wording
/// is shared, and the words rewriters tend to leave alone.
struct SharedAnchors {
    /// Shared anchor phrases, as spelled in A, most frequent first.
    var names: [String]
    /// Dice coefficient of the two anchor-word sets.
    var dice: Double
    /// Dice coefficient of the two content-stem sets.
    var cosine: Double
    var sharedCount: Int

    /// Two texts report the same event when they share several names or figures, or a large
    /// part of their vocabulary.
    var indicateSameEvent: Bool { (sharedCount >= 2 && dice >= 0.2) || cosine >= 0.3 }

    init(_ a: Document, _ b: Document) {
        let anchorsA = Self.anchorWords(a), anchorsB = Self.anchorWords(b)
        let shared = anchorsA.keys.filter { anchorsB[$0] != nil }
        sharedCount = shared.count
        dice = anchorsA.isEmpty && anchorsB.isEmpty ? 0 : 2 * Double(shared.count) / Double(anchorsA.count + anchorsB.count)
        let contentA = Set(a.tokens.lazy.filter(\.isContent).map(\.stem))
        let contentB = Set(b.tokens.lazy.filter(\.isContent).map(\.stem))
        let common = contentA.intersection(contentB).count
        cosine = contentA.isEmpty || contentB.isEmpty ? 0 : 2 * Double(common) / Double(contentA.count + contentB.count)

        // Display: A's anchor phrases made only of shared words, by frequency in both; a phrase
        // whose words (by stem) an earlier one already shows is left out ("North" after "North Korea's").
        var weights: [String: Int] = [:]
        var stemsOf: [String: Set<UInt64>] = [:]
        var order: [String] = []
        for phrase in Self.anchorPhrases(a) where phrase.keys.allSatisfy({ anchorsB[$0] != nil }) {
            let weight = phrase.keys.reduce(0) { $0 + (anchorsA[$1] ?? 0) + (anchorsB[$1] ?? 0) }
            if weights[phrase.text] == nil { order.append(phrase.text) }
            weights[phrase.text] = max(weights[phrase.text] ?? 0, weight)
            stemsOf[phrase.text] = Set(phrase.stems)
        }
        let ranked = order.enumerated().sorted {
            (weights[$0.element]!, stemsOf[$0.element]!.count, -$0.offset) > (weights[$1.element]!, stemsOf[$1.element]!.count, -$1.offset)
        }.map(\.element)
        var shown: [String] = []
        for text in ranked where shown.count < 8 {
            let stems = stemsOf[text]!
            if shown.contains(where: { stems.isSubset(of: stemsOf[$0]!) }) { continue }
            shown.removeAll { stemsOf[$0]!.isSubset(of: stems) }
            shown.append(text)
        }
        names = shown
    }

    /// Anchor word keys with their counts: capitalized non-stopwords that are not merely
    /// sentence-initial, and numbers.
    static func anchorWords(_ document: Document) -> [UInt64: Int] {
        var counts: [UInt64: Int] = [:]
        for phrase in anchorPhrases(document) { for key in phrase.keys { counts[key, default: 0] += 1 } }
        return counts
    }

    /// Maximal runs of capitalized content words ("Kim Yo Jong"), and numbers.
    static func anchorPhrases(_ document: Document) -> [(text: String, keys: [UInt64], stems: [UInt64])] {
        var result: [(String, [UInt64], [UInt64])] = []
        var run: [Token] = []
        func close() {
            defer { run.removeAll() }
            guard let first = run.first, let last = run.last else { return }
            // A lone capitalized word at a sentence start says nothing ("Experts said").
            if run.count == 1 && first.flags.contains(.sentenceInitial) { return }
            let text = document.text.text(Int(first.start)..<Int(last.end))
            result.append((text, run.map(\.key), run.map(\.stem)))
        }
        for token in document.tokens {
            if token.flags.contains(.number) {
                close()
                result.append((document.string(of: token), [token.key], [token.stem]))
            } else if token.flags.contains(.capitalized) && !token.flags.contains(.stopword) {
                if let last = run.last, !adjacent(document, last, token) || token.flags.contains(.sentenceInitial) { close() }
                run.append(token)
            } else {
                close()
            }
        }
        close()
        return result
    }

    /// Two tokens separated only by a space.
    static func adjacent(_ document: Document, _ left: Token, _ right: Token) -> Bool {
        right.start - left.end == 1 && document.text.bytes[Int(left.end)] == 0x20
    }
}
