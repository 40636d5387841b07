import Foundation
import RetoldEncoder
import RetoldTestSupport
import Testing

/// `--semantic` on search and compare with the sentence encoder installed: the reports say the
/// encoder was used, and which results it verified, in the documented schemas.
@Suite(.serialized, .enabled(if: ModelDirectory.standard().isPresent, "no model installed: run `retold model install`"))
struct SemanticCommandTests {
    static let a = "examples/000_1fa55ddf9ed85ec1.txt", b = "examples/001_b3d10f58ee285008.txt"

    func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test("search --semantic names the encoder and marks the results it verified by meaning")
    func search() throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("retold-semantic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("index.db").path
        #expect(try RetoldProcess.run(["index", "add", "--db", db, "examples"]).status == 0)

        let semantic = try RetoldProcess.run(["search", "--db", db, Self.a, "--semantic", "--passages", "--format", "json"])
        #expect(semantic.status == 0)
        try Repository.schema("retold.search.v2.json").validate(JSONValue.parse(semantic.stdout))
        let report = try object(semantic.stdout)
        #expect(report["semantic_model"] as? String == ModelDirectory.modelName)
        let results = try #require(report["results"] as? [[String: Any]])
        #expect(results.count == 1)
        #expect(results.first?["semantic"] as? Bool == true)
        #expect((results.first?["comparison"] as? [String: Any])?["semantic_model"] as? String == ModelDirectory.modelName)

        let plain = try object(try RetoldProcess.run(["search", "--db", db, Self.a, "--format", "json"]).stdout)
        #expect(plain["semantic_model"] == nil)
        #expect((plain["results"] as? [[String: Any]])?.first?["semantic"] as? Bool == false)

        let text = try RetoldProcess.run(["search", "--db", db, Self.a, "--semantic", "--color", "never"])
        #expect(text.stdout.contains("Semantic matching (all-MiniLM-L6-v2): 1 of these results verified by meaning as well as wording.\n"))
        #expect(text.stdout.contains(", sentences also paired by meaning\n"))
    }

    @Test("compare --semantic names the encoder in the JSON and on the page")
    func compare() throws {
        let json = try RetoldProcess.run(["compare", Self.a, Self.b, "--semantic", "--format", "json"])
        #expect(json.status == 0)
        try Repository.schema("retold.compare.v3.json").validate(JSONValue.parse(json.stdout))
        #expect(try object(json.stdout)["semantic_model"] as? String == ModelDirectory.modelName)
        #expect(try object(try RetoldProcess.run(["compare", Self.a, Self.b, "--format", "json"]).stdout)["semantic_model"] == nil)
        let page = try RetoldProcess.run(["compare", Self.a, Self.b, "--semantic", "--format", "html"])
        #expect(page.stdout.contains("<span class=\"label\">Semantic matching</span> sentences were also paired by meaning with all-MiniLM-L6-v2</p>"))
    }
}
