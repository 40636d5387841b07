#if canImport(Accelerate)
import Accelerate
#else
import COpenBLAS
#endif

/// `C = A·Bᵀ + β·C` for row-major single-precision matrices, through the platform's BLAS
/// (Accelerate on macOS, OpenBLAS elsewhere): A is `m×k` (row stride `lda`), B is `n×k` (row
/// stride `ldb`; a linear layer's weight as stored), C is `m×n` (row stride `ldc`).
enum MatrixProduct {
    /// BLAS runs on the calling thread: parallelism comes from Retold's compute pool, and a BLAS
    /// thread pool on top of it would only contend for the same cores.
    static let singleThreaded: Void = {
        #if !canImport(Accelerate)
        openblas_set_num_threads(1)
        #endif
    }()

    @inline(__always)
    static func multiplyTransposed(_ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                                   into c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int, k: Int, beta: Float) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb),
                    beta, c, Int32(ldc))
    }

    /// `C = A·B + β·C`, B being `k×n` (row stride `ldb`).
    @inline(__always)
    static func multiply(_ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                         into c: UnsafeMutablePointer<Float>, ldc: Int, m: Int, n: Int, k: Int, beta: Float) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb),
                    beta, c, Int32(ldc))
    }

    /// `C = Aᵀ·A` in double precision, A being `m×n` row-major: the Gram matrix of A's columns (`n×n`).
    static func gram(_ a: UnsafePointer<Double>, m: Int, n: Int, into c: UnsafeMutablePointer<Double>) {
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(n), Int32(n), Int32(m), 1, a, Int32(n), a, Int32(n), 0, c, Int32(n))
    }

    /// `C = A·Bᵀ` in double precision: A `m×k`, B `n×k`, C `m×n`, all row-major and packed.
    static func multiplyTransposed(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
                                   m: Int, n: Int, k: Int) {
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), 1, a, Int32(k), b, Int32(k), 0, c, Int32(n))
    }
}
