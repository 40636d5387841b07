/// A 128-bit hash of a document's normalized text: two documents with the same hash hold the
/// same words, spacing and punctuation (after normalization), so the second is a duplicate.
///
/// Two independent 64-bit lanes, each reading eight bytes per step through the SplitMix64
/// finalizer; at 128 bits an accidental collision is out of reach for any corpus.
public struct ContentHash: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The first 64 bits.
    public var high: UInt64
    /// The last 64 bits.
    public var low: UInt64

    /// A hash from its two halves, as stored.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The hash of normalized text bytes.
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var a: UInt64 = 0x243f_6a88_85a3_08d3 ^ UInt64(bytes.count)
        var b: UInt64 = 0x1319_8a2e_0370_7344 &+ UInt64(bytes.count)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[i + k]) << (8 * UInt64(k)) }
            a = StableHash.mix(a ^ word)
            b = StableHash.mix((b &+ word) &* 0x9e37_79b9_7f4a_7c15)
            i += 8
        }
        var tail: UInt64 = 0
        var k: UInt64 = 0
        while i < n { tail |= UInt64(bytes[i]) << (8 * k); k += 1; i += 1 }
        high = StableHash.mix(a ^ tail ^ 0xa409_3822_299f_31d0)
        low = StableHash.mix((b &+ tail) ^ 0x082e_fa98_ec4e_6c89)
    }

    /// The hash of normalized text bytes in an array.
    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { ContentHash($0) }
    }

    /// 32 lowercase hex digits.
    public var description: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(high) + hex(low)
    }

    /// 16 big-endian bytes, for storage.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64($0))) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64($0))) }
    }

    /// Reads what `bytes` wrote; nil unless there are exactly 16 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        high = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
        low = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// An arbitrary but fixed order (stores insert rows in it, so that concurrent writers take
    /// their locks in one order).
    public static func < (l: ContentHash, r: ContentHash) -> Bool { (l.high, l.low) < (r.high, r.low) }
}
