import Foundation
import RetoldCore
import RetoldIngest

/// A document ready to store: its metadata, fingerprint and compressed text, computed away from
/// the writer so that adding is only inserts.
public struct PreparedDocument: Sendable {
    public var source: IngestedDocument
    public var fingerprint: DocumentFingerprint
    /// Publication time in seconds since 1970, when `published` parses as ISO 8601.
    public var publishedAt: Double?
    /// The text, gzip-compressed.
    public var compressedText: [UInt8]
    public var textBytes: Int

    public init(_ source: IngestedDocument, fingerprinter: Fingerprinter) {
        self.source = source
        fingerprint = fingerprinter.fingerprint(source.text)
        publishedAt = source.published.flatMap(ISO8601.parse)?.timeIntervalSince1970
        let utf8 = Array(source.text.utf8)
        textBytes = utf8.count
        compressedText = Gzip.compress(utf8, level: 1)
    }
}

/// What adding one document did.
public enum AddOutcome: Sendable, Equatable {
    case added(id: Int64)
    /// The same normalized text is already stored under this id.
    case duplicate(of: Int64)
}
