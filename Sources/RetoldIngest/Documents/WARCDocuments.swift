import Foundation

/// HTML pages out of WARC files (`.warc`, `.warc.gz`): each `response` (or `resource`) record
/// whose payload is HTML becomes a document with the record's target URL and date; other
/// records are skipped and counted by type. Records are read one at a time, so memory stays at
/// the size of the largest accepted record whatever the file's size.
enum WARCDocuments {
    static let maxHeaderLine = 64 << 10

    static func read<S: ByteSource>(_ reader: inout BufferedReader<S>, path: String, maxBytes: Int,
                                    summary: inout IngestSummary, _ each: (IngestedDocument) throws -> Void) throws {
        var number = 0
        while true {
            // The version line, after any blank lines between records.
            var version: [UInt8]?
            var junk = false
            while let line = try reader.readLine(maxBytes: maxHeaderLine) {
                guard case .line(let bytes) = line else { junk = true; continue }
                if bytes.isEmpty { continue }
                if bytes.starts(with: Array("WARC/".utf8)) { version = bytes; break }
                junk = true
            }
            if junk {
                summary.issues.append(IngestIssue(.init(path: path, record: number + 1), "bytes that are not a WARC record were skipped"))
            }
            guard version != nil else { return }
            number += 1
            let origin = IngestedDocument.Origin(path: path, record: number)
            var headers: [String: String] = [:]
            while let line = try reader.readLine(maxBytes: maxHeaderLine) {
                guard case .line(let bytes) = line else { continue }
                if bytes.isEmpty { break }
                guard let colon = bytes.firstIndex(of: 0x3A) else { continue }
                let name = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
                headers[name] = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard let lengthText = headers["content-length"], let length = Int(lengthText), length >= 0 else {
                summary.issues.append(IngestIssue(origin, "no valid Content-Length; the rest of the file is skipped"))
                return
            }
            let type = headers["warc-type"]?.lowercased() ?? "unknown"
            let payloadType = headers["content-type"]?.lowercased() ?? ""
            let wanted = (type == "response" && payloadType.contains("application/http")) || (type == "resource" && payloadType.contains("html"))
            guard wanted else {
                let skipped = try reader.skip(count: length)
                summary.bytes += skipped
                if skipped < length {
                    summary.issues.append(IngestIssue(origin, "truncated: \(skipped) of \(length) bytes")); return
                }
                summary.skipped["\(type) records", default: 0] += 1
                continue
            }
            if length > maxBytes {
                let skipped = try reader.skip(count: length)
                summary.issues.append(IngestIssue(origin, "\(InputError.size(length)), over the \(InputError.size(maxBytes)) limit; skipped"))
                if skipped < length { return }
                continue
            }
            let block = try reader.read(count: length)
            summary.bytes += block.count
            if block.count < length {
                summary.issues.append(IngestIssue(origin, "truncated: \(block.count) of \(length) bytes"))
                return
            }
            var html = block[...]
            var contentType: String?
            if type == "response" {
                switch HTTPResponse.parse(block) {
                case .failure(let error):
                    summary.issues.append(IngestIssue(origin, error.reason)); continue
                case .success(let response):
                    guard (200..<300).contains(response.status) else {
                        summary.skipped["responses with HTTP status \(response.status / 100)xx", default: 0] += 1; continue
                    }
                    contentType = response.contentType
                    let mime = (response.contentType ?? "").lowercased()
                    guard mime.isEmpty || mime.contains("html") else {
                        summary.skipped["responses that are not HTML", default: 0] += 1; continue
                    }
                    html = response.body[...]
                }
            } else {
                contentType = headers["content-type"]
            }
            guard !html.prefix(8192).contains(0) else {
                summary.issues.append(IngestIssue(origin, "claims to be HTML but is binary")); continue
            }
            guard let result = HTMLArticleReader.read(Array(html), httpContentType: contentType) else {
                summary.issues.append(IngestIssue(origin, "the HTML could not be parsed")); continue
            }
            let article = result.article
            guard !article.text.isEmpty else {
                summary.issues.append(IngestIssue(origin, "no article text found")); continue
            }
            var metadata: [String: String] = ["warc-date": headers["warc-date"] ?? ""]
            if let id = headers["warc-record-id"] { metadata["warc-record-id"] = id }
            let url = headers["warc-target-uri"]?.trimmingCharacters(in: ["<", ">"])
            let published = article.metadata.published ?? headers["warc-date"]
            metadata["published-from"] = article.metadata.published != nil ? "page" : "crawl date"
            let document = IngestedDocument(
                id: headers["warc-record-id"]?.trimmingCharacters(in: ["<", ">"]) ?? origin.description, origin: origin,
                text: article.text, title: article.metadata.title, byline: article.metadata.byline, published: published,
                url: url ?? article.metadata.url, outlet: article.metadata.siteName, language: article.metadata.language,
                format: .warc, encoding: "\(result.charset.name) (\(result.charset.source))", metadata: metadata)
            summary.documents += 1
            try each(document)
        }
    }
}

/// An HTTP response as a crawler stored it: status, headers, body (de-chunked and
/// decompressed when the headers say so).
struct HTTPResponse {
    var status: Int
    var contentType: String?
    var body: [UInt8]

    static func parse(_ bytes: [UInt8]) -> Result<HTTPResponse, StreamError> {
        guard let headerEnd = find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes) ?? find([0x0A, 0x0A], in: bytes) else {
            return .failure(StreamError("the HTTP response has no end of headers"))
        }
        let separator = bytes[headerEnd] == 0x0D ? 4 : 2
        let head = String(decoding: bytes[..<headerEnd], as: UTF8.self)
        var lines = head.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard !lines.isEmpty, lines[0].hasPrefix("HTTP/") else { return .failure(StreamError("the record does not hold an HTTP response")) }
        let statusParts = lines.removeFirst().split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return .failure(StreamError("the HTTP status line is malformed")) }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var body = Array(bytes[(headerEnd + separator)...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") ?? false, let dechunked = dechunk(body) { body = dechunked }
        if let encoding = headers["content-encoding"]?.lowercased(), encoding.contains("gzip"), Gzip.isGzip(body) {
            guard let inflated = try? Gzip.decompress(body, limit: 256 << 20) else { return .failure(StreamError("the gzip-encoded HTTP body is corrupt")) }
            body = inflated
        }
        return .success(HTTPResponse(status: status, contentType: headers["content-type"], body: body))
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    /// Joins `Transfer-Encoding: chunked` chunks; nil when the body is not actually chunked.
    static func dechunk(_ body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var i = 0
        while i < body.count {
            guard let lineEnd = body[i...].firstIndex(of: 0x0A) else { return nil }
            let sizeText = String(decoding: body[i..<lineEnd], as: UTF8.self).split(separator: ";").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard let size = Int(sizeText, radix: 16) else { return nil }
            if size == 0 { return output }
            let start = lineEnd + 1
            guard start + size <= body.count else { return nil }
            output.append(contentsOf: body[start..<(start + size)])
            i = start + size
            while i < body.count, body[i] == 0x0D || body[i] == 0x0A { i += 1 }
        }
        return output
    }
}
