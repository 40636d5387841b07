/// Names and figures two texts have in common: the evidence for "same event" when no wording
/// is shared, and the words rewriters tend to leave alone.
struct SharedAnchors {
    /// Shared anchor phrases, as spelled in A, most frequent first.
    var names: [String]
    /// Dice coefficient of the two anchor-word sets.
    var anchorDice: Double
    /// Dice coefficient of the two content-stem sets.
    var contentDice: Double
    var sharedCount: Int

    /// Two texts report the same event when they share several names or figures, or a large
    /// part of their vocabulary.
    var indicateSameEvent: Bool { (sharedCount >= 2 && anchorDice >= 0.2) || contentDice >= 0.3 }

    init(_ profileA: ComparisonProfile, _ profileB: ComparisonProfile) {
        let a = profileA.document
        let anchorsA = profileA.anchorWords, anchorsB = profileB.anchorWords
        let shared = anchorsA.keys.filter { anchorsB[$0] != nil }
        sharedCount = shared.count
        anchorDice = anchorsA.isEmpty && anchorsB.isEmpty ? 0 : 2 * Double(shared.count) / Double(anchorsA.count + anchorsB.count)
        let contentA = profileA.contentStems, contentB = profileB.contentStems
        let common = contentA.count <= contentB.count ? contentA.lazy.filter(contentB.contains).count : contentB.lazy.filter(contentA.contains).count
        contentDice = contentA.isEmpty || contentB.isEmpty ? 0 : 2 * Double(common) / Double(contentA.count + contentB.count)

        // Display: A's anchor phrases made only of shared words, by frequency in both; a phrase
        // whose words (by stem) an earlier one already shows is left out ("North" after "North Korea's").
        var weights: [String: Int] = [:]
        var stemsOf: [String: Set<UInt64>] = [:]
        var order: [String] = []
        for run in profileA.anchorRuns where a.tokens[run].allSatisfy({ anchorsB[$0.key] != nil }) {
            let tokens = a.tokens[run]
            let text = a.text.text(Int(tokens.first!.start)..<Int(tokens.last!.end))
            let weight = tokens.reduce(0) { $0 + (anchorsA[$1.key] ?? 0) + (anchorsB[$1.key] ?? 0) }
            if weights[text] == nil { order.append(text) }
            weights[text] = max(weights[text] ?? 0, weight)
            stemsOf[text] = Set(tokens.map(\.stem))
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

    /// Maximal runs of capitalized content words ("Kim Yo Jong"), and numbers, as token ranges.
    static func anchorRuns(_ document: Document) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var runStart = -1
        func close(_ end: Int) {
            defer { runStart = -1 }
            guard runStart >= 0 else { return }
            // A lone capitalized word at a sentence start says nothing ("Experts said").
            if end - runStart == 1 && document.tokens[runStart].flags.contains(.sentenceInitial) { return }
            result.append(runStart..<end)
        }
        for (index, token) in document.tokens.enumerated() {
            if token.flags.contains(.number) {
                close(index)
                result.append(index..<(index + 1))
            } else if token.flags.contains(.capitalized) && !token.flags.contains(.stopword) {
                if runStart >= 0, !adjacent(document, document.tokens[index - 1], token) || token.flags.contains(.sentenceInitial) { close(index) }
                if runStart < 0 { runStart = index }
            } else {
                close(index)
            }
        }
        close(document.tokens.count)
        return result
    }

    /// Two tokens separated only by a space.
    static func adjacent(_ document: Document, _ left: Token, _ right: Token) -> Bool {
        right.start - left.end == 1 && document.text.bytes[Int(left.end)] == 0x20
    }
}
