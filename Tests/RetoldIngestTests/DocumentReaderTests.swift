import Foundation
import Testing
@testable import RetoldIngest

@Suite("Reading documents: JSONL, WARC, folders, sniffing, bad input")
struct DocumentReaderTests {
    let story = "<html><head><title>Flood</title></head><body><article><p>The river rose overnight, flooding the old town, and "
        + "officials said 40 people were evacuated by boat before dawn.</p></article></body></html>"

    @Test("JSONL: text or html per line, known fields, unknown fields kept, bad lines reported by number")
    func jsonl() throws {
        let folder = try TemporaryFolder()
        let lines = [
            #"{"id": "a1", "text": "The council voted 7 to 2.", "url": "https://a.example/1", "outlet": "A", "published": "2021-09-26", "section": "local", "tags": ["x", "y"]}"#,
            #"{"id": 42, "html": "\#(story.replacingOccurrences(of: "\"", with: "\\\""))", "title": "Given title"}"#,
            #"not json at all"#,
            #"{"id": "c", "published": "2021-09-26"}"#,
            #"["an", "array"]"#,
            #"{"id": "d", "text": "Dated.", "published": "yesterday"}"#,
            "",
            #"{"id": "e", "text": "   "}"#,
            #"{"id": "f", "text": "Last good line."}"#,
        ]
        let path = try folder.write("feed.jsonl", lines.joined(separator: "\n") + "\n")
        let (documents, summary) = try ingest([path])
        #expect(documents.map(\.id) == ["a1", "42", "f"])
        #expect(documents[0].text == "The council voted 7 to 2.")
        #expect(documents[0].outlet == "A" && documents[0].published == "2021-09-26" && documents[0].url == "https://a.example/1")
        #expect(documents[0].metadata == ["section": "local", "tags": #"["x","y"]"#])
        #expect(documents[0].origin.description == "\(path):1")
        #expect(documents[1].title == "Given title")
        #expect(documents[1].text.hasPrefix("The river rose overnight"))
        #expect(summary.issues.map(\.description) == [
            "\(path):3: not valid JSON",
            "\(path):4: needs a \"text\" or an \"html\" field",
            "\(path):5: not a JSON object",
            "\(path):6: \"published\" is not an ISO 8601 date or time: yesterday",
            "\(path):8: \"text\" is empty",
        ])
        #expect(summary.documents == 3)
        #expect(summary.line == "3 documents from 1 file; 5 problems")
    }

    @Test("JSONL: an overlong line is skipped and reported; the next line is read")
    func jsonlLongLine() throws {
        let folder = try TemporaryFolder()
        let long = #"{"id": "big", "text": ""# + String(repeating: "x", count: 5_000) + #""}"#
        let path = try folder.write("feed.jsonl", long + "\n" + #"{"id": "ok", "text": "Fine."}"# + "\n")
        let (documents, summary) = try ingest([path], maxDocumentBytes: 1_000)
        #expect(documents.map(\.id) == ["ok"])
        #expect(summary.issues.map(\.description) == ["\(path):1: line is 4.9 KB, over the 1000 bytes limit"])
    }

    func crawl() -> [[UInt8]] {
        [
            warcRecord(type: "warcinfo", contentType: "application/warc-fields", block: Array("software: test\r\n".utf8), id: 1),
            warcRecord(type: "request", contentType: "application/http; msgtype=request", block: Array("GET /story HTTP/1.1\r\n\r\n".utf8), id: 2),
            warcRecord(type: "response", uri: "https://news.example.com/flood", contentType: "application/http; msgtype=response",
                       block: httpResponse(story), id: 3),
            warcRecord(type: "response", contentType: "application/http; msgtype=response",
                       block: httpResponse("\u{89}PNG....", contentType: "image/png"), id: 4),
            warcRecord(type: "response", contentType: "application/http; msgtype=response",
                       block: httpResponse("5\r\n<html\r\n0\r\n\r\n", status: "404 Not Found"), id: 5),
            warcRecord(type: "response", uri: "https://news.example.com/chunked", contentType: "application/http; msgtype=response",
                       block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
                           + chunked(story), id: 6),
        ]
    }

    func chunked(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        let half = bytes.count / 2
        let crlf: [UInt8] = [13, 10]
        var out: [UInt8] = Array(String(half, radix: 16).utf8)
        out += crlf
        out += bytes[..<half]
        out += crlf
        out += Array(String(bytes.count - half, radix: 16).utf8)
        out += crlf
        out += bytes[half...]
        out += Array("\r\n0\r\n\r\n".utf8)
        return out
    }

    @Test("WARC and WARC.gz: HTML responses become documents with URL and date; other records are counted")
    func warc() throws {
        let folder = try TemporaryFolder()
        let records = crawl()
        let plain = try folder.write("crawl.warc", records.flatMap { $0 })
        // One gzip member per record, as crawlers write them.
        let compressed = try folder.write("crawl.warc.gz", records.flatMap { Gzip.compress($0) })
        for path in [plain, compressed] {
            let (documents, summary) = try ingest([path])
            #expect(documents.map(\.url) == ["https://news.example.com/flood", "https://news.example.com/chunked"])
            #expect(documents[0].id == "urn:uuid:00000000-0000-0000-0000-000000000003")
            #expect(documents[0].text.hasPrefix("The river rose overnight"))
            #expect(documents[0].text == documents[1].text)
            #expect(documents[0].published == "2021-09-26T10:00:00Z")
            #expect(documents[0].metadata["published-from"] == "crawl date")
            #expect(documents[0].format == .warc)
            #expect(documents[0].origin.description == "\(path) record 3")
            #expect(summary.issues.isEmpty)
            #expect(summary.skipped == ["warcinfo records": 1, "request records": 1, "responses that are not HTML": 1,
                                        "responses with HTTP status 4xx": 1])
        }
    }

    @Test("WARC: a truncated record and a corrupt gzip member are reported; the batch goes on to the next file")
    func corruptWARC() throws {
        let folder = try TemporaryFolder()
        let records = crawl()
        let whole = records.flatMap { $0 }
        let truncated = try folder.write("a-truncated.warc", Array(whole[..<(whole.count - 40)]))
        var members = records.map { Gzip.compress($0) }
        members[3][members[3].count / 2] ^= 0xFF
        members[3][members[3].count / 2 + 1] ^= 0xFF
        let corrupt = try folder.write("b-corrupt.warc.gz", members.flatMap { $0 })
        let good = try folder.write("c-good.warc", records[2])
        let (documents, summary) = try ingest([truncated, corrupt, good])
        // Both files give their first HTML page before failing; the good file is read.
        #expect(documents.map(\.origin.description) == ["\(truncated) record 3", "\(corrupt) record 3", "\(good) record 1"])
        #expect(summary.issues.count == 2)
        let block = records[5].count - 4 - headerLength(records[5])
        #expect(summary.issues[0].description == "\(truncated) record 6: truncated: \(block - 36) of \(block) bytes")
        #expect(summary.issues[1].description.hasPrefix("\(corrupt): gzip member 4 is corrupt"))
        #expect(summary.issues[1].description.hasSuffix("; the rest of the file is skipped"))
    }

    func headerLength(_ record: [UInt8]) -> Int {
        var i = 0
        while !(record[i] == 13 && record[i + 1] == 10 && record[i + 2] == 13 && record[i + 3] == 10) { i += 1 }
        return i + 4
    }

    @Test("folders are read recursively by content; hidden files and other types are skipped")
    func folders() throws {
        let folder = try TemporaryFolder()
        try folder.write("b/story.html", story)
        try folder.write("a/plain.txt", "A plain text article about the flood.")
        try folder.write("a/deeper/feed.jsonl", #"{"id": "j", "text": "From a feed."}"# + "\n")
        try folder.write("a/page.txt", story)  // HTML inside a .txt file: sniffed as HTML
        try folder.write(".hidden.txt", "hidden")
        try folder.write("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0])
        let (documents, summary) = try ingest([folder.url.path])
        #expect(documents.map(\.format) == [.jsonl, .html, .text, .html])
        #expect(documents.map { ($0.origin.path as NSString).lastPathComponent } == ["feed.jsonl", "page.txt", "plain.txt", "story.html"])
        #expect(summary.files == 4)
        #expect(summary.skipped == ["files of other types": 1])
    }

    @Test("bad single files: binary posing as HTML, empty, missing, too large; gzip-compressed HTML")
    func badFiles() throws {
        let folder = try TemporaryFolder()
        let binary = try folder.write("page.html", [0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E, 0x00, 0x01, 0x02, 0xFF] + Array(repeating: 0, count: 100))
        let empty = try folder.write("empty.txt", "")
        let large = try folder.write("large.txt", String(repeating: "word ", count: 400))
        let gzipped = try folder.write("story.html.gz", Gzip.compress(Array(story.utf8)))
        let missing = folder.url.appendingPathComponent("missing.txt").path
        let (documents, summary) = try ingest([binary, empty, large, gzipped, missing], maxDocumentBytes: 1_000)
        #expect(documents.map(\.format) == [.html])
        #expect(documents.first?.text.hasPrefix("The river rose") == true)
        #expect(summary.issues.map(\.description) == [
            "\(binary): claims to be HTML but is binary",
            "'\(empty)' is empty",
            "'\(large)' is over the 1000 bytes limit",
            "cannot read '\(missing)': no such file",
        ])
    }

    @Test("readOne: one document, or a clear reason")
    func readOne() throws {
        let folder = try TemporaryFolder()
        let two = try folder.write("two.jsonl", #"{"text": "One."}"# + "\n" + #"{"text": "Two."}"# + "\n")
        #expect(throws: IngestIssue(.init(path: two), "holds 2 documents; give one document per input (retold extract lists them)")) {
            try DocumentReader().readOne(two)
        }
        let one = try folder.write("one.html", story)
        #expect(try DocumentReader().readOne(one).title == "Flood")
    }

    @Test("content sniffing")
    func sniffing() {
        #expect(InputFormat.sniff(Array("WARC/1.1\r\n".utf8)) == .warc)
        #expect(InputFormat.sniff(Array("  {\"id\": 1}".utf8)) == .jsonl)
        #expect(InputFormat.sniff(Array("<!DOCTYPE html><html>".utf8)) == .html)
        #expect(InputFormat.sniff(Array("<p>Hello</p>".utf8)) == .html)
        #expect(InputFormat.sniff(Array("Plain words.".utf8), pathExtension: "html") == .text)
        #expect(InputFormat.sniff(Array("<b>bold</b>".utf8), pathExtension: "htm") == .html)
        #expect(InputFormat.sniff(Array("Kim said <no>".utf8)) == .text)
    }
}

@Suite("gzip streams")
struct GzipTests {
    @Test("members are read back to back; truncation and corruption are named")
    func members() throws {
        let a = Array("first member\n".utf8), b = Array(String(repeating: "second ", count: 20_000).utf8)
        #expect(try Gzip.decompress(Gzip.compress(a) + Gzip.compress(b), limit: 1 << 20) == a + b)
        let whole = Gzip.compress(b)
        #expect(throws: StreamError("gzip member 1 is truncated")) { try Gzip.decompress(Array(whole.dropLast(10)), limit: 1 << 20) }
        var broken = whole
        broken[20] ^= 0xFF
        broken[21] ^= 0xFF
        #expect(throws: StreamError.self) { try Gzip.decompress(broken, limit: 1 << 20) }
        #expect(throws: StreamError("decompresses to over 1000 bytes")) { try Gzip.decompress(whole, limit: 1_000) }
    }
}
