/// Fixed, seedless 64-bit hashing for tokens, stems and shingles.
///
/// Swift's `Hasher` is seeded per process, so its values can never be stored or compared
/// across runs. Everything Retold hashes goes through these functions instead, which give
/// the same value on every run and every machine.
public enum StableHash {
    /// FNV-1a's 64-bit offset basis: the hash of no bytes.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a's 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over bytes. Short keys (words) dominate, where FNV-1a is as fast as anything.
    @inlinable
    public static func fnv1a<C: Sequence>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* prime
        }
        return hash
    }

    /// FNV-1a over a string's UTF-8 bytes.
    @inlinable
    public static func fnv1a(_ string: String) -> UInt64 {
        var copy = string
        return copy.withUTF8 { fnv1a($0) }
    }

    /// Continues an FNV-1a hash with one more byte.
    @inlinable
    public static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// The SplitMix64 finalizer: spreads the bits of an already-hashed value, so that
    /// combinations of FNV hashes (n-grams, seeded permutations) stay well distributed.
    @inlinable
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Order-dependent combination of two hashes (for word n-grams).
    @inlinable
    public static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a ^ (b &* 0x9e37_79b9_7f4a_7c15 &+ 0x632b_e59b_d9b4_e019))
    }
}
