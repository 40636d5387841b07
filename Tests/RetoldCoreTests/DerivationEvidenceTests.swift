import Testing
@testable import RetoldCore

/// Evidence of derivation on small texts written here: a wire-style story, and texts that
/// share a quotation with it, restate its facts in another order, or spin it in its own order.
@Suite("Derivation evidence")
struct DerivationEvidenceTests {
    static let story = """
        Officials closed the Riverside chemical plant on Monday after a leak of chlorine gas sent 14 workers to hospital. \
        The leak began shortly after 6 a.m. in a storage tank that had been inspected only last month, the county fire chief, Maria Lopez, told reporters. \
        "We are lucky nobody was killed, and we will find out why this tank failed," Lopez said. \
        Residents within two miles were told to keep their windows shut until the evening. \
        The company that runs the plant, Halvern Industries, said it would pay for the medical care of every worker. \
        State inspectors are expected to visit the site on Wednesday. \
        The plant, which employs about 300 people, had been cited twice for safety violations since 2019. \
        Halvern shares fell 4 percent in afternoon trading.
        """

    /// Another reporter's story of the same day: its own account, one shared quotation.
    static let sharedQuote = """
        Fire crews from three towns spent Monday morning at the Riverside site, where a cloud drifted over the river. \
        Neighbours described a sharp smell and stinging eyes as sirens sounded across the valley. \
        "We are lucky nobody was killed, and we will find out why this tank failed," Lopez said. \
        A school near the river kept its pupils indoors through lunch, its head teacher wrote to parents. \
        Environmental groups have long asked for tighter rules on chemical storage along the valley.
        """

    /// The story's facts, stated in other words and in another order.
    static let reordered = """
        Halvern Industries saw its stock drop 4 percent on Monday. \
        Its Riverside factory, with a workforce of roughly 300, has faced two safety citations since 2019. \
        On Monday morning chlorine escaped from a tank there, and 14 employees were taken to hospital. \
        Fire chief Maria Lopez said the tank had passed an inspection a month ago. \
        People living nearby were asked to stay indoors with their windows closed. \
        Inspectors from the state will arrive on Wednesday, and the firm has promised to cover the workers' medical bills.
        """

    /// The story spun: words swapped for near-synonyms, its order and its phrasing between the facts kept.
    static let spun = """
        Authorities shut the Riverside chemical factory on Monday after a leak of chlorine gas sent 14 employees to hospital. \
        The leak started soon after 6 a.m. in a storage container that had been checked only last month, the county fire chief, Maria Lopez, informed journalists. \
        "We are lucky nobody was killed, and we will find out why this tank failed," Lopez stated. \
        Locals within two miles were asked to keep their windows closed until the evening. \
        The firm that operates the plant, Halvern Industries, said it would cover the medical costs of every worker. \
        State inspectors are due to visit the location on Wednesday. \
        The facility, which employs around 300 people, had been cited twice for safety breaches since 2019. \
        Halvern stock dropped 4 percent in afternoon trading.
        """

    func compare(_ a: String, _ b: String) -> Comparison {
        var analyzer = TextAnalyzer()
        return Comparer().compare(analyzer.analyze(a), analyzer.analyze(b))
    }

    @Test("a shared quotation alone is set aside and is not reuse")
    func sharedQuotationAlone() {
        let result = compare(Self.story, Self.sharedQuote)
        #expect(!result.relationship.isReuse)
        #expect(result.evidence.sharedQuotations == 1)
        #expect(result.evidence.bodyAlignments == 0)
        #expect(result.evidence.setAside.map(\.reason) == [.sharedQuotation])
        #expect(result.reason.hasSuffix("; 1 shared quotation set aside."))
    }

    @Test("the same facts restated in another order are not reuse")
    func reorderedRestatement() {
        let result = compare(Self.story, Self.reordered)
        #expect(result.relationship == .sameEvent)
        #expect(result.evidence.ordinaryA < 0.05 && result.evidence.ordinaryB < 0.05)
        #expect(result.evidence.verbatimAlignments == 0)
    }

    @Test("a spun copy in the source's order is reuse, its order and ordinary wording kept")
    func spunCopyInOrder() {
        let result = compare(Self.story, Self.spun)
        #expect(result.relationship.isReuse)
        #expect(result.evidence.inOrder == result.evidence.bodyAlignments)
        #expect(result.evidence.bodyAlignments >= 6)
        #expect(result.evidence.sharedQuotations == 1)
        #expect(result.reason.contains("shared quotation set aside"))
    }

    @Test("a line promoting the outlet is furniture: two of its stories sharing it are not reuse")
    func promotionLine() {
        let footer = "\n\nFollow Riverside Gazette for more local news.\n\nCopyright Riverside Gazette. All rights reserved."
        let other = """
            The county council approved a new budget for road repairs on Tuesday after a long debate. \
            Councillors voted nine to four to spend the money on the worst stretches of the valley road first. \
            The work is expected to begin in the spring and to last about eight months.
            """
        let comparison = compare(Self.story + footer, other + footer)
        #expect(comparison.evidence.bodyAlignments == 0)
        #expect(comparison.evidence.furnitureAlignments >= 1)
        #expect(comparison.evidence.setAside.allSatisfy { $0.reason == .furniture })
        #expect(!comparison.relationship.isReuse)
        var analyzer = TextAnalyzer()
        let lines = analyzer.analyze("""
            Follow Riverside Gazette for more local news. Sign up for our newsletter to get the headlines. \
            Follow the money, the investigators were told. Download the report from the council's site. \
            Read the statement the minister posted on Twitter on Monday morning in full, with all of its annexes and the replies it drew.
            """)
        #expect(lines.sentences.indices.map { PromotionLine.contains(lines, sentence: $0) } == [true, true, false, false, false])
    }

