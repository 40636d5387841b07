/// A Bloom filter over a posting run's keys: a lookup skips every run whose filter says the key
/// is absent, so search reads about one block per key found however many runs an index holds.
///
/// Blocked (Putze, Sanders and Singler 2007): a key's five bits all lie in one 512-bit block, a
/// cache line, chosen by one hash; a second hash places the bits. A merge inserts every key of
/// tens of millions, and with bits spread over the whole filter each insert was five cache
/// misses (a third of a merge's time at 300,000 documents); now it is one. Eight bits a key:
/// about 3% false positives, one byte a posting in memory.
struct BloomFilter: Sendable {
    private(set) var words: [UInt64]
    let probes: Int

    static let bitsPerKey = 8
    static let defaultProbes = 5
    /// 64-bit words per block: 512 bits, one cache line.
    static let blockWords = 8

    init(expectedKeys: Int) {
        let blocks = max(1, (expectedKeys * Self.bitsPerKey + 511) / 512)
        words = [UInt64](repeating: 0, count: blocks * Self.blockWords)
        probes = Self.defaultProbes
    }

    /// Reads a filter stored by ``bytes``; nil when the bytes are not one.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 1 + 8 * Self.blockWords, (bytes.count - 1) % (8 * Self.blockWords) == 0,
              (1...7).contains(Int(bytes[0])) else { return nil }
        probes = Int(bytes[0])
        var words = [UInt64](repeating: 0, count: (bytes.count - 1) / 8)
        words.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[1...]))
            }
        }
        self.words = words.map { UInt64(littleEndian: $0) }
    }

    /// The probe count, then the bit words in little-endian order.
    var bytes: [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 1 + words.count * 8)
        bytes[0] = UInt8(probes)
        bytes.withUnsafeMutableBytes { target in
            for (i, word) in words.enumerated() {
                target.storeBytes(of: word.littleEndian, toByteOffset: 1 + i * 8, as: UInt64.self)
            }
        }
        return bytes
    }

    mutating func insert(_ key: Int64) {
        let (block, bits) = position(key)
        words.withUnsafeMutableBufferPointer { words in
            var bits = bits
            for _ in 0..<probes {
                let bit = Int(bits & 511)
                words[block + bit >> 6] |= 1 << UInt64(bit & 63)
                bits >>= 9
            }
        }
    }

    func mightContain(_ key: Int64) -> Bool {
        let (block, bits) = position(key)
        return words.withUnsafeBufferPointer { words in
            var bits = bits
            for _ in 0..<probes {
                let bit = Int(bits & 511)
                if words[block + bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
                bits >>= 9
            }
            return true
        }
    }

    /// The first word of the key's block (a multiply and shift, Lemire's fast range, rather
    /// than a division) and a hash whose 9-bit slices place its bits. Keys are hashes already,
    /// but of kinds that share bits (band keys), so they are mixed again (splitmix64's finalizer).
    private func position(_ key: Int64) -> (block: Int, bits: UInt64) {
        let first = Self.mix(UInt64(bitPattern: key))
        let blocks = UInt64(words.count / Self.blockWords)
        return (Int(first.multipliedFullWidth(by: blocks).high) * Self.blockWords, Self.mix(first ^ 0x5851_F42D_4C95_7F2D))
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
