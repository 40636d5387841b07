import Foundation
import Testing
@testable import RetoldCore

/// A deterministic word stream from a fixed-seed generator, for sets with known overlap.
struct Words {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> String {
        state = StableHash.mix(state)
        return "w\(state % 50_000)"
    }
    mutating func text(_ count: Int) -> [String] { (0..<count).map { _ in next() } }
}

@Suite struct MinHashTests {
    @Test func signatureIsStableAcrossRunsAndMachines() {
        let signature = MinHasher().signature([1, 2, 3, 4, 5].map { StableHash.fnv1a("shingle \($0)") })
        // Fixed values: a change here breaks every stored index, so it must be deliberate.
        #expect(signature.values.count == 128)
        #expect(Array(signature.values.prefix(4)) == [1_400_914_916, 309_410_889, 1_900_827_176, 1_900_827_176])
        #expect(Array(LSHBanding(threshold: 0.3).keys(signature).prefix(2)) == [-5_395_234_081_614_340_650, -2_039_329_645_231_527_054])
        #expect(Fingerprinter().fingerprint("Seoul said 23 people fled.").contentHash.description == "a64c94b597620ceca7dcc2248aa8a8f3")
        #expect(signature == MinHasher().signature([5, 4, 3, 2, 1, 1].map { StableHash.fnv1a("shingle \($0)") }))
        #expect(MinHasher(seed: 7).signature([1, 2, 3]) != MinHasher().signature([1, 2, 3]))
        let tokens = Tokenizer.tokenize(NormalizedText("Seoul said 23 people fled the city."))
        #expect(WordShingles.hashes(tokens) == [14_318_584_762_141_608_400, 13_700_105_020_780_682_007, 6_873_405_780_357_114_720])
    }

    /// The benchmark's signature path skips normalization for plain ASCII; it must still give
    /// exactly the signature the index stores, for every kind of input.
    @Test func signaturePathEqualsIndexPath() throws {
        let fingerprinter = Fingerprinter()
        var inputs = [
            "Seoul said 23 people fled.\r\n\r\nThe U.S. said 28,500 troops\tstay at 3:30 p.m.",
            "Kim\u{1}Jong Un said \u{201C}no\u{201D} \u{2014} twice.\u{7F}",
            "caf\u{E9} cafe\u{301} na\u{EF}ve \u{FEFF}zero\u{200B}width",
            "one two three", "", "   \n\n  ",
        ]
        for name in ["000_1fa55ddf9ed85ec1.txt", "001_b3d10f58ee285008.txt"] {
            inputs.append(try String(contentsOfFile: StoreTestData.examples + "/" + name, encoding: .utf8))
        }
        for input in inputs {
            #expect(fingerprinter.signature(input) == fingerprinter.fingerprint(input).signature, "\(input.prefix(30))")
        }
        func plain(_ text: String) -> Bool { var copy = text; return copy.withUTF8 { Tokenizer.tokensIgnoreNormalization($0) } }
        #expect(plain("Plain text, with\ttabs and\r\nnew lines, long enough to fill several words."))
        #expect(!plain("Plain text, long enough to fill several words, then a control\u{1}."))
        #expect(!plain("Plain text, long enough to fill several words, then a \u{7F} delete."))
        #expect(!plain("Plain text, long enough to fill several words, then caf\u{E9}."))
        #expect(!plain("\u{1}"))
    }

    @Test func estimatesJaccardWithinThreeStandardErrors() {
        var words = Words(seed: 42)
        let hasher = MinHasher()
        for target in [0.2, 0.5, 0.8] {
            var errors: [Double] = []
            for _ in 0..<40 {
                // Sets of 1,000 with an intersection chosen for the target Jaccard.
                let shared = Int((2000 * target / (1 + target)).rounded())
                let common = (0..<shared).map { _ in UInt64.random(in: 0...UInt64.max, using: &words) }
                let onlyA = (0..<(1000 - shared)).map { _ in UInt64.random(in: 0...UInt64.max, using: &words) }
                let onlyB = (0..<(1000 - shared)).map { _ in UInt64.random(in: 0...UInt64.max, using: &words) }
                let truth = Double(shared) / Double(2000 - shared)
                let a = hasher.signature(common + onlyA), b = hasher.signature(common + onlyB)
                errors.append(a.jaccard(b) - truth)
            }
            let mean = errors.reduce(0, +) / Double(errors.count)
            let standardError = (target * (1 - target) / 128).squareRoot()
            // Unbiased: the mean error of 40 trials is well inside the standard error of one.
            #expect(abs(mean) < standardError, "target \(target): mean error \(mean)")
            #expect(errors.allSatisfy { abs($0) < 4 * standardError }, "target \(target)")
        }
    }

