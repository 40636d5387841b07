#if !canImport(Accelerate)
import COpenBLAS
#endif

/// Principal component analysis of a matrix's rows: the rows centred on their mean, the
/// covariance (one BLAS product, in double precision) and its eigenvectors, and the rows
/// projected onto the `components` eigenvectors of largest eigenvalue.
///
/// The eigenvectors come from LAPACK's `dsyevd` in OpenBLAS; on macOS, and should LAPACK fail,
/// from the cyclic Jacobi method written here (exact to rounding, but some seconds for a few
/// hundred dimensions where LAPACK takes a fraction of one).
public struct PrincipalComponents: Sendable {
    /// The rows' mean, `dimensions` long.
    public let mean: [Double]
    /// The eigenvalues of the covariance, largest first.
    public let variances: [Double]
    /// The eigenvectors, one row each, in the order of ``variances``; each has its largest
    /// component positive, so the result does not depend on the method's signs.
    public let axes: [[Double]]

    /// Fits the components of `rows × dimensions` row-major `values`.
    public init(_ values: [Float], rows: Int, dimensions: Int) {
        precondition(rows > 1 && values.count == rows * dimensions)
        var mean = [Double](repeating: 0, count: dimensions)
        for row in 0..<rows {
            for column in 0..<dimensions { mean[column] += Double(values[row * dimensions + column]) }
        }
        for column in 0..<dimensions { mean[column] /= Double(rows) }
        // The covariance: the centred rows' Gram matrix (one BLAS product), over rows - 1.
        var centred = [Double](repeating: 0, count: rows * dimensions)
        for row in 0..<rows {
            for column in 0..<dimensions { centred[row * dimensions + column] = Double(values[row * dimensions + column]) - mean[column] }
        }
        var covariance = [Double](repeating: 0, count: dimensions * dimensions)
        centred.withUnsafeBufferPointer { x in
            covariance.withUnsafeMutableBufferPointer { c in
                MatrixProduct.gram(x.baseAddress!, m: rows, n: dimensions, into: c.baseAddress!)
            }
        }
        for index in covariance.indices { covariance[index] /= Double(rows - 1) }
        // Exactly symmetric, whatever the product's rounding.
        for i in 0..<dimensions {
            for j in (i + 1)..<max(i + 1, dimensions) { covariance[j * dimensions + i] = covariance[i * dimensions + j] }
        }
        let (values, vectors) = Self.symmetricEigen(covariance, size: dimensions)
        let order = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 < $1) }
        self.mean = mean
        variances = order.map { values[$0] }
        axes = order.map { column in
            var axis = (0..<dimensions).map { vectors[$0 * dimensions + column] }
            let largest = axis.indices.max { abs(axis[$0]) < abs(axis[$1]) } ?? 0
            if axis[largest] < 0 { axis = axis.map { -$0 } }
            return axis
        }
    }

    /// `values` (`rows × mean.count`) centred and projected onto the first `components` axes.
    public func project(_ values: [Float], rows: Int, components: Int) -> [Float] {
        let dimensions = mean.count
        precondition(components <= axes.count && values.count == rows * dimensions)
        var centred = [Double](repeating: 0, count: rows * dimensions)
        for row in 0..<rows {
            for column in 0..<dimensions { centred[row * dimensions + column] = Double(values[row * dimensions + column]) - mean[column] }
        }
        let basis = axes.prefix(components).flatMap { $0 }
        var projected = [Double](repeating: 0, count: rows * components)
        centred.withUnsafeBufferPointer { x in
            basis.withUnsafeBufferPointer { b in
                projected.withUnsafeMutableBufferPointer { out in
                    MatrixProduct.multiplyTransposed(x.baseAddress!, b.baseAddress!, into: out.baseAddress!, m: rows, n: components, k: dimensions)
                }
            }
        }
        return projected.map { Float($0) }
    }

    /// Eigenvalues and eigenvectors (as the columns of a row-major `size × size` matrix) of a
    /// symmetric matrix.
    static func symmetricEigen(_ matrix: [Double], size n: Int) -> (values: [Double], vectors: [Double]) {
        #if !canImport(Accelerate)
        if let result = lapackEigen(matrix, size: n) { return result }
        #endif
        return jacobiEigen(matrix, size: n)
    }

    #if !canImport(Accelerate)
    /// LAPACK's `dsyevd`; nil if it reports a failure.
    static func lapackEigen(_ matrix: [Double], size: Int) -> (values: [Double], vectors: [Double])? {
        var a = matrix  // symmetric: row- and column-major alike
        var values = [Double](repeating: 0, count: size)
        var n = Int32(size), lda = Int32(size), info: Int32 = 0
        var lwork: Int32 = -1, liwork: Int32 = -1
        var workSize = [Double](repeating: 0, count: 1), iworkSize = [Int32](repeating: 0, count: 1)
        dsyevd_("V", "U", &n, &a, &lda, &values, &workSize, &lwork, &iworkSize, &liwork, &info, 1, 1)  // the workspace query
        guard info == 0 else { return nil }
        lwork = Int32(workSize[0]); liwork = iworkSize[0]
        var work = [Double](repeating: 0, count: Int(lwork)), iwork = [Int32](repeating: 0, count: Int(liwork))
        dsyevd_("V", "U", &n, &a, &lda, &values, &work, &lwork, &iwork, &liwork, &info, 1, 1)
        guard info == 0 else { return nil }
        // Column-major eigenvectors as columns are row-major eigenvectors as rows: transpose.
        var vectors = [Double](repeating: 0, count: size * size)
        for row in 0..<size {
            for column in 0..<size { vectors[row * size + column] = a[column * size + row] }
        }
        return (values, vectors)
    }
    #endif

    /// The same by cyclic Jacobi rotations, until the off-diagonal part is negligible.
    static func jacobiEigen(_ matrix: [Double], size n: Int) -> (values: [Double], vectors: [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        a.withUnsafeMutableBufferPointer { a in
            v.withUnsafeMutableBufferPointer { v in
                var scale: Double = 0
                for i in 0..<(n * n) { scale += a[i] * a[i] }
                // Rounding leaves each zeroed element near 1e-16 of the matrix, so the squared
                // off-diagonal part never reaches far below 1e-27 of it for a few hundred
                // dimensions: stop at 1e-24 (eigenvectors good to about 1e-12).
                let tolerance = 1e-24 * max(scale, Double.leastNormalMagnitude)
                for _ in 0..<50 {
                    var off: Double = 0
                    for p in 0..<n { for q in (p + 1)..<max(p + 1, n) { off += a[p * n + q] * a[p * n + q] } }
                    if off <= tolerance { break }
                    for p in 0..<(n - 1) {
                        for q in (p + 1)..<n {
                            let apq = a[p * n + q]
                            if apq == 0 { continue }
                            let app = a[p * n + p], aqq = a[q * n + q]
                            // The rotation that zeroes a[p][q] (the smaller angle).
                            let theta = (aqq - app) / (2 * apq)
                            let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                            let c = 1 / (t * t + 1).squareRoot(), s = t * c
                            for k in 0..<n {  // columns p and q
                                let akp = a[k * n + p], akq = a[k * n + q]
                                a[k * n + p] = c * akp - s * akq
                                a[k * n + q] = s * akp + c * akq
                            }
                            for k in 0..<n {  // rows p and q
                                let apk = a[p * n + k], aqk = a[q * n + k]
                                a[p * n + k] = c * apk - s * aqk
                                a[q * n + k] = s * apk + c * aqk
                            }
                            a[p * n + q] = 0; a[q * n + p] = 0
                            for k in 0..<n {
                                let vkp = v[k * n + p], vkq = v[k * n + q]
                                v[k * n + p] = c * vkp - s * vkq
                                v[k * n + q] = s * vkp + c * vkq
                            }
                        }
                    }
                }
            }
        }
        return ((0..<n).map { a[$0 * n + $0] }, v)
    }
}
