/// Probability that two sentences (or sentence groups) share wording: the sentence-pair model.
///
/// A logistic regression over `SentencePairFeatures`, fitted on labelled paraphrase corpora
/// (see `ShippedModel.swift` and `retold eval paraphrase`).
public struct SentencePairScorer: Sendable {
    /// The logistic model over ``SentencePairFeatures``.
    public var model: LogisticModel

    /// A scorer with the given model, by default the shipped one (``shippedModel``).
    public init(model: LogisticModel = SentencePairScorer.shippedModel) {
        self.model = model
    }

    /// The model's probability that the two token runs share wording; the same either way round.
    public func probability(_ a: ArraySlice<Token>, _ b: ArraySlice<Token>) -> Double {
        let features = SentencePairFeatures.compute(a, b)
        return model.probability(features)
    }
}