    @Test func densificationFillsEveryBinOfShortTexts() {
        let signature = MinHasher().signature([11, 22, 33])
        #expect(!signature.values.contains(UInt32.max))
        #expect(signature.jaccard(MinHasher().signature([11, 22, 33])) == 1)
        #expect(MinHasher().signature([]).isEmpty)
        #expect(MinHasher().signature([]).jaccard(MinHasher().signature([])) == 0)
    }

    @Test func signatureBytesRoundTrip() {
        let signature = MinHasher().signature([9, 8, 7, 6])
        #expect(signature.bytes.count == 512)
        #expect(MinHashSignature(bytes: signature.bytes) == signature)
        #expect(MinHashSignature(bytes: [1, 2, 3]) == nil)
    }
}

extension Words: RandomNumberGenerator {
    mutating func next() -> UInt64 {
        state = StableHash.mix(state)
        return state
    }
}

@Suite struct LSHBandingTests {
    @Test func parametersFollowTheThreshold() {
        let default03 = LSHBanding(threshold: 0.3)
        #expect(default03 == LSHBanding(bands: 37, rows: 3))
        let strict = LSHBanding(threshold: 0.8)
        #expect(strict.rows > default03.rows)
        #expect(strict.bands * strict.rows <= 128)
        // The S-curve: likely above the threshold, unlikely well below it.
        #expect(default03.candidateProbability(0.5) > 0.98)
        #expect(default03.candidateProbability(0.1) < 0.05)
    }

    @Test func equalBandsGiveEqualKeys() {
        let banding = LSHBanding(bands: 4, rows: 2)
        var values = (0..<8).map { UInt32($0 * 1000) }
        let keys = banding.keys(MinHashSignature(values: values))
        values[7] = 1
        let changed = banding.keys(MinHashSignature(values: values))
        #expect(keys.count == 4)
        #expect(Array(keys[0..<3]) == Array(changed[0..<3]))
        #expect(keys[3] != changed[3])
        #expect(banding.keys(MinHasher().signature([])).isEmpty)
    }
}

@Suite struct AnchorTermTests {
    func anchors(_ text: String) -> [String] {
        let normalized = NormalizedText(text)
        let tokens = Tokenizer.tokenize(normalized)
        return normalized.bytes.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { AnchorTerms.anchorIndexes(bytes, tokens: $0).map { normalized.text(tokens[$0].range) } }
        }
    }

    @Test func namesFiguresQuotesAndLongWordsAreAnchors() {
        #expect(anchors("Police in Seoul said 23 people were evacuated. The company called it \"deeply troubling\" news.")
                == ["Seoul", "23", "evacuated", "deeply", "troubling"])
        // A capital at a sentence start is not a name; stopwords never are.
        #expect(anchors("Today it rained. It stopped.") == [])
    }

    @Test func aRewriteKeepsMoreAnchorFeaturesThanShingles() throws {
        // A whole article with 30% of its ordinary words replaced; names and figures kept.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let original = try String(contentsOf: root.appendingPathComponent("examples/000_1fa55ddf9ed85ec1.txt"), encoding: .utf8)
        var generator = Words(seed: 5)
        let spun = original.split(separator: " ").map { word -> String in
            let keep = word.first.map { $0.isUppercase || $0.isNumber } ?? true
            return !keep && UInt64.random(in: 0..<10, using: &generator) < 3 ? "zq\(word.count)x" : String(word)
        }.joined(separator: " ")
        let fingerprinter = Fingerprinter()
        let a = fingerprinter.fingerprint(original), b = fingerprinter.fingerprint(spun)
        let anchorJaccard = Double(Set(a.anchorKeys).intersection(b.anchorKeys).count) / Double(Set(a.anchorKeys).union(b.anchorKeys).count)
        let shinglesA = Set(WordShingles.hashes(Tokenizer.tokenize(NormalizedText(original))))
        let shinglesB = Set(WordShingles.hashes(Tokenizer.tokenize(NormalizedText(spun))))
        let shingleJaccard = Double(shinglesA.intersection(shinglesB).count) / Double(shinglesA.union(shinglesB).count)
        // 5-gram Jaccard 0.14 (below what LSH banding finds reliably); anchor Jaccard 0.15.
        #expect(shingleJaccard < 0.2)
        #expect(anchorJaccard > shingleJaccard)
        #expect(Set(a.anchorKeys).intersection(b.anchorKeys).count >= 10)
    }

    @Test func winnowingGuaranteesAFeatureForEverySharedWindow() {
        var generator = Words(seed: 3)
        let hashes = (0..<200).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        let selected = Set(AnchorTerms.winnow(hashes, window: 4))
        for start in 0...(hashes.count - 4) {
            #expect(hashes[start..<(start + 4)].contains { selected.contains(Int64(bitPattern: $0)) })
        }
        #expect(selected.count < hashes.count * 6 / 10)
    }
}

