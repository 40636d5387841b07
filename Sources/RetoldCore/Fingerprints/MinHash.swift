/// A MinHash signature: one 32-bit minimum per bin, compared bin by bin to estimate Jaccard
/// similarity. Stored as 4 bytes per bin (512 bytes at the default 128 bins).
public struct MinHashSignature: Sendable, Equatable {
    /// One minimum per bin.
    public var values: [UInt32]

    /// A signature from its values, as stored.
    public init(values: [UInt32]) { self.values = values }

    /// A signature of a text with no shingles: it matches nothing, itself included.
    public var isEmpty: Bool { values.allSatisfy { $0 == MinHasher.emptyBin } }

    /// Share of bins with equal values: an unbiased estimate of the Jaccard similarity of the
    /// two shingle sets.
    public func jaccard(_ other: MinHashSignature) -> Double {
        guard values.count == other.values.count, !values.isEmpty, !isEmpty, !other.isEmpty else { return 0 }
        var equal = 0
        for i in values.indices where values[i] == other.values[i] { equal += 1 }
        return Double(equal) / Double(values.count)
    }

    /// Little-endian bytes, for storage.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(values.count * 4)
        for value in values {
            out.append(UInt8(truncatingIfNeeded: value)); out.append(UInt8(truncatingIfNeeded: value >> 8))
            out.append(UInt8(truncatingIfNeeded: value >> 16)); out.append(UInt8(truncatingIfNeeded: value >> 24))
        }
        return out
    }

    /// Reads what `bytes` wrote; nil when the length is not a whole number of values.
    public init?(bytes: [UInt8]) {
        guard bytes.count % 4 == 0 else { return nil }
        values = stride(from: 0, to: bytes.count, by: 4).map { i in
            UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
        }
    }
}

/// MinHash by one-permutation hashing with optimal densification.
///
/// Classic MinHash hashes every shingle once per value (128 hash functions); one-permutation
/// hashing (Li, Owen & Zhang, 2012) hashes each shingle once, uses the top bits to pick a bin
/// and keeps the minimum of the low bits per bin. Bins that no shingle fell into are filled by
/// optimal densification (Shrivastava, 2017): an empty bin copies the bin chosen by a fixed
/// probe sequence of its own, so two documents fill it from the same place and the estimator
/// keeps the variance of classic MinHash. All hashing is seeded and fixed, so a signature is
/// the same on every run and machine.
public struct MinHasher: Sendable {
    /// Number of bins (values in a signature); a power of two.
    public let bins: Int
    /// Seed of the hashing: signatures compare only when made with the same seed and bins.
    public let seed: UInt64
    private let shift: UInt64

    static let emptyBin = UInt32.max

    /// Bins of a signature unless told otherwise.
    public static let defaultBins = 128
    /// The seed unless told otherwise, fixed so that signatures stored by one run compare with the next's.
    public static let defaultSeed: UInt64 = 0x5245_544f_4c44_0001  // "RETOLD" + version

    /// A hasher; `bins` must be a power of two from 2 to 65,536.
    public init(bins: Int = MinHasher.defaultBins, seed: UInt64 = MinHasher.defaultSeed) {
        precondition(bins >= 2 && bins <= 1 << 16 && bins & (bins - 1) == 0, "bins must be a power of two")
        self.bins = bins
        self.seed = seed
        shift = UInt64(64 - bins.trailingZeroBitCount)
    }

    /// The signature of a set of shingle hashes (duplicates are harmless).
    public func signature(_ shingles: UnsafeBufferPointer<UInt64>) -> MinHashSignature {
        var values = [UInt32](repeating: Self.emptyBin, count: bins)
        var filled = 0
        values.withUnsafeMutableBufferPointer { out in
            for shingle in shingles {
                let x = StableHash.mix(shingle ^ seed)
                let bin = Int(truncatingIfNeeded: x >> shift)
                // The low 32 bits rank shingles inside a bin; UInt32.max is kept for "empty".
                let value = min(UInt32(truncatingIfNeeded: x), Self.emptyBin - 1)
                if value < out[bin] {
                    if out[bin] == Self.emptyBin { filled += 1 }
                    out[bin] = value
                }
            }
            if filled > 0 && filled < bins { densify(out) }
        }
        return MinHashSignature(values: values)
    }

    /// The signature of shingle hashes in an array.
    public func signature(_ shingles: [UInt64]) -> MinHashSignature {
        shingles.withUnsafeBufferPointer { signature($0) }
    }

    /// Fills each empty bin from the first non-empty bin of its own probe sequence.
    private func densify(_ values: UnsafeMutableBufferPointer<UInt32>) {
        let original = Array(values)
        let mask = UInt64(bins - 1)
        for bin in 0..<bins where original[bin] == Self.emptyBin {
            var attempt: UInt64 = 1
            while true {
                let probe = Int(truncatingIfNeeded: StableHash.mix(seed &+ (UInt64(bin) << 32) &+ attempt) & mask)
                if original[probe] != Self.emptyBin {
                    values[bin] = original[probe]
                    break
                }
                attempt += 1
            }
        }
    }
}
