import Foundation

/// Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` bands
/// of `rows` values, and two documents become candidates when any band is identical.
///
/// The chance that two documents with Jaccard similarity s share a band is 1 - (1 - s^r)^b, an
/// S-curve. `init(threshold:bins:)` picks b and r so that the curve's step sits at the target
/// threshold: it minimizes the area of false positives below the threshold plus the area of
/// false negatives above it, each integrated over s (the method datasketch documents).
public struct LSHBanding: Sendable, Equatable {
    /// Number of bands.
    public let bands: Int
    /// Signature values per band.
    public let rows: Int

    /// A banding of the given size; both must be at least 1.
    public init(bands: Int, rows: Int) {
        precondition(bands >= 1 && rows >= 1)
        self.bands = bands
        self.rows = rows
    }

    /// The default target: pairs whose word 5-gram sets overlap by at least 0.3, which lightly
    /// edited copies keep; heavier rewrites are the anchor-term path's job.
    public static let defaultThreshold = 0.3

    /// The banding whose S-curve steps at `threshold` (between 0 and 1), for signatures of `bins` values.
    public init(threshold: Double, bins: Int = MinHasher.defaultBins) {
        precondition(threshold > 0 && threshold < 1)
        var best = (error: Double.infinity, bands: 1, rows: bins)
        for b in 1...bins {
            for r in 1...(bins / b) {
                let error = Self.falsePositiveArea(threshold, b, r) + Self.falseNegativeArea(threshold, b, r)
                if error < best.error { best = (error, b, r) }
            }
        }
        self.init(bands: best.bands, rows: best.rows)
    }

    /// Probability that a pair with Jaccard similarity `s` shares at least one band.
    public func candidateProbability(_ s: Double) -> Double {
        1 - pow(1 - pow(s, Double(rows)), Double(bands))
    }

    /// One key per band: the band index and its values hashed together, so equal keys mean an
    /// equal band (up to 64-bit collisions). An empty signature has no keys.
    public func keys(_ signature: MinHashSignature) -> [Int64] {
        guard !signature.isEmpty, signature.values.count >= bands * rows else { return [] }
        var keys = [Int64]()
        keys.reserveCapacity(bands)
        for band in 0..<bands {
            var hash = StableHash.mix(UInt64(band) &+ 0x4c53_4842_414e_4400)  // "LSHBAND"
            for i in (band * rows)..<((band + 1) * rows) {
                hash = StableHash.combine(hash, UInt64(signature.values[i]))
            }
            keys.append(Int64(bitPattern: hash))
        }
        return keys
    }

    private static func integrate(_ f: (Double) -> Double, _ a: Double, _ b: Double) -> Double {
        let steps = 200
        let h = (b - a) / Double(steps)
        var sum = 0.5 * (f(a) + f(b))
        for i in 1..<steps { sum += f(a + Double(i) * h) }
        return sum * h
    }

    private static func falsePositiveArea(_ t: Double, _ b: Int, _ r: Int) -> Double {
        integrate({ 1 - pow(1 - pow($0, Double(r)), Double(b)) }, 0, t)
    }

    private static func falseNegativeArea(_ t: Double, _ b: Int, _ r: Int) -> Double {
        integrate({ pow(1 - pow($0, Double(r)), Double(b)) }, t, 1)
    }
}
