import Foundation
import RetoldCore

/// Cross-validated figures of the relationship decision on wire clusters, grouped by story:
/// each fold's model (with its calibration) is fitted without the clusters it is scored on.
/// Scored pairs are the wire text against each labelled document; training also uses the pairs
/// between documents that the labels imply (see `RelationshipPairs`).
public struct RelationshipEvaluation: Sendable {
    public var folds: Int
    public var trainer = RelationshipTrainer()

    public init(folds: Int = 10) { self.folds = folds }

    public struct Prediction: Sendable {
        public var pair: RelationshipPairs.Pair
        public var decision: RelationshipModel.Decision
        /// The baseline's reuse call: word-bigram containment at a threshold tuned in the training folds.
        public var baselineReuse: Bool
    }

    public struct Reliability: Sendable, Codable, Equatable {
        public var low: Double, high: Double
        public var count: Int
        public var meanConfidence: Double
        public var observed: Double
    }

    public struct Result: Sendable {
        public var predictions: [Prediction]
        public var folds: Int
        /// Counts of (labelled, predicted) relationships over the scored pairs.
        public var confusion: [Relationship: [Relationship: Int]] {
            var table: [Relationship: [Relationship: Int]] = [:]
            for p in predictions { table[p.pair.relationship!, default: [:]][p.decision.relationship, default: 0] += 1 }
            return table
        }
        public var reuseMetrics: BinaryMetrics {
            var m = BinaryMetrics()
            for p in predictions { m.add(predicted: p.decision.relationship.isReuse, actual: p.pair.isReuse) }
            return m
        }
        public var baselineMetrics: BinaryMetrics {
            var m = BinaryMetrics()
            for p in predictions { m.add(predicted: p.baselineReuse, actual: p.pair.isReuse) }
            return m
        }
        /// Share of the pairs labelled `label` that are called reuse (by the model, or the baseline).
        public func calledReuse(_ label: Relationship, baseline: Bool = false) -> Double {
            let rows = predictions.filter { $0.pair.relationship == label }
            guard !rows.isEmpty else { return 0 }
            return Double(rows.filter { baseline ? $0.baselineReuse : $0.decision.relationship.isReuse }.count) / Double(rows.count)
        }
        /// Share of the pairs labelled `label` that get exactly that label.
        public func agreement(_ label: Relationship) -> Double {
            let rows = predictions.filter { $0.pair.relationship == label }
            guard !rows.isEmpty else { return 0 }
            return Double(rows.filter { $0.decision.relationship == label }.count) / Double(rows.count)
        }
        /// Share of all scored pairs given exactly their label.
        public var accuracy: Double {
            Double(predictions.filter { $0.decision.relationship == $0.pair.relationship }.count) / Double(max(1, predictions.count))
        }
        /// Confidence against the observed rate of being right, in bins of 0.1.
        public var reliability: [Reliability] {
            (0..<10).compactMap { bin in
                let low = Double(bin) / 10, high = Double(bin + 1) / 10
                let rows = predictions.filter { p in
                    let c = p.decision.confidence
                    return c >= low && (c < high || (bin == 9 && c <= 1))
                }
                guard !rows.isEmpty else { return nil }
                let right = rows.filter { $0.decision.relationship == $0.pair.relationship }.count
                return Reliability(low: low, high: high, count: rows.count,
                                   meanConfidence: rows.map(\.decision.confidence).reduce(0, +) / Double(rows.count),
                                   observed: Double(right) / Double(rows.count))
            }
        }
        /// Expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins.
        public var expectedCalibrationError: Double {
            let total = Double(predictions.count)
            guard total > 0 else { return 0 }
            return reliability.reduce(0) { $0 + Double($1.count) / total * abs($1.meanConfidence - $1.observed) }
        }
    }

    public func run(_ pairs: RelationshipPairs) -> Result {
        let all = pairs.pairs
        let grouped = GroupedFolds(clusters: all.map(\.cluster), folds: folds)
        var predictions: [Prediction] = []
        for fold in 0..<grouped.count {
            let training = all.filter { grouped.fold(of: $0.cluster) != fold }
            let model = trainer.fit(training)
            let threshold = Self.bestBigramThreshold(training.filter(\.fromWire))
            for pair in all where pair.fromWire && grouped.fold(of: pair.cluster) == fold {
                predictions.append(Prediction(pair: pair, decision: model.decide(pair.evidence),
                                              baselineReuse: Self.bigramContainment(pair) >= threshold))
            }
        }
        predictions.sort { ($0.pair.cluster, $0.pair.b) < ($1.pair.cluster, $1.pair.b) }
        return Result(predictions: predictions, folds: grouped.count)
    }

    /// The baseline's score: the larger word-bigram containment of the two directions.
    public static func bigramContainment(_ pair: RelationshipPairs.Pair) -> Double {
        max(pair.evidence.bigramsA, pair.evidence.bigramsB)
    }

    /// The containment threshold with the best reuse-vs-not accuracy on the given pairs
    /// (midpoints between observed values; ties to the lower threshold).
    public static func bestBigramThreshold(_ pairs: [RelationshipPairs.Pair]) -> Double {
        let scored = pairs.map { (bigramContainment($0), $0.isReuse) }.sorted { $0.0 < $1.0 }
        var best = (accuracy: -1, threshold: 0.0)
        // Everything at or above the threshold is reuse; start with all called reuse.
        var correct = scored.filter { $0.1 }.count
        if correct > best.accuracy { best = (correct, scored.first.map { $0.0 - 1e-9 } ?? 0) }
        for (index, row) in scored.enumerated() {
            correct += row.1 ? -1 : 1  // this row now falls below the threshold
            let next = index + 1 < scored.count ? scored[index + 1].0 : row.0 + 1e-9
            guard next > row.0 || index + 1 == scored.count else { continue }
            if correct > best.accuracy { best = (correct, (row.0 + next) / 2) }
        }
        return best.threshold
    }
}
