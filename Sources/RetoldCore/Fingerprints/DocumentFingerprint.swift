/// Everything the index keeps to find a document again: its content hash (duplicates), its
/// MinHash signature and LSH band keys (near-copies), its anchor features (rewrites), and its
/// passage features (verbatim passages inside longer texts).
///
/// ### Example
///
/// ```swift
/// let fingerprinter = Fingerprinter()
/// let a = fingerprinter.fingerprint(wireStory), b = fingerprinter.fingerprint(republished)
/// let duplicate = a.contentHash == b.contentHash
/// let overlap = a.signature.jaccard(b.signature)            // estimated shingle overlap
/// let candidates = !Set(a.bandKeys).isDisjoint(with: b.bandKeys)  // the LSH test
/// let rewrite = !Set(a.anchorKeys).isDisjoint(with: b.anchorKeys)  // shared anchor features
/// ```
public struct DocumentFingerprint: Sendable, Equatable {
    /// 128-bit hash of the normalized text: equal texts are one document.
    public var contentHash: ContentHash
    /// MinHash of the word shingles: its bins estimate how much two texts overlap.
    public var signature: MinHashSignature
    /// The signature's LSH band keys, one per band: two documents with an equal key are
    /// candidates for a closer look.
    public var bandKeys: [Int64]
    /// Winnowed windows of rare content words and figures, which survive word-level spinning.
    public var anchorKeys: [Int64]
    /// Winnowed word n-gram windows, which find a copied paragraph inside a longer text.
    public var passageKeys: [Int64]
    /// Words (tokens) in the text.
    public var words: Int
}

/// Computes fingerprints with fixed parameters. Works from the normalized text and its tokens
/// only (no stemming or sentence model), so it runs at tokenizer speed.
///
/// Fingerprints are comparable only when made with the same parameters: an index records the
/// ones it was created with (by default, these defaults) and fingerprints every text with them.
///
/// ### Example
///
/// ```swift
/// let fingerprint = Fingerprinter().fingerprint("North Korea fired two missiles on Sunday.")
/// print(fingerprint.contentHash, fingerprint.words)  // 32 hex digits, 7
/// ```
public struct Fingerprinter: Sendable {
    /// The signature's hash functions.
    public let minHasher: MinHasher
    /// The signature's split into bands.
    public let banding: LSHBanding
    /// Words per shingle of the signature.
    public let shingleSize: Int
    /// Winnowing window of the anchor features, in consecutive anchor pairs.
    public let anchorWindow: Int
    /// Winnowing window of the passage features, in consecutive shingles.
    public let passageWindow: Int

    /// A fingerprinter; the defaults are what a new index uses. Without a `banding`, the bands
    /// are chosen for ``LSHBanding/defaultThreshold`` at the signature's size.
    public init(minHasher: MinHasher = MinHasher(), banding: LSHBanding? = nil,
                shingleSize: Int = WordShingles.defaultSize, anchorWindow: Int = AnchorTerms.defaultWindow,
                passageWindow: Int = PassageFeatures.defaultWindow) {
        self.minHasher = minHasher
        self.banding = banding ?? LSHBanding(threshold: LSHBanding.defaultThreshold, bins: minHasher.bins)
        self.shingleSize = shingleSize
        self.anchorWindow = anchorWindow
        self.passageWindow = passageWindow
    }

    /// The fingerprint of a raw text, normalized first.
    public func fingerprint(_ input: String) -> DocumentFingerprint {
        fingerprint(NormalizedText(input))
    }

    /// The fingerprint of a normalized text.
    public func fingerprint(_ text: NormalizedText) -> DocumentFingerprint {
        let tokens = Tokenizer.tokenize(text)
        return text.bytes.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                let shingles = WordShingles.hashes(tokens, size: shingleSize)
                let signature = minHasher.signature(shingles)
                return DocumentFingerprint(
                    contentHash: ContentHash(bytes),
                    signature: signature,
                    bandKeys: banding.keys(signature),
                    anchorKeys: AnchorTerms.features(bytes, tokens: tokens, window: anchorWindow),
                    passageKeys: tokens.count >= shingleSize ? PassageFeatures.features(shingles, window: passageWindow) : [],
                    words: tokens.count)
            }
        }
    }

    /// Just the signature, from raw text: the path the MinHash benchmark measures. Equal to
    /// `fingerprint(input).signature`. Plain ASCII text (most English copy) is tokenized as it
    /// is, because normalization cannot change its tokens; anything else is normalized first.
    public func signature(_ input: String) -> MinHashSignature {
        var copy = input
        let tokens = copy.withUTF8 { raw in
            Tokenizer.tokensIgnoreNormalization(raw) ? Tokenizer.tokenize(raw) : Tokenizer.tokenize(NormalizedText(input))
        }
        return minHasher.signature(tokens.withUnsafeBufferPointer { WordShingles.hashes($0, size: shingleSize) })
    }
}
