import Testing
@testable import RetoldCore

/// Sentence vectors as the comparison reads them, with vectors the test makes itself: the
/// semantic measures of the evidence, and the aligner's pairing of rewordings.
@Suite("Semantic evidence")
struct SemanticEvidenceTests {
    static let source = """
        Officials closed the Riverside chemical plant on Monday after a chlorine leak. \
        Fourteen workers were taken to the county hospital with breathing problems. \
        State inspectors are expected to visit the damaged site on Wednesday morning.
        """
    static let reworded = """
        The Riverside factory was shut down by authorities on Monday following an escape of gas. \
        Breathing difficulties sent a group of fourteen employees to the local infirmary. \
        Government safety staff will come to look at the plant midweek.
        """

    /// A unit vector along axis `axis`, tilted towards axis 7 so that cosines are below one.
    static func vector(_ axis: Int, tilt: Float = 0) -> [Float] {
        var v = [Float](repeating: 0, count: 8)
        v[axis] = (1 - tilt * tilt).squareRoot()
        v[7] += tilt
        return v
    }

    static func documents() -> (Document, Document) {
        var analyzer = TextAnalyzer()
        return (analyzer.analyze(source), analyzer.analyze(reworded))
    }

    @Test func matchesInTheSourcesOrderAreCountedAsSuch() {
        let (a, b) = Self.documents()
        #expect(a.sentences.count == 3 && b.sentences.count == 3)
        let inOrder = SentenceEmbeddings(a: (0..<3).map { Self.vector($0) }, b: (0..<3).map { Self.vector($0, tilt: 0.5) })
        let evidence = Comparer().compare(a, b, embeddings: inOrder).evidence
        // Each of B's sentences is closest to the A sentence at its own position, at cosine 0.87.
        #expect(evidence.semanticMatches == 3)
        #expect(evidence.semanticInOrder == 3)
        #expect(evidence.semanticShareA == 1 && evidence.semanticShareB == 1)

        let reversed = SentenceEmbeddings(a: (0..<3).map { Self.vector($0) }, b: (0..<3).map { Self.vector(2 - $0, tilt: 0.5) })
        let shuffled = Comparer().compare(a, b, embeddings: reversed).evidence
        #expect(shuffled.semanticMatches == 3)
        #expect(shuffled.semanticInOrder == 1)
    }

    @Test func vectorsBelowTheMatchSimilarityMatchNothing() {
        let (a, b) = Self.documents()
        // Cosine 0.6 between partners: close, but not a restatement.
        let loose = SentenceEmbeddings(a: (0..<3).map { Self.vector($0) }, b: (0..<3).map { Self.vector($0, tilt: 0.8) })
        let evidence = Comparer().compare(a, b, embeddings: loose).evidence
        #expect(evidence.semanticMatches == 0 && evidence.semanticShareA == 0)
    }

    @Test func withoutVectorsOrWithVectorsThatDoNotFitTheSemanticMeasuresAreZero() {
        let (a, b) = Self.documents()
        #expect(Comparer().compare(a, b).evidence.semanticMatches == 0)
        let short = SentenceEmbeddings(a: [Self.vector(0)], b: (0..<3).map { Self.vector($0) })
        let evidence = Comparer().compare(a, b, embeddings: short).evidence
        #expect(evidence.semanticMatches == 0)
        #expect(evidence == Comparer().compare(a, b).evidence)
    }

    @Test func theAlignerPairsRewordingsCloseInMeaningThatShareTwoWords() {
        let (a, b) = Self.documents()
        let plain = PassageAligner().align(a, b).flatMap(\.alignments)
        let close = SentenceEmbeddings(a: (0..<3).map { Self.vector($0) }, b: (0..<3).map { Self.vector($0, tilt: 0.2) })
        let semantic = PassageAligner().align(a, b, embeddings: close).flatMap(\.alignments)
        // Reworded throughout: no sentence pair is close enough in words to align.
        #expect(plain.isEmpty)
        // The first sentences share "Riverside" and "Monday"; the second "fourteen" and
        // "breathing"; the third only "plant", too few to align on meaning alone.
        #expect(semantic.map(\.a) == [0..<1, 1..<2])
        #expect(semantic.map(\.b) == [0..<1, 1..<2])
    }

    @Test func theSemanticModelDecidesComparisonsWithVectors() {
        let (a, b) = Self.documents()
        var comparer = Comparer()
        var always = RelationshipModel.shipped
        always.reuse = .init(features: ["semantic_share_min"], model: LogisticModel(means: [0], scales: [1], weights: [40], bias: -20))
        comparer.semanticModel = always
        let vectors = SentenceEmbeddings(a: (0..<3).map { Self.vector($0) }, b: (0..<3).map { Self.vector($0, tilt: 0.2) })
        #expect(comparer.compare(a, b, embeddings: vectors).decision.reuseProbability > 0.99)
        #expect(comparer.compare(a, b).decision.reuseProbability == Comparer().compare(a, b).decision.reuseProbability)
    }
}