    @Test("a copy cut short keeps full coverage inside the stretch it spans")
    func windowCoverage() {
        var analyzer = TextAnalyzer()
        let source = analyzer.analyze(Self.story)
        let firstFive = source.sentences[0..<5].map { source.text.originalText($0.range) }.joined(separator: " ")
        let result = compare(Self.story, firstFive)
        #expect(result.relationship == .verbatimCopy)
        #expect(result.evidence.windowCoverageA == 1 && result.evidence.windowCoverageB == 1)
        #expect(result.evidence.bodyCoverageA < 0.7)
        #expect(result.evidence.verbatimShare == 1)
    }

    @Test("quoted words: inside marks, and an open quotation ends at a paragraph break")
    func quotedWords() {
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze("He said \"we will stay\" and left.\n\n\"They came at night\n\nNo one saw them.")
        let quoted = QuotedWords(document)
        let words = document.tokens.map { document.string(of: $0) }
        #expect(words == ["He", "said", "we", "will", "stay", "and", "left", "They", "came", "at", "night", "No", "one", "saw", "them"])
        #expect(quoted.inside == [false, false, true, true, true, false, false, true, true, true, true, false, false, false, false])
        #expect(quoted.share(2..<6) == 0.75)
    }

    @Test("the longest chain in one order")
    func longestIncreasing() {
        #expect(FactOrder.longestIncreasing([3, 1, 2, 5, 4]) == 3)
        #expect(FactOrder.longestIncreasing([5, 4, 3]) == 1)
        #expect(FactOrder.longestIncreasing([]) == 0)
        #expect(FactOrder.longestIncreasing([1, 1, 2]) == 2)
    }

    @Test("the shipped relationship model reads the evidence's features, in order")
    func shippedFeatureNames() {
        let model = RelationshipModel.shipped
        for branch in [model.reuse, model.paraphrase, model.verbatim, model.sameEvent] {
            #expect(branch.features.allSatisfy(DerivationEvidence.featureNames.contains))
            #expect(branch.model.featureCount == branch.features.count)
        }
        #expect(DerivationEvidence().features.count == DerivationEvidence.featureNames.count)
    }

    @Test("decision probabilities sum to one; the verdict follows the branches")
    func decisionProbabilities() {
        let result = compare(Self.story, Self.spun)
        let total = result.decision.probabilities.values.reduce(0, +)
        #expect(abs(total - 1) < 1e-9)
        #expect(result.decision.reuseProbability >= 0.5)
        #expect(result.decision.score == result.decision.probabilities[result.relationship])
        #expect(result.confidence == RelationshipModel.shipped.calibration(result.decision.score))
    }
}

@Suite("Platt calibration")
struct PlattCalibrationTests {
    @Test("scores that are right as often as they say map to themselves")
    func calibratedScoresStay() {
        // At 0.2, 0.5 and 0.8, 10 verdicts each, right 2, 5 and 8 times: already calibrated,
        // up to the smoothing of the targets, which pulls the slope a little under 1.
        var scores: [Double] = [], outcomes: [Bool] = []
        for (score, hits) in [(0.2, 2), (0.5, 5), (0.8, 8)] {
            for i in 0..<10 { scores.append(score); outcomes.append(i < hits) }
        }
        let map = PlattCalibration.fit(scores: scores, outcomes: outcomes)
        #expect(abs(map(0.5) - 0.5) < 1e-9)
        #expect(map(0.8) > 0.75 && map(0.8) < 0.8)
        #expect(map(0.2) > 0.2 && map(0.2) < 0.25)
    }

    @Test("an overconfident score is pulled down, and the map stays increasing")
    func overconfident() {
        // Scores of 0.9 right half the time, 0.6 right a quarter of the time.
        let scores = [Double](repeating: 0.9, count: 8) + [Double](repeating: 0.6, count: 8)
        let outcomes = (0..<8).map { $0 < 4 } + (0..<8).map { $0 < 2 }
        let map = PlattCalibration.fit(scores: scores, outcomes: outcomes)
        #expect(map(0.9) < 0.6 && map(0.9) > 0.4)
        #expect(map(0.6) < 0.35 && map(0.6) > 0.15)
        #expect(map.slope > 0)
        #expect(map(0.7) < map(0.8))
    }

    @Test("a set that is all right gives finite parameters and a high probability")
    func allRight() {
        let map = PlattCalibration.fit(scores: [0.6, 0.7, 0.8, 0.9], outcomes: [true, true, true, true])
        #expect(map.slope.isFinite && map.intercept.isFinite)
        #expect(map(0.75) > 0.75 && map(0.75) < 1)
        #expect(PlattCalibration.fit(scores: [], outcomes: []) == .identity)
    }
}
