/// Word n-gram hashes ("shingles") of a token sequence, for MinHash.
///
/// Shingles use each token's lowercase key, so case and punctuation changes do not break them,
/// and every n consecutive words make one 64-bit hash. A text shorter than n words gives one
/// shingle of all its words, so short texts still get a signature.
///
/// The hash is multilinear: each word's key times a fixed odd constant for its position, summed,
/// then mixed once. The products are independent of one another, so the CPU computes them in
/// parallel; hashing word by word through a chain of mixes made shingling a fifth of MinHash time.
public enum WordShingles {
    /// Words per shingle.
    public static let defaultSize = 5

    /// One odd multiplier per position in the n-gram (positions beyond this wrap, still distinct
    /// by the rotation below).
    @usableFromInline static let multipliers: [UInt64] = (0..<16).map { StableHash.mix(0x5348_494E_474C_4500 &+ UInt64($0)) | 1 }

    @inlinable @inline(__always)
    static func multiplier(_ position: Int) -> UInt64 {
        let base = multipliers[position & 15]
        let turn = UInt64(position >> 4)
        return turn == 0 ? base : (base << turn | base >> (64 - turn)) | 1
    }

    /// The shingle hashes of a token sequence, one per run of `size` consecutive words: one for a
    /// text of `size` words or fewer, none for an empty one.
    public static func hashes(_ tokens: UnsafeBufferPointer<Token>, size: Int = defaultSize) -> [UInt64] {
        precondition(size >= 1)
        guard !tokens.isEmpty else { return [] }
        if tokens.count <= size {
            var sum: UInt64 = 0
            for (position, token) in tokens.enumerated() { sum = sum &+ token.key &* multiplier(position) }
            return [StableHash.mix(sum)]
        }
        let count = tokens.count - size + 1
        if size == 5 {
            // The default, unrolled.
            let m0 = multiplier(0), m1 = multiplier(1), m2 = multiplier(2), m3 = multiplier(3), m4 = multiplier(4)
            return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
                for start in 0..<count {
                    let sum = tokens[start].key &* m0 &+ tokens[start + 1].key &* m1 &+ tokens[start + 2].key &* m2
                        &+ tokens[start + 3].key &* m3 &+ tokens[start + 4].key &* m4
                    out[start] = StableHash.mix(sum)
                }
                initialized = count
            }
        }
        let factors = (0..<size).map(multiplier)
        return [UInt64](unsafeUninitializedCapacity: count) { out, initialized in
            for start in 0..<count {
                var sum: UInt64 = 0
                for j in 0..<size { sum = sum &+ tokens[start + j].key &* factors[j] }
                out[start] = StableHash.mix(sum)
            }
            initialized = count
        }
    }

    /// The shingle hashes of tokens in an array.
    public static func hashes(_ tokens: [Token], size: Int = defaultSize) -> [UInt64] {
        tokens.withUnsafeBufferPointer { hashes($0, size: size) }
    }
}
