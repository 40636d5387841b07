import Foundation
import RetoldTestSupport
import Testing

@Suite("retold eval changes and retold eval qags")
struct EvalWireChangesTests {
    /// A folder with one cluster: a wire story, a copy that drops its credit and hedge, and a
    /// faithful copy with no noted change.
    func clusterFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retold-clusters-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let wire = "PARIS (AP) - At least 12 people died when a fire swept through an apartment block on Monday. Firefighters worked through the night to contain the blaze."
        let changed = "PARIS - 12 people died when a fire swept through an apartment block on Monday. Firefighters worked through the night to contain the blaze."
        func document(_ id: String, _ label: String, _ changes: [String], _ text: String) -> [String: Any] {
            ["id": id, "url": "https://example.com/\(id)", "outlet": "Example", "label": label, "confidence": "high",
             "reason": "test", "changes": changes, "text": text]
        }
        let cluster: [String: Any] = [
            "story": "Apartment fire", "date": "2024-01-01",
            "documents": [
                document("c01-d1", "wire-original", [], wire),
                document("c01-d2", "edited-copy", ["wire: 'PARIS (AP) -' -> copy: 'PARIS -' (agency credit dropped)",
                                                   "wire: 'At least 12 people died' -> copy: '12 people died' ('at least' dropped)"], changed),
                document("c01-d3", "verbatim-copy", [], wire),
                document("c01-d4", "unrelated", [], "Stocks rose on Tuesday as investors weighed earnings."),
            ],
        ]
        try JSONSerialization.data(withJSONObject: cluster).write(to: folder.appendingPathComponent("cluster-01.json"))
        return folder
    }

    @Test("counts caught and located copies, and false alarms on copies with no noted change")
    func table() throws {
        let folder = try clusterFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try RetoldProcess.run(["eval", "changes", folder.path])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines[0] == "copies with noted changes: 1; caught (medium or high finding): 1 (1.00); located (spans overlap the noted words): 1 (1.00)")
        #expect(lines[1] == "copies with no noted change: 1; with a medium or high finding: 0 (0.00)")
        #expect(lines.contains { $0.hasPrefix("hedge-changed") })
        #expect(lines.contains { $0.hasPrefix("source-changed") })
    }

    @Test("--format json gives the same figures")
    func json() throws {
        let folder = try clusterFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try RetoldProcess.run(["eval", "changes", folder.path, "--format", "json"])
        #expect(output.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(object["copiesWithChanges"] as? Int == 1)
        #expect(object["caught"] as? Double == 1)
        #expect(object["falseAlarms"] as? Double == 0)
        #expect((object["copies"] as? [Any])?.count == 2)
    }

    @Test("a folder without cluster files exits 1")
    func missing() throws {
        let output = try RetoldProcess.run(["eval", "changes", "/nonexistent/clusters"])
        #expect(output.status == 1)
    }

    @Test("qags: balanced accuracy of findings against the majority vote")
    func qags() throws {
        let article = "The council approved a budget of 40 million pounds on Monday. The mayor said the plan would fund 12 new schools."
        let lines = [
            ["article": article, "summary_sentences": [["sentence": "The mayor said the plan would fund 30 new schools.",
                                                        "responses": [["worker_id": 1, "response": "no"], ["worker_id": 2, "response": "no"], ["worker_id": 3, "response": "yes"]]]]],
            ["article": article, "summary_sentences": [["sentence": "The mayor said the plan would fund 12 new schools.",
                                                        "responses": [["worker_id": 1, "response": "yes"], ["worker_id": 2, "response": "yes"], ["worker_id": 3, "response": "yes"]]]]],
        ]
        let text = try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }.joined(separator: "\n")
        let file = try RetoldProcess.temporaryFile(Array(text.utf8), suffix: ".jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try RetoldProcess.run(["eval", "qags", file.path])
        #expect(output.status == 0)
        #expect(output.stdout.contains("sentences: 2 (unsupported by majority vote: 1)"))
        #expect(output.stdout.contains("balanced accuracy: 1.000"))
    }
}
