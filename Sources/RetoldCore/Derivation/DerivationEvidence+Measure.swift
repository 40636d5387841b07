extension DerivationEvidence {
    /// A body sentence reads as prose: six words or more, ending in sentence punctuation, and not
    /// a line promoting the outlet (``PromotionLine``). Headlines, bylines, captions and "Read
    /// more" lines are furniture.
    static let minimumBodyWords = 6

    /// An alignment is a shared quotation when at least this share of the words it keeps is
    /// quoted on both sides.
    static let quotationShare = 0.5

    /// Measures the evidence in an alignment of `a` and `b`, with the semantic measures when
    /// sentence vectors are given.
    init(a profileA: ComparisonProfile, b profileB: ComparisonProfile, passages: [Passage], anchors: SharedAnchors,
         embeddings: SentenceEmbeddings? = nil) {
        self.init()
        let a = profileA.document, b = profileB.document
        let source = profileA.sourceTables
        anchorDice = anchors.anchorDice
        contentDice = anchors.contentDice
        let alignments = passages.flatMap(\.alignments)
        coverageA = Comparer.coverage(a, alignments.map(\.a))
        coverageB = Comparer.coverage(b, alignments.map(\.b))
        let quotedA = profileA.quoted, quotedB = profileB.quoted
        let bodyA = profileA.body, bodyB = profileB.body

        var bodyRangesA: [Range<Int>] = [], bodyRangesB: [Range<Int>] = []
        var kept: [SentenceAlignment] = []
        var weights: [ReuseKind: Double] = [:]
        var nearVerbatim = 0.0, total = 0.0, probability = 0.0, letters = 0.0
        var quotedWords = 0, alignedWords = 0
        for alignment in alignments {
            let (sharedQuoted, keptB, quotedKeptB) = Self.quotedShare(alignment, a: a, b: b, quotedA: quotedA, quotedB: quotedB)
            alignedWords += keptB
            quotedWords += quotedKeptB
            if sharedQuoted >= Self.quotationShare {
                sharedQuotations += 1
                setAside.append(SetAside(a: alignment.a, b: alignment.b, reason: .sharedQuotation))
                continue
            }
            guard alignment.a.contains(where: { bodyA[$0] }) && alignment.b.contains(where: { bodyB[$0] }) else {
                furnitureAlignments += 1
                setAside.append(SetAside(a: alignment.a, b: alignment.b, reason: .furniture))
                continue
            }
            kept.append(alignment)
            bodyRangesA.append(alignment.a); bodyRangesB.append(alignment.b)
            let weight = Double(Comparer.characters(a, alignment.a) + Comparer.characters(b, alignment.b))
            weights[alignment.kind, default: 0] += weight
            total += weight
            probability += alignment.probability
            if alignment.kind == .verbatim { verbatimAlignments += 1 }
            let longer = max(alignment.diff.leftKept.count, alignment.diff.rightKept.count)
            if longer - alignment.diff.commonCount <= 2 && alignment.diff.overlap >= 0.8 { nearVerbatim += weight }
            letters += weight * CharacterSimilarity.similarity(a, alignment.a, b, alignment.b)
        }
        quotedShare = alignedWords == 0 ? 0 : Double(quotedWords) / Double(alignedWords)
        bodyAlignments = kept.count
        bodyCoverageA = Self.coverage(a, bodyRangesA, body: bodyA)
        bodyCoverageB = Self.coverage(b, bodyRangesB, body: bodyB)
        // Inside the window every aligned sentence counts, shared quotations and short lines too:
        // a quotation the copy kept is no gap in it.
        windowCoverageA = Self.windowCoverage(a, bodyRangesA, all: alignments.map(\.a), body: bodyA)
        windowCoverageB = Self.windowCoverage(b, bodyRangesB, all: alignments.map(\.b), body: bodyB)
        if total > 0 {
            verbatimShare = (weights[.verbatim] ?? 0) / total
            editedShare = (weights[.edited] ?? 0) / total
            nearVerbatimShare = nearVerbatim / total
            characterSimilarity = letters / total
            meanProbability = probability / Double(kept.count)
        }
        inOrder = Self.longestChain(kept)
        longestCopiedRun = CopiedRun.longest(a, seeds: source.seeds, b, quotedA: quotedA, quotedB: quotedB)
        let ordinary = (profileA.ordinaryTrigrams, profileB.ordinaryTrigrams)
        ordinaryShared = Self.sharedCount(ordinary.0, ordinary.1)
        ordinaryA = ordinary.0.isEmpty ? 0 : Double(ordinaryShared) / Double(ordinary.0.count)
        ordinaryB = ordinary.1.isEmpty ? 0 : Double(ordinaryShared) / Double(ordinary.1.count)
        let order = FactOrder(a: profileA, source: source, b: profileB)
        sharedAnchorWords = order.sharedAnchors
        anchorsInOrder = order.anchorsInOrder
        looseMatches = order.looseMatches
        looseInOrder = order.looseInOrder
        if let embeddings, embeddings.fits(a, b) {
            let semantic = SemanticOrder(embeddings, bodyA: bodyA, bodyB: bodyB)
            semanticMatches = semantic.matchesB
            semanticInOrder = semantic.inOrder
            semanticShareA = semantic.shareA
            semanticShareB = semantic.shareB
        }
        let bigrams = (profileA.bigrams, profileB.bigrams)
        let sharedBigrams = Self.sharedCount(bigrams.0, bigrams.1)
        bigramsA = bigrams.0.isEmpty ? 0 : Double(sharedBigrams) / Double(bigrams.0.count)
        bigramsB = bigrams.1.isEmpty ? 0 : Double(sharedBigrams) / Double(bigrams.1.count)
    }

    /// Whether each sentence is a body sentence (see `minimumBodyWords`).
    static func bodySentences(_ document: Document) -> [Bool] {
        let bytes = document.text.bytes
        return document.sentences.indices.map { index in
            let sentence = document.sentences[index]
            guard sentence.tokens.count >= minimumBodyWords, !PromotionLine.contains(document, sentence: index) else { return false }
            var end = sentence.end - 1
            // Closing quotes and brackets after the punctuation.
            while end > sentence.start, [0x22, 0x27, 0x29, 0x5D].contains(bytes[end]) { end -= 1 }
            return [0x2E, 0x21, 0x3F].contains(bytes[end])
        }
    }

    /// The share of the words an alignment keeps (in the common subsequence) that are quoted on
    /// both sides, with B's kept and quoted-kept word counts.
    static func quotedShare(_ alignment: SentenceAlignment, a: Document, b: Document,
                            quotedA: QuotedWords, quotedB: QuotedWords) -> (Double, Int, Int) {
        let startA = a.sentences[alignment.a.lowerBound].tokens.lowerBound
        let startB = b.sentences[alignment.b.lowerBound].tokens.lowerBound
        var keptA = 0, quotedKeptA = 0, keptB = 0, quotedKeptB = 0
        for (offset, isKept) in alignment.diff.leftKept.enumerated() where isKept {
            keptA += 1
            if quotedA.inside[startA + offset] { quotedKeptA += 1 }
        }
        for (offset, isKept) in alignment.diff.rightKept.enumerated() where isKept {
            keptB += 1
            if quotedB.inside[startB + offset] { quotedKeptB += 1 }
        }
        guard keptA > 0, keptB > 0 else { return (0, keptB, quotedKeptB) }
        return (min(Double(quotedKeptA) / Double(keptA), Double(quotedKeptB) / Double(keptB)), keptB, quotedKeptB)
    }

    /// Share of a document's body characters covered by the given sentence ranges.
    static func coverage(_ document: Document, _ ranges: [Range<Int>], body: [Bool]) -> Double {
        var covered = [Bool](repeating: false, count: document.sentences.count)
        for range in ranges { for s in range { covered[s] = true } }
        var sum = 0, total = 0
        for s in body.indices where body[s] {
            let characters = Comparer.characters(document, s..<(s + 1))
            total += characters
            if covered[s] { sum += characters }
        }
        return total == 0 ? 0 : Double(sum) / Double(total)
    }

    /// `coverage` by all alignments, restricted to the body sentences from the first to the last
    /// body-aligned one.
    static func windowCoverage(_ document: Document, _ ranges: [Range<Int>], all: [Range<Int>], body: [Bool]) -> Double {
        guard let first = ranges.map(\.lowerBound).min(), let last = ranges.map(\.upperBound).max() else { return 0 }
        var window = [Bool](repeating: false, count: body.count)
        for s in first..<last { window[s] = body[s] }
        return coverage(document, all, body: window)
    }

    /// Length of the longest chain of alignments in the same order on both sides (longest
    /// strictly increasing run of B positions, taken in A order).
    static func longestChain(_ alignments: [SentenceAlignment]) -> Int {
        let ordered = alignments.sorted { ($0.a.lowerBound, $0.b.lowerBound) < ($1.a.lowerBound, $1.b.lowerBound) }
        return FactOrder.longestIncreasing(ordered.map(\.b.lowerBound))
    }

    /// The longest run of words copied in sequence: word pairs the alignments' diffs keep that
    /// follow each other directly in both texts, across sentence boundaries (a copied passage
    /// may start or end inside a sentence, and two texts may split it into sentences
    /// differently). Words quoted on both sides break a run: two reporters quoting one statement
    /// have copied nothing from each other.
    static func longestCopiedRun(_ alignments: [SentenceAlignment], a: Document, b: Document,
                                 quotedA: QuotedWords, quotedB: QuotedWords) -> Int {
        var best = 0, run = 0
        var last = (a: -2, b: -2)
        for alignment in alignments.sorted(by: { $0.a.lowerBound < $1.a.lowerBound }) {
            let left = alignment.diff.leftKept, right = alignment.diff.rightKept
            let startA = a.sentences[alignment.a.lowerBound].tokens.lowerBound
            let startB = b.sentences[alignment.b.lowerBound].tokens.lowerBound
            var i = 0, j = 0
            while true {
                while i < left.count && !left[i] { i += 1 }
                while j < right.count && !right[j] { j += 1 }
                guard i < left.count, j < right.count else { break }
                let x = startA + i, y = startB + j
                i += 1; j += 1
                if quotedA.inside[x] && quotedB.inside[y] { run = 0; last = (-2, -2); continue }
                run = x == last.a + 1 && y == last.b + 1 ? run + 1 : 1
                best = max(best, run)
                last = (x, y)
            }
        }
        return best
    }

    /// Hashes of word trigrams made of ordinary words (no figure, no name inside a sentence, no
    /// quoted word) with at least one content word.
    static func ordinaryTrigrams(_ document: Document, _ quoted: QuotedWords) -> [UInt64] {
        var result = [UInt64]()
        for sentence in document.sentences {
            var run = 0
            for t in sentence.tokens {
                let token = document.tokens[t]
                let isName = token.flags.contains(.capitalized) && !token.flags.contains(.sentenceInitial)
                if token.flags.contains(.hasDigit) || isName || quoted.inside[t] { run = 0; continue }
                run += 1
                guard run >= 3 else { continue }
                let first = document.tokens[t - 2], second = document.tokens[t - 1]
                guard first.isContent || second.isContent || token.isContent else { continue }
                result.append(StableHash.combine(StableHash.combine(first.key, second.key), token.key))
            }
        }
        return distinctSorted(result)
    }

    /// Hashes of consecutive word pairs.
    static func bigrams(_ document: Document) -> [UInt64] {
        var result = [UInt64]()
        result.reserveCapacity(document.tokens.count)
        for t in document.tokens.indices.dropFirst() {
            result.append(StableHash.combine(document.tokens[t - 1].key, document.tokens[t].key))
        }
        return distinctSorted(result)
    }

    // Sets of hashes as sorted arrays: a sort and one merge cost less than hashing every key
    // into a Set, on the path every search candidate takes.

    static func distinctSorted(_ values: [UInt64]) -> [UInt64] {
        var sorted = values
        sorted.sort()
        var kept = 0
        for i in sorted.indices where i == 0 || sorted[i] != sorted[kept - 1] {
            sorted[kept] = sorted[i]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// Values in both sorted, distinct arrays.
    static func sharedCount(_ left: [UInt64], _ right: [UInt64]) -> Int {
        var i = 0, j = 0, count = 0
        while i < left.count && j < right.count {
            if left[i] < right[j] { i += 1 } else if left[i] > right[j] { j += 1 } else { count += 1; i += 1; j += 1 }
        }
        return count
    }
}
