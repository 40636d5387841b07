import RetoldCore

/// The posting keys a stored document holds, recomputed from what every store keeps (its
/// signature and compressed text): postings are keyed by (key, document), and removing a
/// document this way needs no second index by document that every insert would pay for.
public struct StoredPostings: Sendable {
    /// One key per band, in band order.
    public var bandKeys: [Int64]
    public var anchorKeys: [Int64]
    public var passageKeys: [Int64]

    public init(signature: [UInt8], compressedText: [UInt8], settings: IndexSettings) throws {
        let fingerprinter = settings.fingerprinter
        bandKeys = fingerprinter.banding.keys(MinHashSignature(bytes: signature) ?? MinHashSignature(values: []))
        let fingerprint = fingerprinter.fingerprint(try StoredDocument.text(compressed: compressedText))
        anchorKeys = fingerprint.anchorKeys
        passageKeys = fingerprint.passageKeys
    }
}
