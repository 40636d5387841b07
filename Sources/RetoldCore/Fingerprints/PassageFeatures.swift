/// Passage features: winnowed word 5-grams, for verbatim and lightly edited passages reused
/// inside longer texts.
///
/// A paragraph copied into a long article barely moves either text's MinHash signature, and
/// ordinary prose may hold few names or figures for the anchor path. Winnowing the 5-gram hashes
/// (the smallest of every `window` consecutive ones) keeps about 2/(window + 1) of them and
/// guarantees a shared feature for every run of window + 4 words two texts have in common.
/// The index ignores 5-grams that too many documents share ("one of the most important").
public enum PassageFeatures {
    /// Winnowing window, in consecutive shingles.
    public static let defaultWindow = 16

    /// The passage keys of a text from its shingle hashes: winnowed, distinct and sorted.
    public static func features(_ shingles: [UInt64], window: Int = defaultWindow) -> [Int64] {
        // Re-hashed so the keys never coincide with MinHash bins or anchor pairs.
        AnchorTerms.winnow(shingles.map { StableHash.mix($0 ^ 0x5041_5353_4147_4500) }, window: window)  // "PASSAGE"
    }
}
