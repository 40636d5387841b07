import RetoldCore

/// The posting keys a stored document holds, recomputed from what every store keeps (its
/// signature and compressed text): postings are keyed by (key, document), and removing a
/// document this way needs no second index by document that every insert would pay for.
public struct StoredPostings: Sendable {
    /// One key per band, in band order.
    public var bandKeys: [Int64]
    public var anchorKeys: [Int64]
    public var passageKeys: [Int64]

    public init(document id: Int64, signature: [UInt8], compressedText: [UInt8], settings: IndexSettings) throws(StoredDocument.CorruptValue) {
        let fingerprinter = settings.fingerprinter
        guard let stored = MinHashSignature(bytes: signature) else {
            throw StoredDocument.CorruptValue(document: id, problem: "the stored signature is \(signature.count) bytes, not a MinHash signature")
        }
        bandKeys = fingerprinter.banding.keys(stored)
        let fingerprint = fingerprinter.fingerprint(try StoredDocument.text(compressed: compressedText, document: id))
        anchorKeys = fingerprint.anchorKeys
        passageKeys = fingerprint.passageKeys
    }
}
