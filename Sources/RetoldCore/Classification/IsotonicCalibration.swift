/// A monotone map from a model's raw score to the observed rate of being right, fitted by
/// pool-adjacent-violators on held-out scores: what makes "0.9" mean "right nine times in ten".
///
/// Between fitted points the map interpolates linearly; outside them it is flat.
public struct IsotonicCalibration: Sendable, Equatable, Codable {
    /// Raw scores of the fitted points, increasing.
    public var scores: [Double]
    /// The calibrated probability at each of `scores`.
    public var probabilities: [Double]

    /// A calibration from fitted points: one probability per score, scores increasing.
    public init(scores: [Double], probabilities: [Double]) {
        precondition(scores.count == probabilities.count, "one probability per score")
        self.scores = scores
        self.probabilities = probabilities
    }

    /// The identity on [0, 1], for an uncalibrated model.
    public static let identity = IsotonicCalibration(scores: [0, 1], probabilities: [0, 1])

    /// The calibrated probability for a raw score: `calibration(0.7)`.
    public func callAsFunction(_ score: Double) -> Double {
        guard let first = scores.first, let last = scores.last else { return score }
        if score <= first { return probabilities[0] }
        if score >= last { return probabilities[probabilities.count - 1] }
        var low = 0, high = scores.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if scores[mid] <= score { low = mid } else { high = mid }
        }
        let span = scores[high] - scores[low]
        let t = span > 0 ? (score - scores[low]) / span : 0
        return probabilities[low] + t * (probabilities[high] - probabilities[low])
    }

    /// Fits the map to (score, was right) pairs. Each pooled block becomes one point at its
    /// mean score, so the map is a step function smoothed between block centres.
    public static func fit(scores: [Double], outcomes: [Bool]) -> IsotonicCalibration {
        precondition(scores.count == outcomes.count, "one outcome per score")
        guard !scores.isEmpty else { return .identity }
        let order = scores.indices.sorted { (scores[$0], $0) < (scores[$1], $1) }
        // Blocks of (sum of scores, sum of outcomes, count), merged while they decrease.
        var blocks: [(score: Double, hits: Double, count: Double)] = []
        for i in order {
            blocks.append((scores[i], outcomes[i] ? 1 : 0, 1))
            while blocks.count >= 2 {
                let last = blocks[blocks.count - 1], previous = blocks[blocks.count - 2]
                guard previous.hits / previous.count >= last.hits / last.count else { break }
                blocks.removeLast(2)
                blocks.append((previous.score + last.score, previous.hits + last.hits, previous.count + last.count))
            }
        }
        return IsotonicCalibration(scores: blocks.map { $0.score / $0.count }, probabilities: blocks.map { $0.hits / $0.count })
    }
}
