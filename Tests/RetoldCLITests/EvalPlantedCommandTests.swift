import Foundation
import RetoldTestSupport
import Testing

/// `retold eval planted`, end to end: what `Benchmarks/planted-index.sh` runs at scale.
@Suite("retold eval planted")
struct EvalPlantedCommandTests {
    @Test func generatesAnIndexableCorpusAndScoresSearchOnIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retold-planted-\(UUID().uuidString)").path
        let db = folder + ".db"
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        }
        let generated = try RetoldProcess.run(["eval", "planted", "generate", "--documents", "300", "--seed", "4", "--out", folder])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stdout.hasPrefix("\(folder): 300 documents ("), "\(generated.stdout)")
        let truth = try String(contentsOfFile: folder + "/truth.tsv", encoding: .utf8)
        #expect(truth.split(separator: "\n").count == 301, "a header and one line per document")

        let added = try RetoldProcess.run(["index", "add", "--db", db, folder + "/corpus.jsonl"])
        #expect(added.status == 0, "\(added.stderr)")
        let scored = try RetoldProcess.run(["eval", "planted", "search", "--db", db, "--corpus", folder, "--queries", "40", "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(scored.stdout.utf8)) as? [String: Any])
        #expect(report["documents"] as? Int == 300)
        #expect(report["queries"] as? Int == 40)
    }
}
