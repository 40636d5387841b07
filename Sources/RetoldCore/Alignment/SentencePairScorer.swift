/// Probability that two sentences (or sentence groups) share wording: the sentence-pair model.
public struct SentencePairScorer: Sendable {
    public init() {}

    public func probability(_ a: ArraySlice<Token>, _ b: ArraySlice<Token>, cosine: Double) -> Double {
        // Provisional: replaced by the trained model.
        let diff = WordDiff(a, b)
        let z = -4.0 + 5.0 * cosine + 3.0 * diff.overlap
        return 1 / (1 + exp(-z))
    }
}
import Foundation
