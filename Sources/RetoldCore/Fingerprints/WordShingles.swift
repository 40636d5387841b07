/// Word n-gram hashes ("shingles") of a token sequence, for MinHash.
///
/// Shingles use each token's lowercase key, so case and punctuation changes do not break them,
/// and every n consecutive words make one 64-bit hash. A text shorter than n words gives one
/// shingle of all its words, so short texts still get a signature.
public enum WordShingles {
    public static let defaultSize = 5

    public static func hashes(_ tokens: UnsafeBufferPointer<Token>, size: Int = defaultSize) -> [UInt64] {
        precondition(size >= 1)
        guard !tokens.isEmpty else { return [] }
        if tokens.count <= size {
            var hash = StableHash.offsetBasis
            for token in tokens { hash = StableHash.combine(hash, token.key) }
            return [hash]
        }
        var out = [UInt64]()
        out.reserveCapacity(tokens.count - size + 1)
        for start in 0...(tokens.count - size) {
            var hash = StableHash.offsetBasis
            for i in start..<(start + size) { hash = StableHash.combine(hash, tokens[i].key) }
            out.append(hash)
        }
        return out
    }

    public static func hashes(_ tokens: [Token], size: Int = defaultSize) -> [UInt64] {
        tokens.withUnsafeBufferPointer { hashes($0, size: size) }
    }
}
