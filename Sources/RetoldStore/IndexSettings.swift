import RetoldCore

/// The fingerprint parameters an index was built with. They are stored in the index, and an
/// index built with other parameters is refused rather than searched with mismatched keys.
public struct IndexSettings: Sendable, Equatable, Codable {
    public var minHashBins: Int
    public var minHashSeed: UInt64
    public var bands: Int
    public var rows: Int
    public var shingleSize: Int
    public var anchorWindow: Int
    public var passageWindow: Int

    public init(_ fingerprinter: Fingerprinter) {
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
    var pairs: [(String, String)] {
        [("minhash_bins", String(minHashBins)), ("minhash_seed", String(minHashSeed)), ("lsh_bands", String(bands)),
         ("lsh_rows", String(rows)), ("shingle_size", String(shingleSize)), ("anchor_window", String(anchorWindow)),
         ("passage_window", String(passageWindow))]
    }

    init?(pairs: [String: String]) {
        guard let bins = pairs["minhash_bins"].flatMap(Int.init), let seed = pairs["minhash_seed"].flatMap(UInt64.init),
              let bands = pairs["lsh_bands"].flatMap(Int.init), let rows = pairs["lsh_rows"].flatMap(Int.init),
              let shingle = pairs["shingle_size"].flatMap(Int.init), let window = pairs["anchor_window"].flatMap(Int.init),
              let passage = pairs["passage_window"].flatMap(Int.init)
        else { return nil }
        passageWindow = passage
        minHashBins = bins; minHashSeed = seed; self.bands = bands; self.rows = rows; shingleSize = shingle; anchorWindow = window
    }
}
