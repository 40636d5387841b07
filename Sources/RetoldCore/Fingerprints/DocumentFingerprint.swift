/// Everything the index keeps to find a document again: its content hash (duplicates), its
/// MinHash signature and LSH band keys (near-copies), its anchor features (rewrites), and its
/// passage features (verbatim passages inside longer texts).
public struct DocumentFingerprint: Sendable, Equatable {
    /// 128-bit hash of the normalized text: equal texts are one document.
    public var contentHash: ContentHash
    /// MinHash of the word shingles, and its LSH band keys (one per band).
    public var signature: MinHashSignature
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
public struct Fingerprinter: Sendable {
    /// The signature's hash functions and its split into bands.
    public let minHasher: MinHasher
    public let banding: LSHBanding
    /// Words per shingle of the signature.
    public let shingleSize: Int
    /// Winnowing windows of the anchor and passage features, in features.
    public let anchorWindow: Int
    public let passageWindow: Int

    public init(minHasher: MinHasher = MinHasher(), banding: LSHBanding? = nil,
                shingleSize: Int = WordShingles.defaultSize, anchorWindow: Int = AnchorTerms.defaultWindow,
                passageWindow: Int = PassageFeatures.defaultWindow) {
        self.minHasher = minHasher
        self.banding = banding ?? LSHBanding(threshold: LSHBanding.defaultThreshold, bins: minHasher.bins)
        self.shingleSize = shingleSize
        self.anchorWindow = anchorWindow
        self.passageWindow = passageWindow
    }

    public func fingerprint(_ input: String) -> DocumentFingerprint {
        fingerprint(NormalizedText(input))
    }

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
