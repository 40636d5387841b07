import Foundation
@testable import RetoldIngest

/// A temporary folder removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("retold-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

enum Fixture {
    static func url(_ name: String) -> URL { Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)! }
    static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }
}

/// Reads paths and returns the documents and the summary.
func ingest(_ paths: [String], maxDocumentBytes: Int = TextInput.defaultMaxBytes) throws -> ([IngestedDocument], IngestSummary) {
    var documents: [IngestedDocument] = []
    let summary = try DocumentReader(maxDocumentBytes: maxDocumentBytes).read(paths) { documents.append($0) }
    return (documents, summary)
}

/// A WARC record with the given type, headers and block.
func warcRecord(type: String, uri: String = "https://news.example.com/story", contentType: String, block: [UInt8], id: Int) -> [UInt8] {
    var head = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-\(String(format: "%012d", id))>\r\n"
    head += "WARC-Date: 2021-09-26T10:00:00Z\r\nWARC-Target-URI: \(uri)\r\nContent-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
    return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
}

func httpResponse(_ body: String, contentType: String = "text/html; charset=utf-8", status: String = "200 OK", extraHeaders: String = "") -> [UInt8] {
    Array("HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\n\(extraHeaders)Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
}
