/// Lowercase words matched by token key (the hash of a token's lowercase form), so checks never
/// build a String per token on their hot paths.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    /// Open addressing on the keys' own bits: they are FNV hashes already, so rehashing them
    /// (as `Set` does, with SipHash) would only cost time. Zero marks an empty slot.
    private let slots: [UInt64]
    private let mask: Int

    init(_ words: some Sequence<String>) {
        let keys = Set(words.map { StableHash.fnv1a($0) })
        var size = 16
        while size < keys.count * 4 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        for key in keys {
            var i = Int(truncatingIfNeeded: key) & (size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = key
        }
        self.slots = slots
        mask = size - 1
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let slot = slots[i]
            if slot == key { return true }
            if slot == 0 { return false }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func contains(_ token: Token) -> Bool { contains(token.key) }
}

extension Token {
    /// True when this token is the given lowercase word.
    @inline(__always) func `is`(_ word: Word) -> Bool { key == word.key }
}

/// One lowercase word, hashed once.
struct Word: Sendable {
    let key: UInt64
    init(_ text: String) { key = StableHash.fnv1a(text) }
}
