import RetoldCore

/// The fingerprint parameters an index was built with. They are stored in the index, and an
/// index built with other parameters is refused rather than searched with mismatched keys.
public struct IndexSettings: Sendable, Equatable, Codable {
    /// How features are computed, beyond the parameters below: raised whenever a change to
    /// tokenizing, shingling or hashing would give stored documents other keys than new ones.
    /// Version 2: multilinear word-shingle hashes. Indexes without it are version 1.
    public static let currentFingerprintVersion = 2
    public var fingerprintVersion: Int
    public var minHashBins: Int
    public var minHashSeed: UInt64
    public var bands: Int
    public var rows: Int
    public var shingleSize: Int
    public var anchorWindow: Int
    public var passageWindow: Int

    public init(_ fingerprinter: Fingerprinter) {
        fingerprintVersion = Self.currentFingerprintVersion
        minHashBins = fingerprinter.minHasher.bins
        minHashSeed = fingerprinter.minHasher.seed
        bands = fingerprinter.banding.bands
        rows = fingerprinter.banding.rows
        shingleSize = fingerprinter.shingleSize
        anchorWindow = fingerprinter.anchorWindow
        passageWindow = fingerprinter.passageWindow
    }

    public var fingerprinter: Fingerprinter {
        Fingerprinter(minHasher: MinHasher(bins: minHashBins, seed: minHashSeed), banding: LSHBanding(bands: bands, rows: rows),
                      shingleSize: shingleSize, anchorWindow: anchorWindow, passageWindow: passageWindow)
    }

    /// Name-value pairs, as the stores keep them.
    public var pairs: [(String, String)] {
        [("fingerprint_version", String(fingerprintVersion)), ("minhash_bins", String(minHashBins)), ("minhash_seed", String(minHashSeed)), ("lsh_bands", String(bands)),
         ("lsh_rows", String(rows)), ("shingle_size", String(shingleSize)), ("anchor_window", String(anchorWindow)),
         ("passage_window", String(passageWindow))]
    }

    /// Settings read back from a store; nil when a parameter is missing.
    public init?(pairs: [String: String]) {
        guard let bins = pairs["minhash_bins"].flatMap(Int.init), let seed = pairs["minhash_seed"].flatMap(UInt64.init),
              let bands = pairs["lsh_bands"].flatMap(Int.init), let rows = pairs["lsh_rows"].flatMap(Int.init),
              let shingle = pairs["shingle_size"].flatMap(Int.init), let window = pairs["anchor_window"].flatMap(Int.init),
              let passage = pairs["passage_window"].flatMap(Int.init)
        else { return nil }
        passageWindow = passage
        fingerprintVersion = pairs["fingerprint_version"].flatMap(Int.init) ?? 1
        minHashBins = bins; minHashSeed = seed; self.bands = bands; self.rows = rows; shingleSize = shingle; anchorWindow = window
    }
}