@Suite struct ContentHashTests {
    @Test func sameNormalizedTextSameHash() {
        let a = Fingerprinter().fingerprint("North Korea  fired\r\na missile.").contentHash
        let b = Fingerprinter().fingerprint("North Korea fired\na missile.").contentHash
        let c = Fingerprinter().fingerprint("North Korea fired a missile!").contentHash
        #expect(a == b)
        #expect(a != c)
        #expect(ContentHash(bytes: a.bytes) == a)
        #expect(a.description.count == 32)
    }
}

@Suite struct ReuseClusterTests {
    typealias Member = ReuseClusters.Member
    typealias Link = ReuseClusters.Link

    @Test func componentsRootsAndTreeByDate() {
        let members = [Member(id: 1, publishedAt: 300), Member(id: 2, publishedAt: 100), Member(id: 3, publishedAt: 200),
                       Member(id: 4, publishedAt: nil), Member(id: 5, publishedAt: nil), Member(id: 6, publishedAt: nil)]
        let links = [Link(a: 1, b: 2, coverageA: 0.9, coverageB: 0.8), Link(a: 2, b: 3, coverageA: 0.7, coverageB: 0.9),
                     Link(a: 4, b: 5, coverageA: 0.95, coverageB: 0.3), Link(a: 5, b: 6, coverageA: 0.05, coverageB: 0.08)]
        let clusters = ReuseClusters.build(members: members, links: links, minimumCoverage: 0.2)
        #expect(clusters.count == 2)
        #expect(clusters[0].members == [2, 1, 3])
        #expect(clusters[0].earliest == 2)
        #expect(clusters[0].earliestBasis == .published)
        #expect(Set(clusters[0].edges.map { "\($0.copy)<\($0.source)" }) == ["1<2", "3<2"])
        // Undated: 4 lies wholly inside 5, so 5 came first; the weak 5-6 link is below 0.2.
        #expect(clusters[1].members == [5, 4])
        #expect(clusters[1].earliestBasis == .containment)
        #expect(clusters[1].edges == [ReuseClusters.Edge(copy: 4, source: 5, basis: .containment, coverageCopy: 0.95, coverageSource: 0.3)])
    }

    /// Two stories of three copies each, and an independent report: a coin-toss link (P(reuse)
    /// 0.55) between one copy of each story, or between the report and a copy, joins nothing,
    /// while the same link at 0.9 joins a lone document that lies inside a copy.
    @Test func weakLinksDoNotChainGroups() {
        let members = (1...7).map { Member(id: Int64($0), publishedAt: nil) }
        func story(_ ids: [Int64]) -> [Link] {
            [Link(a: ids[0], b: ids[1], coverageA: 0.9, coverageB: 0.9, reuseProbability: 0.99),
             Link(a: ids[0], b: ids[2], coverageA: 0.8, coverageB: 0.85, reuseProbability: 0.99),
             Link(a: ids[1], b: ids[2], coverageA: 0.8, coverageB: 0.8, reuseProbability: 0.95)]
        }
        let stories = story([1, 2, 3]) + story([4, 5, 6])
        let bridge = Link(a: 3, b: 4, coverageA: 0.6, coverageB: 0.6, reuseProbability: 0.55)
        let report = Link(a: 2, b: 7, coverageA: 0.3, coverageB: 0.7, reuseProbability: 0.55)
        let weak = ReuseClusters.build(members: members, links: stories + [bridge, report])
        #expect(weak.map { $0.members.sorted() } == [[1, 2, 3], [4, 5, 6]])

        var strongReport = report
        strongReport.reuseProbability = 0.9
        let joined = ReuseClusters.build(members: members, links: stories + [bridge, strongReport])
        #expect(joined.map { $0.members.sorted() } == [[1, 2, 3, 7], [4, 5, 6]])
        // Alone, weak links pair documents nothing else clusters, and chain nothing.
        let chain = Link(a: 3, b: 7, coverageA: 0.5, coverageB: 0.5, reuseProbability: 0.6)
        #expect(ReuseClusters.build(members: members, links: [bridge, report, chain]).map { $0.members.sorted() } == [[2, 7], [3, 4]])
    }

