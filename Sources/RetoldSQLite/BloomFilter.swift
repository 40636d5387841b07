/// A Bloom filter over a posting run's keys: a lookup skips every run whose filter says the key
/// is absent, so search reads about one block per key found however many runs an index holds.
///
/// Eight bits and five probes per key: about 2% false positives, one byte a posting in memory.
struct BloomFilter: Sendable {
    private(set) var words: [UInt64]
    let probes: Int

    static let bitsPerKey = 8
    static let defaultProbes = 5

    init(expectedKeys: Int) {
        words = [UInt64](repeating: 0, count: max(1, (expectedKeys * Self.bitsPerKey + 63) / 64))
        probes = Self.defaultProbes
    }

    /// Reads a filter stored by ``bytes``; nil when the bytes are not one.
    init?(bytes: [UInt8]) {
        guard bytes.count >= 9, (bytes.count - 1) % 8 == 0, (1...32).contains(Int(bytes[0])) else { return nil }
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
        var bytes = [UInt8(probes)]
        bytes.reserveCapacity(1 + words.count * 8)
        for word in words {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    mutating func insert(_ key: Int64) {
        let bits = UInt64(words.count * 64)
        var (h, step) = Self.hashes(key)
        for _ in 0..<probes {
            let bit = h % bits
            words[Int(bit >> 6)] |= 1 << (bit & 63)
            h &+= step
        }
    }

    func mightContain(_ key: Int64) -> Bool {
        let bits = UInt64(words.count * 64)
        var (h, step) = Self.hashes(key)
        for _ in 0..<probes {
            let bit = h % bits
            if words[Int(bit >> 6)] & (1 << (bit & 63)) == 0 { return false }
            h &+= step
        }
        return true
    }

    /// Two hashes for double hashing (Kirsch and Mitzenmacher). Keys are hashes already, but of
    /// kinds that share bits (band keys), so they are mixed again (splitmix64's finalizer).
    private static func hashes(_ key: Int64) -> (UInt64, UInt64) {
        var z = UInt64(bitPattern: key) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return (z, (z >> 32) | (z << 32) | 1)
    }
}
