import Foundation
import RetoldIngest
import RetoldIndex

/// The summary of `retold index add`, as one line or as JSON.
public struct IndexAddReport: Codable, Sendable, Equatable {
    public var schema = "retold.index-add"
    public var version = 2
    /// Documents read from the inputs.
    public var read: Int
    public var added: Int
    /// Skipped because the same normalized text is already indexed.
    public var duplicates: Int
    public var rejected: [Rejection]
    /// Records skipped by type (WARC requests, images...).
    public var skipped: [String: Int]
    public var interrupted: Bool
    public var seconds: Double
    public var textBytes: Int
    /// Documents in the index after the run.
    public var indexed: Int

    enum CodingKeys: String, CodingKey {
        case schema, version, read, added, duplicates, rejected, skipped, interrupted, seconds, indexed
        case textBytes = "text_bytes"
    }

    public struct Rejection: Codable, Sendable, Equatable {
        public var origin: String
        public var reason: String
    }

    public init(_ summary: IndexWriter.Summary, seconds: Double, total: Int) {
        read = summary.progress.documents
        added = summary.progress.added
        duplicates = summary.progress.duplicates
        rejected = summary.issues.map { Rejection(origin: $0.origin.description, reason: $0.reason) }
        skipped = summary.ingest.skipped
        interrupted = summary.interrupted
        self.seconds = (seconds * 100).rounded() / 100
        textBytes = summary.progress.textBytes
        indexed = total
    }

    /// "added 1,204 documents, 3 duplicates skipped, 1 rejected (12.4 MB in 3.1 s, 4.0 MB/s); 5,000 indexed"
    public var line: String {
        var parts = ["added \(added) document\(added == 1 ? "" : "s")"]
        parts.append("\(duplicates) duplicate\(duplicates == 1 ? "" : "s") skipped (same text already indexed)")
        if !rejected.isEmpty { parts.append("\(rejected.count) rejected") }
        if !skipped.isEmpty { parts.append("skipped " + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")) }
        let rate = seconds > 0 ? Double(textBytes) / seconds / 1_000_000 : 0
        var line = parts.joined(separator: ", ")
        line += String(format: " (%.1f MB of text in %.1f s, %.1f MB/s); %d indexed", Double(textBytes) / 1_000_000, seconds, rate, indexed)
        if interrupted { line += "; interrupted after the last committed batch: run the same command again to resume" }
        return line
    }
}
