import Foundation
import RetoldTestSupport
import Testing

@Suite("retold compare", .serialized)
struct CompareCommandTests {
    let wire = "examples/000_1fa55ddf9ed85ec1.txt"
    let spun = "examples/001_b3d10f58ee285008.txt"

    @Test("the example pair is a paraphrase, reported readably and without colour off a terminal")
    func textReport() throws {
        let output = try RetoldProcess.run(["compare", wire, spun, "--width", "120"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("paraphrase  confidence"))
        #expect(output.stdout.contains("Coverage  A found in B"))
        #expect(output.stdout.contains("[-six months,-]"))
        #expect(!output.stdout.contains("\u{1B}["))
    }

    @Test("colour: always forces escapes, NO_COLOR does not disable an explicit choice")
    func color() throws {
        let forced = try RetoldProcess.run(["compare", wire, spun, "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(forced.stdout.contains("\u{1B}[31m"))
        let never = try RetoldProcess.run(["compare", wire, spun, "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
    }

    @Test("JSON output follows the documented schema, and spans point at their text")
    func json() throws {
        let output = try RetoldProcess.run(["compare", wire, spun, "--format", "json"])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "retold.compare")
        #expect(object["version"] as? Int == 3)
        #expect(object["relationship"] as? String == "paraphrase")
        try Repository.schema("retold.compare.v3.json").validate(JSONValue.parse(output.stdout))
        // Character offsets index the original text exactly.
        let original = Array(try String(contentsOf: Repository.root.appendingPathComponent(spun), encoding: .utf8).unicodeScalars)
        let passages = try #require(object["passages"] as? [[String: Any]])
        #expect(passages.count >= 4)
        for passage in passages {
            let b = try #require(passage["b"] as? [String: Any])
            let start = try #require(b["start"] as? Int), end = try #require(b["end"] as? Int)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: original[start..<end])
            #expect(String(slice) == b["text"] as? String)
        }
    }

    @Test("a text compared with itself is a verbatim copy at 100% both ways")
    func itself() throws {
        let output = try RetoldProcess.run(["compare", wire, wire, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["relationship"] as? String == "verbatim-copy")
        let coverage = try #require(object["coverage"] as? [String: Double])
        #expect(coverage == ["a_in_b": 1, "b_from_a": 1])
    }

    @Test("- reads standard input")
    func standardInput() throws {
        let text = try String(contentsOf: Repository.root.appendingPathComponent(wire), encoding: .utf8)
        let output = try RetoldProcess.run(["compare", "-", wire, "--format", "json"], stdin: text)
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"relationship\" : \"verbatim-copy\""))
        #expect(output.stdout.contains("\"name\" : \"<stdin>\""))
    }

    @Test("unreadable inputs exit 1 with one line naming the file and the reason", arguments: [
        ("missing", [UInt8]?.none, "cannot read '%@': no such file"),
        ("binary", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "'%@' looks binary (NUL or control bytes), not text"),
        ("undecodable", Array(repeating: [0x81, 0x8D, 0x41], count: 40).flatMap { $0 }, "'%@' is not valid UTF-8, UTF-16 or Windows-1252 text"),
        ("empty", [], "'%@' is empty"),
        ("blank", Array(" \n\t \n".utf8), "'%@' is empty"),
    ] as [(String, [UInt8]?, String)])
    func badInput(_ label: String, _ bytes: [UInt8]?, _ message: String) throws {
        let url: URL
        if let bytes { url = try RetoldProcess.temporaryFile(bytes) } else {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("retold-missing-\(UUID().uuidString).txt")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let output = try RetoldProcess.run(["compare", url.path, wire])
        #expect(output.status == 1, "\(label)")
        #expect(output.stderr == "retold: " + message.replacingOccurrences(of: "%@", with: url.path) + "\n")
        #expect(output.stdout.isEmpty)
    }

    @Test("an input holding several documents is refused with the count")
    func severalDocuments() throws {
        let output = try RetoldProcess.run(["compare", "examples", wire])
        #expect(output.status == 1)
        #expect(output.stderr == "retold: examples: holds 2 documents; give one document per input (retold extract lists them)\n")
    }

    @Test("Windows-1252 text is read, not refused")
    func windows1252() throws {
        // "Kim said “café”." with 0x93/0x94 quotes and 0xE9 for é, as a Windows-1252 system writes it.
        let url = try RetoldProcess.temporaryFile([0x4B, 0x69, 0x6D, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x93, 0x63, 0x61, 0x66, 0xE9, 0x94, 0x2E])
        defer { try? FileManager.default.removeItem(at: url) }
        let output = try RetoldProcess.run(["compare", url.path, url.path, "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Kim said \u{201C}caf\u{E9}\u{201D}."))
    }

    @Test("usage errors exit 2", arguments: [
        ["compare", "examples/000_1fa55ddf9ed85ec1.txt"],
        ["compare", "a", "b", "--format", "xml"],
        ["compare", "-", "-"],
        ["compare", "a", "b", "--pairs", "p.jsonl"],
        ["frobnicate"],
    ])
    func usage(_ arguments: [String]) throws {
        let output = try RetoldProcess.run(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.contains("Usage:") || output.stderr.contains("Error:"))
    }

    @Test("--format html writes one page of the comparison to standard output")
    func html() throws {
        let a = try RetoldProcess.temporaryFile(Array("Officials in Seoul said on Monday that two missiles were fired into the sea, the military said.".utf8))
        let b = try RetoldProcess.temporaryFile(Array("Officials in Seoul said on Tuesday that two missiles were fired into the sea, the military said.".utf8))
        defer { for url in [a, b] { try? FileManager.default.removeItem(at: url) } }
        let output = try RetoldProcess.run(["compare", a.path, b.path, "--format", "html"])
        #expect(output.status == 0)
        #expect(output.stderr.isEmpty)
        #expect(output.stdout.hasPrefix("<!doctype html>\n"))
        #expect(output.stdout.hasSuffix("</html>\n"))
        #expect(output.stdout.contains("said on <a class=\"fref medium\" id=\"f1-b\" href=\"#f1\">F1</a><ins>Tuesday</ins> that"))
    }

    @Test("html is compare's alone: the other commands refuse it as a usage error", arguments: [
        ["search", "examples/000_1fa55ddf9ed85ec1.txt", "--format", "html"],
        ["check", "examples/000_1fa55ddf9ed85ec1.txt", "--format", "html"],
        ["extract", "examples", "--format", "html"],
        ["clusters", "--format", "html"],
        ["index", "stats", "--format", "html"],
        ["index", "add", "examples", "--format", "html"],
    ])
    func htmlOnlyForCompare(_ arguments: [String]) throws {
        let output = try RetoldProcess.run(arguments)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("Error: The value 'html' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.\n"))
        #expect(output.stdout.isEmpty)
    }

    @Test("--pairs with --format html is a usage error: pairs mode writes JSON lines")
    func htmlWithPairs() throws {
        let output = try RetoldProcess.run(["compare", "--pairs", "-", "--format", "html"], stdin: "")
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("Error: --format html writes one comparison; --pairs writes JSON lines\n"))
    }

    @Test("--pairs writes one JSON line per input line, reports bad lines by number and goes on")
    func pairs() throws {
        let lines = [
            #"{"id": 1, "a": "The cat sat on the mat in London today.", "b": "Today in London the cat sat on the mat."}"#,
            "not json",
            #"{"id": "wire", "a_path": "examples/000_1fa55ddf9ed85ec1.txt", "b_path": "examples/000_1fa55ddf9ed85ec1.txt"}"#,
            #"{"id": "gone", "a_path": "/nonexistent/file.txt", "b": "Some text here."}"#,
            "",
            #"{"id": 5, "a": "Only one side."}"#,
        ]
        let url = try RetoldProcess.temporaryFile(Array(lines.joined(separator: "\n").utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        let output = try RetoldProcess.run(["compare", "--pairs", url.path])
        #expect(output.status == 1)
        let results = output.stdout.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(results.count == 5)
        #expect(results[0]["id"] as? String == "1")
        #expect(results[1]["line"] as? Int == 2 && results[1]["error"] as? String == "not a JSON object")
        #expect(results[2]["relationship"] as? String == "verbatim-copy")
        #expect(results[3]["line"] as? Int == 4 && results[3]["id"] as? String == "gone")
        #expect(results[4]["error"] as? String == "needs \"b\" (text) or \"b_path\" (a file)")
        #expect(output.stderr.hasSuffix("retold: 2 pairs compared, 3 lines rejected (2, 4, 6)\n"))
        let resultLines = output.stdout.split(separator: "\n")
        for line in [resultLines[0], resultLines[2]] { try Repository.schema("retold.compare.v3.json").validate(JSONValue.parse(String(line))) }
    }

    @Test("--pairs reads standard input and exits 0 when every line is good")
    func pairsFromStandardInput() throws {
        let input = #"{"id": "s", "a": "North Korea fired two missiles on Friday.", "b": "On Friday, North Korea fired two missiles."}"# + "\n"
        let output = try RetoldProcess.run(["compare", "--pairs", "-"], stdin: input)
        #expect(output.status == 0)
        #expect(output.stderr == "retold: 1 pair compared\n")
        #expect(output.stdout.contains("\"id\":\"s\""))
    }
}
