import Foundation
import RetoldTestSupport
import Testing

@Suite("retold check and findings", .serialized)
struct CheckCommandTests {
    let wire = "examples/000_1fa55ddf9ed85ec1.txt"
    let spun = "examples/001_b3d10f58ee285008.txt"

    func json(_ output: RetoldProcess.Output) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    @Test("check reports the spun copy's own contradiction about the first missile test")
    func checkSpun() throws {
        let output = try RetoldProcess.run(["check", spun, "--format", "json"])
        #expect(output.status == 0)
        let object = try json(output)
        try Repository.schema("retold.check.v2.json").validate(JSONValue.parse(output.stdout))
        let findings = try #require(object["findings"] as? [[String: Any]])
        let contradiction = try #require(findings.first { $0["kind"] as? String == "self-contradiction" })
        let a = try #require(contradiction["a"] as? [String: Any]), b = try #require(contradiction["b"] as? [String: Any])
        #expect(a["text"] as? String == "first missile test in six months")
        #expect(b["text"] as? String == "first ever cruise and ballistic missile test")
        #expect((object["counts"] as? [String: Int])?["high"] == 2)
    }

    @Test("check prints readable findings with line numbers")
    func checkText() throws {
        let output = try RetoldProcess.run(["check", spun])
        #expect(output.status == 0)
        #expect(output.stdout.contains("HIGH self-contradiction"))
        #expect(output.stdout.contains("line 39: first ever cruise and ballistic missile test"))
    }

    @Test("--fail-on exits 3 when findings reach the level, 0 otherwise")
    func failOn() throws {
        #expect(try RetoldProcess.run(["check", spun, "--fail-on", "high"]).status == 3)
        #expect(try RetoldProcess.run(["check", wire, "--fail-on", "high"]).status == 0)
        #expect(try RetoldProcess.run(["check", wire, "--fail-on", "low"]).status == 3)
        #expect(try RetoldProcess.run(["compare", wire, spun, "--fail-on", "high"]).status == 3)
        #expect(try RetoldProcess.run(["compare", wire, wire, "--fail-on", "low"]).status == 0)
        #expect(try RetoldProcess.run(["check", wire, "--fail-on", "severe"]).status == 2)
    }

    @Test("compare finds the sister's name, the actor swap and the first-ever claim, and nothing on troop numbers")
    func exampleFindings() throws {
        let object = try json(try RetoldProcess.run(["compare", wire, spun, "--format", "json"]))
        let passages = try #require(object["passages"] as? [[String: Any]])
        let findings = passages.flatMap { ($0["alignments"] as? [[String: Any]]) ?? [] }.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }
        let explanations = findings.compactMap { $0["explanation"] as? String }
        #expect(explanations.contains("B names Kim Jong Un as the sister of Kim Jong Un, where A names Kim Yo Jong."))
        #expect(explanations.contains("Who wants: A says North Korea, B says Seoul (South Korea)."))
        #expect(explanations.contains { $0.hasPrefix("B says \"first ever") })
        #expect(!explanations.contains { $0.contains("28") || $0.contains("80,000") })
        #expect(!findings.contains { $0["kind"] as? String == "number-changed" })
        let spans = findings.compactMap { $0["b"] as? [String: Any] }
        #expect(spans.contains { $0["text"] as? String == "Seoul" })
    }

    @Test("unreadable input to check exits 1 with one line")
    func badInput() throws {
        let output = try RetoldProcess.run(["check", "no-such-file.txt"])
        #expect(output.status == 1)
        #expect(output.stderr == "retold: cannot read 'no-such-file.txt': no such file\n")
    }
}
