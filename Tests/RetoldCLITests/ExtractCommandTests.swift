import Foundation
import RetoldTestSupport
import Testing
import RetoldEvaluation

@Suite("retold extract and HTML inputs", .serialized)
struct ExtractCommandTests {
    let wireHTML = "Tests/RetoldIngestTests/Fixtures/wire-story.html"
    let spunHTML = "Tests/RetoldIngestTests/Fixtures/spun-story.html"
    let wire = "examples/000_1fa55ddf9ed85ec1.txt"
    let spun = "examples/001_b3d10f58ee285008.txt"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Relationship, passage count and finding kinds of a comparison.
    func summary(_ a: String, _ b: String) throws -> (String, Int, [String], Double) {
        let output = try RetoldProcess.run(["compare", a, b, "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let object = try json(output.stdout)
        let passages = try #require(object["passages"] as? [[String: Any]])
        let kinds = passages.flatMap { ($0["alignments"] as? [[String: Any]]) ?? [] }
            .flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.compactMap { $0["kind"] as? String }.sorted()
        let coverage = try #require(object["coverage"] as? [String: Double])
        return (try #require(object["relationship"] as? String), passages.count, kinds, coverage["b_from_a"] ?? 0)
    }

    @Test("the example articles as news pages give the same comparison as the plain texts")
    func htmlCompare() throws {
        let plain = try summary(wire, spun), html = try summary(wireHTML, spunHTML)
        #expect(html.0 == plain.0)
        #expect(html.1 == plain.1)
        #expect(html.2 == plain.2)
        #expect(html.2.contains("entity-changed") && html.2.contains("scope-changed"))
        // The pages lose only scraping debris, so B's reused share can only grow a little.
        #expect(html.3 >= plain.3 && html.3 - plain.3 < 0.05)
    }

    @Test("findings on a page point at the extracted text, which extract shows")
    func offsetsReferToExtractedText() throws {
        let check = try json(try RetoldProcess.run(["check", spunHTML, "--format", "json"]).stdout)
        let extracted = try json(try RetoldProcess.run(["extract", spunHTML, "--format", "json"]).stdout)
        let text = try #require(extracted["text"] as? String)
        let findings = try #require(check["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["kind"] as? String == "self-contradiction" })
        #expect(findings.contains { $0["kind"] as? String == "impossible-relation" })
        for finding in findings {
            let span = try #require(finding["a"] as? [String: Any])
            let start = try #require(span["start"] as? Int), end = try #require(span["end"] as? Int)
            let characters = Array(text)
            #expect(String(characters[start..<end]) == span["text"] as? String)
        }
        // The page's debris is gone at extraction: no navigation line, no repeated title.
        #expect(!findings.contains { ($0["explanation"] as? String)?.contains("navigation") ?? false })
        #expect(!findings.contains { ($0["explanation"] as? String)?.contains("title") ?? false })
    }

    @Test("extract --format json: one line per document, in the documented schema")
    func extractJSON() throws {
        let output = try RetoldProcess.run(["extract", wireHTML, wire, "--format", "json"])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let page = try json(String(lines[0])), plain = try json(String(lines[1]))
        for line in lines { try Repository.schema("retold.document.v1.json").validate(JSONValue.parse(String(line))) }
        #expect(page["format"] as? String == "html")
        #expect(page["encoding"] as? String == "UTF-8 (meta tag)")
        #expect(page["title"] as? String == "North Korea signals openness to talks, seeks end to 'hostile policies'")
        #expect(page["published"] as? String == "2021-09-26T09:14:00Z")
        #expect(plain["format"] as? String == "text")
        #expect(plain["encoding"] as? String == "utf-8")
        #expect(output.stderr == "retold: 2 documents from 2 files\n")
    }

    @Test("extract prints the text with its metadata")
    func extractText() throws {
        let output = try RetoldProcess.run(["extract", wireHTML])
        #expect(output.status == 0)
        #expect(output.stdout.contains("byline     Hyung-Jin Kim\n"))
        #expect(output.stdout.contains("\n\nEarlier this month, North Korea conducted"))
        #expect(!output.stdout.contains("Skip to content"))
    }

    @Test("a batch with bad inputs reports each on one line, goes on, and exits 1")
    func badBatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retold-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = folder.appendingPathComponent("feed.jsonl")
        try Data((#"{"id": "1", "text": "Good."}"# + "\n{oops\n" + #"{"id": "3", "text": "Also good."}"# + "\n").utf8).write(to: feed)
        // 200 MB, written sparse: refused after reading just past the limit.
        let huge = folder.appendingPathComponent("huge.txt")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 200 << 20)
        try handle.close()
        let output = try RetoldProcess.run(["extract", "--format", "json", feed.path, huge.path, "missing.html"])
        #expect(output.status == 1)
        #expect(output.stdout.split(separator: "\n").count == 2)
        #expect(output.stderr == """
            retold: \(feed.path):2: not valid JSON
            retold: '\(huge.path)' is over the 64 MB limit
            retold: cannot read 'missing.html': no such file
            retold: 2 documents from 2 files; 3 problems

            """)
    }

    @Test("benchmark scoring: word 4-gram shingles as multisets, empty predictions count against recall only")
    func extractionScore() {
        let gold = "The river rose overnight and flooded the old town."
        let exact = ExtractionScore.page(predicted: gold, gold: gold)
        #expect(exact.truePositives == 6 && exact.falsePositives == 0 && exact.falseNegatives == 0 && exact.exact)
        let extra = ExtractionScore.page(predicted: "Menu Home. " + gold, gold: gold)
        #expect(extra.truePositives == 6 && extra.falsePositives == 2 && extra.falseNegatives == 0)
        let empty = ExtractionScore.page(predicted: "", gold: gold)
        #expect(empty.precision == nil && empty.recall == 0)
        let score = ExtractionScore.combine([exact, extra, empty])
        #expect(abs(score.precision - (1 + 0.75) / 2) < 1e-9)
        #expect(abs(score.recall - 2.0 / 3) < 1e-9)
        #expect(ExtractionScore.page(predicted: "Short text", gold: "Short text").truePositives == 1)
    }
}
