import Testing
@testable import RetoldCore

@Suite("Comparing two texts")
struct ComparerTests {
    func compare(_ a: String, _ b: String) -> Comparison {
        var analyzer = TextAnalyzer()
        return Comparer().compare(analyzer.analyze(a), analyzer.analyze(b))
    }

    /// Characters of the given sentences of a text, as the comparer counts them.
    func characters(_ text: String) -> Int {
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze(text)
        return Comparer.characters(document, 0..<document.sentences.count)
    }

    @Test("a text compared with itself is a verbatim copy, 100% both ways")
    func itself() throws {
        let story = try TestData.wireStory
        let result = compare(story, story)
        #expect(result.relationship == .verbatimCopy)
        #expect(result.coverageA == 1 && result.coverageB == 1)
        #expect(result.passages.allSatisfy { $0.kind == .verbatim })
        #expect(result.reason == "A and B are the same text word for word (100% of A in B, 100% of B from A).")
    }

    @Test("a reason names the evidence it rests on, also when no sentence aligned")
    func reasons() {
        var evidence = DerivationEvidence()
        evidence.ordinaryA = 0.11
        evidence.sharedAnchorWords = 3
        evidence.anchorsInOrder = 2
        #expect(ReasonWriter.reason(.paraphrase, evidence: evidence, anchors: ["Seoul"])
                == "B rewrites A in other words, though none of its sentences restates one of A's closely enough to align: "
                + "it shares 11% of A's wording outside names and figures, and 2 of the 3 words of names and figures both give come in A's order.")
        evidence.bodyAlignments = 1
        evidence.inOrder = 1
        #expect(ReasonWriter.reason(.sameEvent, evidence: evidence, anchors: ["Seoul"])
                == "A and B state the same facts in their own order and wording: independent reports (1 sentence restates one of the other's), naming Seoul.")
        evidence.bodyAlignments = 3
        #expect(ReasonWriter.reason(.sameEvent, evidence: evidence, anchors: [])
                == "A and B state the same facts in their own order and wording: independent reports (3 sentences restate each other, 1 in A's order).")
    }

    @Test("unrelated news stories are unrelated, with no passages")
    func unrelated() throws {
        let fire = try TestData.story("harbour-fire"), council = try TestData.story("council-budget"), river = try TestData.story("river-rescue")
        for (a, b) in [(try TestData.wireStory, fire), (fire, council), (council, river), (river, try TestData.spunStory)] {
            let result = compare(a, b)
            #expect(result.relationship == .unrelated)
            #expect(result.passages.isEmpty)
            #expect(result.coverageA == 0 && result.coverageB == 0)
        }
    }

    @Test("a passage inserted into another story: coverage matches the inserted share")
    func partialCopy() throws {
        let wire = try TestData.wireStory
        var analyzer = TextAnalyzer()
        let source = analyzer.analyze(wire)
        // Three consecutive sentences of the wire story, inserted into a story on another subject.
        let passage = source.sentences[2..<5].map { source.text.originalText($0.range) }.joined(separator: " ")
        let host = try TestData.story("council-budget")
        let hostDocument = analyzer.analyze(host)
        let cut = hostDocument.sentences[3].end
        let hostPrefix = hostDocument.text.text(0..<cut)
        let hostSuffix = hostDocument.text.text(cut..<hostDocument.text.bytes.count)
        let copy = hostPrefix + " " + passage + hostSuffix
        let result = compare(wire, copy)
        let insertedShareOfCopy = Double(characters(passage)) / Double(characters(copy))
        let insertedShareOfWire = Double(characters(passage)) / Double(characters(wire))
        // Reuse, and the passage word for word; the relationship's kind weighs the whole page,
        // as the labelled wire clusters do, and most of this page is its own.
        #expect(result.relationship.isReuse)
        #expect(result.passages.map(\.kind) == [.verbatim])
        #expect(abs(result.coverageB - insertedShareOfCopy) < 0.03, "B from A \(result.coverageB) vs inserted \(insertedShareOfCopy)")
        #expect(abs(result.coverageA - insertedShareOfWire) < 0.03, "A in B \(result.coverageA) vs inserted \(insertedShareOfWire)")
        #expect(result.passages.count == 1)
        #expect(result.passages[0].a == 2..<5)
    }

    @Test("a copy with words changed, sentences dropped and its own reporting added: reuse, its edits and insertions shown")
    func editedCopy() throws {
        let wire = try TestData.wireStory
        var analyzer = TextAnalyzer()
        let source = analyzer.analyze(wire)
        let sentences = source.sentences.map { source.text.originalText($0.range) }
        // Two sentences dropped, two of the outlet's own added in their place.
        let trimmed = (sentences[..<4] + ["Our correspondent in Seoul said the mood in the city was calm on Sunday.",
                                          "Local television showed commuters following the news on their phones."]
                       + sentences[6...]).joined(separator: " ")
        let edited = trimmed
            .replacingOccurrences(of: "Earlier this month", with: "This month")
            .replacingOccurrences(of: "influential sister", with: "powerful sister")
            .replacingOccurrences(of: "have repeatedly expressed hope", with: "have often expressed hope")
            .replacingOccurrences(of: "fragile economy recently suffered", with: "fragile economy has suffered")
            .replacingOccurrences(of: "called its statement", with: "described the statement as")
            .replacingOccurrences(of: "Despite his recent missile tests, ", with: "")
        let result = compare(wire, edited)
        // Whether this is `verbatim-copy` or `edited-copy` is the page-level call the relationship
        // model learned from the labelled clusters; the evidence shows the edits either way.
        #expect(result.relationship == .verbatimCopy || result.relationship == .editedCopy)
        #expect(result.evidence.windowCoverageB < 0.95)
        #expect(result.evidence.inOrder == result.evidence.bodyAlignments)
        #expect(result.coverageA > 0.8 && result.coverageB > 0.8)
        #expect(result.passages.flatMap(\.alignments).contains { $0.kind == .edited })
    }

    @Test("the spun copy of the wire story is a paraphrase, with split and merged sentences aligned")
    func spunCopy() throws {
        let result = compare(try TestData.wireStory, try TestData.spunStory)
        #expect(result.relationship == .paraphrase)
        let alignments = result.passages.flatMap(\.alignments)
        #expect(alignments.count >= 4)
        // "Earlier this month, North Korea conducted ..." became two sentences of B.
        #expect(alignments.contains { $0.a == 1..<2 && $0.b.count >= 2 })
        // The economy sentence and Kim's "worst crisis" sentence became one.
        #expect(alignments.contains { $0.a == 12..<14 && $0.b.count == 1 })
        #expect(alignments.allSatisfy { $0.kind == .paraphrased })
        #expect(result.coverageA > 0.3 && result.coverageB > 0.1)
    }

    /// Replaces lowercase content words with words from a fixed pool, with the given chance each.
    func rewrite(_ text: String, replacing chance: Double, seed: UInt64) -> (text: String, changedShare: Double) {
        let pool = ["reportedly", "considerable", "statement", "officials", "region", "warned", "noted", "sharply",
                    "growing", "pressure", "renewed", "tension", "leaders", "ministry", "recent", "week"]
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var words = 0, changed = 0
        let rewritten = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard let first = word.first, first.isLetter else { return String(word) }
            words += 1
            guard first.isLowercase, word.count > 3, next() < chance else { return String(word) }
            changed += 1
            let trailing = word.reversed().prefix { !$0.isLetter }
            return pool[Int(next() * Double(pool.count))] + String(trailing.reversed())
        }
        return (rewritten.joined(separator: " "), Double(changed) / Double(words))
    }

    /// Up to ~40% of all words replaced, nearly everything still aligns and reads as reuse. With
    /// almost every content word replaced by an unrelated one (harsher than a synonym spinner),
    /// only the names, figures and order are left, which independent reports share too.
    @Test("rewrites with 30% to 45% of their words changed are found", arguments: [(0.6, 0.85), (0.8, 0.85)])
    func heavyRewrites(chance: Double, minimumCoverage: Double) throws {
        let wire = try TestData.wireStory
        let (rewritten, changedShare) = rewrite(wire, replacing: chance, seed: 11)
        #expect(changedShare > 0.25 && changedShare < 0.6, "changed \(changedShare)")
        let result = compare(wire, rewritten)
        #expect(result.relationship.isReuse)
        #expect(result.coverageA > minimumCoverage && result.coverageB > minimumCoverage, "coverage \(result.coverageA) \(result.coverageB) at \(changedShare)")
        // Heavier rewrites are no longer called verbatim; the heaviest read as paraphrase.
        #expect(result.relationship != .verbatimCopy)
        if changedShare > 0.45 { #expect(result.relationship == .paraphrase) }
    }

    @Test("comparison is symmetric in what it finds")
    func symmetry() throws {
        let forward = compare(try TestData.wireStory, try TestData.spunStory)
        let backward = compare(try TestData.spunStory, try TestData.wireStory)
        #expect(forward.relationship == backward.relationship)
        #expect(abs(forward.coverageA - backward.coverageB) < 0.05)
    }

    @Test("empty documents compare as unrelated without crashing")
    func empty() {
        let result = compare("", "Something happened today in the capital.")
        #expect(result.relationship == .unrelated)
        #expect(result.passages.isEmpty)
    }
}
