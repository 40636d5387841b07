import Testing
@testable import RetoldCore

@Suite("Logistic regression")
struct LogisticModelTests {
    @Test("fits a separable one-feature problem and ranks by the feature")
    func fit() {
        let rows = (0..<200).map { [Double($0 % 20), 1.0] }
        let labels = rows.map { $0[0] >= 10 }
        let model = LogisticTrainer(l2: 0.01).fit(rows, labels: labels)
        #expect(model.probability([15, 1]) > 0.9)
        #expect(model.probability([4, 1]) < 0.1)
        // The constant feature gets a unit scale and carries no weight.
        #expect(model.scales[1] == 1)
    }

    @Test("Cholesky solve")
    func solve() throws {
        let x = try #require(LogisticTrainer.solve([4, 2, 2, 3], [2, 1], size: 2))
        #expect(abs(x[0] - 0.5) < 1e-12 && abs(x[1]) < 1e-12)
    }

    @Test("the shipped model's features are symmetric")
    func symmetric() throws {
        var analyzer = TextAnalyzer()
        let a = analyzer.analyze("Kim Jong Un said the sanctions caused the worst crisis ever.")
        let b = analyzer.analyze("The worst crisis ever was caused by sanctions, Kim said on Friday.")
        let scorer = SentencePairScorer()
        #expect(scorer.probability(a.tokens[...], b.tokens[...]) == scorer.probability(b.tokens[...], a.tokens[...]))
        #expect(SentencePairFeatures.compute(a.tokens[...], b.tokens[...]).count == SentencePairScorer.shippedModel.featureCount)
    }
}