    /// A weak link still counts as support: a pair whose two members both link to a group
    /// (one strongly, one weakly) joins it, where the strong link alone from a pair would not.
    @Test func weakLinksSupportAJoinAStrongLinkProposes() {
        let members = (1...5).map { Member(id: Int64($0), publishedAt: nil) }
        let group = [Link(a: 1, b: 2, coverageA: 0.9, coverageB: 0.9, reuseProbability: 0.99),
                     Link(a: 1, b: 3, coverageA: 0.9, coverageB: 0.9, reuseProbability: 0.99),
                     Link(a: 4, b: 5, coverageA: 0.9, coverageB: 0.9, reuseProbability: 0.99)]
        let strong = Link(a: 3, b: 4, coverageA: 0.4, coverageB: 0.4, reuseProbability: 0.9)
        let support = Link(a: 2, b: 5, coverageA: 0.4, coverageB: 0.4, reuseProbability: 0.6)
        #expect(ReuseClusters.build(members: members, links: group + [strong]).map { $0.members.sorted() } == [[1, 2, 3], [4, 5]])
        #expect(ReuseClusters.build(members: members, links: group + [strong, support]).map { $0.members.sorted() } == [[1, 2, 3, 4, 5]])
    }

    /// A document left alone joins a group its weaker links reach at two members, and only when
    /// they reach no other group.
    @Test func twoWeakLinksToOneGroupJoin() {
        let members = (1...6).map { Member(id: Int64($0), publishedAt: nil) }
        let groups = [Link(a: 1, b: 2, coverageA: 0.9, coverageB: 0.9, reuseProbability: 0.99),
                      Link(a: 1, b: 3, coverageA: 0.9, coverageB: 0.9, reuseProbability: 0.99),
                      Link(a: 5, b: 6, coverageA: 0.9, coverageB: 0.9, reuseProbability: 0.99)]
        let weak = [Link(a: 1, b: 4, coverageA: 0.4, coverageB: 0.8, reuseProbability: 0.6),
                    Link(a: 2, b: 4, coverageA: 0.4, coverageB: 0.8, reuseProbability: 0.6)]
        #expect(ReuseClusters.build(members: members, links: groups + weak).map { $0.members.sorted() } == [[1, 2, 3, 4], [5, 6]])
        #expect(ReuseClusters.build(members: members, links: groups + [weak[0]]).map { $0.members.sorted() } == [[1, 2, 3], [5, 6]])
        let elsewhere = Link(a: 4, b: 5, coverageA: 0.4, coverageB: 0.4, reuseProbability: 0.6)
        #expect(ReuseClusters.build(members: members, links: groups + weak + [elsewhere]).map { $0.members.sorted() } == [[1, 2, 3], [5, 6]])
    }

    @Test func directionRules() {
        #expect(CopyDirection.decide(publishedA: 1, publishedB: 2, coverageA: 0.9, coverageB: 0.1) == (.aFirst, .published))
        #expect(CopyDirection.decide(publishedA: nil, publishedB: 2, coverageA: 0.9, coverageB: 0.3) == (.bFirst, .containment))
        #expect(CopyDirection.decide(publishedA: nil, publishedB: nil, coverageA: 0.3, coverageB: 0.1) == (.unknown, .none))
        #expect(CopyDirection.decide(publishedA: 5, publishedB: 5, coverageA: 0.8, coverageB: 0.75) == (.unknown, .none))
    }
}
