import RetoldCore

/// Honest figures for a learned classifier: k-fold cross-validation with a fixed shuffle, and
/// train-on-one-corpus, test-on-another. Nothing is fitted on the rows it is scored on.
public enum CrossValidation {
    /// Fold index of each row: a deterministic shuffle (SplitMix64 from `seed`), then round robin.
    public static func folds(count: Int, folds k: Int, seed: UInt64 = 20_120_603) -> [Int] {
        var order = Array(0..<count)
        var state = seed
        for i in stride(from: count - 1, to: 0, by: -1) {
            state = state &+ 0x9e37_79b9_7f4a_7c15
            let j = Int(StableHash.mix(state) % UInt64(i + 1))
            order.swapAt(i, j)
        }
        var assignment = [Int](repeating: 0, count: count)
        for (position, row) in order.enumerated() { assignment[row] = position % k }
        return assignment
    }

    /// Trains on k-1 folds and predicts the held-out fold, k times; returns the pooled counts.
    public static func run(rows: [[Double]], labels: [Bool], folds k: Int, trainer: LogisticTrainer = LogisticTrainer(),
                           threshold: Double = 0.5) -> BinaryMetrics {
        let assignment = folds(count: rows.count, folds: k)
        var total = BinaryMetrics()
        for fold in 0..<k {
            var trainRows: [[Double]] = [], trainLabels: [Bool] = []
            for i in rows.indices where assignment[i] != fold {
                trainRows.append(rows[i]); trainLabels.append(labels[i])
            }
            let model = trainer.fit(trainRows, labels: trainLabels)
            for i in rows.indices where assignment[i] == fold {
                total.add(predicted: model.probability(rows[i]) >= threshold, actual: labels[i])
            }
        }
        return total
    }

    /// Scores a model fitted elsewhere.
    public static func test(_ model: LogisticModel, rows: [[Double]], labels: [Bool], threshold: Double = 0.5) -> BinaryMetrics {
        var metrics = BinaryMetrics()
        for (row, label) in zip(rows, labels) { metrics.add(predicted: model.probability(row) >= threshold, actual: label) }
        return metrics
    }
}
