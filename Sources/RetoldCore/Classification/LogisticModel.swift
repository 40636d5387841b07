import Foundation

/// A logistic-regression model over standardized features: the form in which Retold ships
/// learned weights. Inference is a dot product; training is in `LogisticTrainer`.
public struct LogisticModel: Sendable, Equatable, Codable {
    /// Per-feature means of the training data, subtracted before weighting.
    public var means: [Double]
    /// Per-feature standard deviations of the training data (1 for a constant feature), divided
    /// by before weighting, so weights compare across features.
    public var scales: [Double]
    /// One weight per standardized feature.
    public var weights: [Double]
    /// The intercept.
    public var bias: Double

    /// A model from fitted parameters, one mean, scale and weight per feature.
    public init(means: [Double], scales: [Double], weights: [Double], bias: Double) {
        precondition(means.count == weights.count && scales.count == weights.count, "feature count mismatch")
        self.means = means
        self.scales = scales
        self.weights = weights
        self.bias = bias
    }

    /// Number of features the model reads.
    public var featureCount: Int { weights.count }

    /// The probability of the positive class.
    @inlinable
    public func probability(_ features: UnsafeBufferPointer<Double>) -> Double {
        var z = bias
        for k in 0..<weights.count {
            z += weights[k] * (features[k] - means[k]) / scales[k]
        }
        return 1 / (1 + exp(-z))
    }

    /// The probability of the positive class, for features in an array.
    public func probability(_ features: [Double]) -> Double {
        features.withUnsafeBufferPointer { probability($0) }
    }
}

/// Fits a `LogisticModel` by Newton's method (iteratively reweighted least squares) with an
/// L2 penalty, which converges in a handful of steps for the few dozen features used here.
public struct LogisticTrainer: Sendable {
    /// L2 penalty on the standardized weights (not on the bias).
    public var l2: Double
    /// Newton steps at most; fitting stops sooner once the weights settle.
    public var maxIterations: Int

    /// A trainer with the given penalty and step limit.
    public init(l2: Double = 1.0, maxIterations: Int = 50) {
        self.l2 = l2
        self.maxIterations = maxIterations
    }

    /// Fits the model; `weights` (one per row, default 1) let a rare class count as much as a common one.
    public func fit(_ rows: [[Double]], labels: [Bool], weights: [Double]? = nil) -> LogisticModel {
        precondition(rows.count == labels.count && !rows.isEmpty, "need labelled rows")
        precondition(weights == nil || weights!.count == rows.count, "one weight per row")
        let rowWeights = weights ?? [Double](repeating: 1, count: rows.count)
        let d = rows[0].count
        var means = [Double](repeating: 0, count: d), scales = [Double](repeating: 0, count: d)
        for row in rows { for k in 0..<d { means[k] += row[k] } }
        for k in 0..<d { means[k] /= Double(rows.count) }
        for row in rows { for k in 0..<d { scales[k] += (row[k] - means[k]) * (row[k] - means[k]) } }
        for k in 0..<d {
            let s = (scales[k] / Double(rows.count)).squareRoot()
            scales[k] = s > 1e-12 ? s : 1  // a constant feature stays at zero
        }
        let x = rows.map { row in [1.0] + (0..<d).map { (row[$0] - means[$0]) / scales[$0] } }
        let y = labels.map { $0 ? 1.0 : 0.0 }
        let p = d + 1
        var beta = [Double](repeating: 0, count: p)
        for _ in 0..<maxIterations {
            var gradient = [Double](repeating: 0, count: p)
            var hessian = [Double](repeating: 0, count: p * p)
            for (index, (row, target)) in zip(x, y).enumerated() {
                var z = 0.0
                for k in 0..<p { z += beta[k] * row[k] }
                let mu = 1 / (1 + exp(-z))
                let rowWeight = rowWeights[index]
                let w = max(mu * (1 - mu), 1e-10) * rowWeight
                for k in 0..<p {
                    gradient[k] += (mu - target) * row[k] * rowWeight
                    let wk = w * row[k]
                    for l in k..<p { hessian[k * p + l] += wk * row[l] }
                }
            }
            for k in 1..<p {
                gradient[k] += l2 * beta[k]
                hessian[k * p + k] += l2
            }
            for k in 0..<p { for l in 0..<k { hessian[k * p + l] = hessian[l * p + k] } }
            guard let step = Self.solve(hessian, gradient, size: p) else { break }
            var change = 0.0
            for k in 0..<p { beta[k] -= step[k]; change = max(change, abs(step[k])) }
            if change < 1e-8 { break }
        }
        return LogisticModel(means: means, scales: scales, weights: Array(beta[1...]), bias: beta[0])
    }

    /// Solves A x = b for symmetric positive definite A by Cholesky decomposition.
    static func solve(_ a: [Double], _ b: [Double], size n: Int) -> [Double]? {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = a[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 0 else { return nil }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = b[i]
            for k in 0..<i { sum -= l[i * n + k] * y[k] }
            y[i] = sum / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<n { sum -= l[k * n + i] * x[k] }
            x[i] = sum / l[i * n + i]
        }
        return x
    }
}
