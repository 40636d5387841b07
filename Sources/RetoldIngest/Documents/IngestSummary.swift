/// What a batch read: documents, files, records skipped by type, and every problem found.
public struct IngestSummary: Sendable, Equatable {
    public var documents = 0
    public var files = 0
    /// Input bytes read (decompressed), for throughput.
    public var bytes = 0
    /// WARC records that are not HTML pages, by record type ("request", "warcinfo",
    /// "response (image/png)"), and folder files of types Retold does not read.
    public var skipped: [String: Int] = [:]
    public var issues: [IngestIssue] = []

    public init() {}

    /// One line for the end of a batch: "3 documents from 2 files; skipped 5 request records; 1 problem".
    public var line: String {
        var parts = ["\(documents) document\(documents == 1 ? "" : "s") from \(files) file\(files == 1 ? "" : "s")"]
        if !skipped.isEmpty {
            parts.append("skipped " + skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        if !issues.isEmpty { parts.append("\(issues.count) problem\(issues.count == 1 ? "" : "s")") }
        return parts.joined(separator: "; ")
    }
}
