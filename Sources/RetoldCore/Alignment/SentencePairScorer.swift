/// Probability that two sentences (or sentence groups) share wording: the sentence-pair model.
///
/// A logistic regression over `SentencePairFeatures`, fitted on labelled paraphrase corpora
/// (see `ShippedModel.swift` and `retold eval paraphrase`).
public struct SentencePairScorer: Sendable {
    public var model: LogisticModel

    public init(model: LogisticModel = SentencePairScorer.shippedModel) {
        self.model = model
    }

    public func probability(_ a: ArraySlice<Token>, _ b: ArraySlice<Token>) -> Double {
        let features = SentencePairFeatures.compute(a, b)
        return model.probability(features)
    }
}
