import Foundation
import RetoldTestSupport
import Testing

@Suite(.serialized) struct IndexCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("retold-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A JSONL corpus of distinct synthetic articles (fixed seed).
    func writeCorpus(_ url: URL, documents: Int, seed: UInt64 = 1) throws {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var lines = ""
        for d in 0..<documents {
            let words = (0..<300).map { _ in "w\(next() % 20_000)" }.joined(separator: " ")
            lines += "{\"id\": \"doc-\(d)\", \"text\": \"Report \(d). \(words).\"}\n"
        }
        try lines.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func addSearchStatsAndClustersOnTheExamples() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("index.db").path
        let add = try RetoldProcess.run(["index", "add", "--db", db, "examples"])
        #expect(add.status == 0)
        #expect(add.stderr.contains("added 2 documents, 0 duplicates skipped"))
        let again = try RetoldProcess.run(["index", "add", "--db", db, "examples", "--format", "json"])
        #expect(again.status == 0)
        try Repository.schema("retold.index-add.v2.json").validate(JSONValue.parse(again.stdout))
        let summary = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any]
        #expect(summary["added"] as? Int == 0 && summary["duplicates"] as? Int == 2 && summary["indexed"] as? Int == 2)

        let search = try RetoldProcess.run(["search", "--db", db, "examples/000_1fa55ddf9ed85ec1.txt", "--format", "json", "--passages"])
        #expect(search.status == 0)
        let searchJSON = try JSONValue.parse(search.stdout)
        try Repository.schema("retold.search.v2.json").validate(searchJSON)
        let report = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as! [String: Any]
        let results = report["results"] as! [[String: Any]]
        #expect(report["indexed_as"] as? [Int] == [1])
        #expect(results.count == 1)
        #expect(results.first?["relationship"] as? String == "paraphrase")
        #expect((results.first?["document"] as? [String: Any])?["source_id"] as? String == "examples/001_b3d10f58ee285008.txt")
        let comparison = results.first?["comparison"] as? [String: Any]
        #expect((comparison?["passages"] as? [Any])?.isEmpty == false)
        try Repository.schema("retold.compare.v3.json").validate(try #require(searchJSON["results"]?[0]?["comparison"]))

        let text = try RetoldProcess.run(["search", "--db", db, "examples/001_b3d10f58ee285008.txt", "--color", "never"])
        #expect(text.stdout.contains("1. #1 examples/000_1fa55ddf9ed85ec1.txt"))
        #expect(text.stdout.contains("paraphrase"))

        let clusters = try RetoldProcess.run(["clusters", "--db", db, "--format", "json"])
        #expect(clusters.status == 0)
        try Repository.schema("retold.clusters.v2.json").validate(JSONValue.parse(clusters.stdout))
        let clusterReport = try JSONSerialization.jsonObject(with: Data(clusters.stdout.utf8)) as! [String: Any]
        let first = (clusterReport["clusters"] as! [[String: Any]]).first
        #expect(first?["size"] as? Int == 2)
        #expect((first?["tree"] as? [Any])?.count == 1)

        let stats = try RetoldProcess.run(["index", "stats", "--db", db])
        #expect(stats.stdout.contains("documents    2 ("))
        #expect(stats.stdout.contains("links        1 verified"))

        let remove = try RetoldProcess.run(["index", "remove", "--db", db, "#2", "7"])
        #expect(remove.status == 1)
        #expect(remove.stdout == "removed #2\n")
        #expect(remove.stderr.contains("no document #7"))
    }

    @Test func missingIndexAndBadArgumentsAreClearErrors() throws {
        let missing = try RetoldProcess.run(["search", "--db", "/nonexistent/none.db", "examples/000_1fa55ddf9ed85ec1.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "retold: /nonexistent/none.db: no index here; build one with `retold index add --db /nonexistent/none.db FILE...`\n")
        let badDate = try RetoldProcess.run(["clusters", "--from", "yesterday"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--from yesterday: not an ISO 8601 date"))
    }

    @Test func badFilesAreReportedAndTheRestIsAdded() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try "A short note about the harbour in Busan and its 12 cranes.".write(to: inputs.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data([0x00, 0xFF, 0x10, 0x00, 0x89]).write(to: inputs.appendingPathComponent("b.txt"))
        try "{\"id\": \"ok\", \"text\": \"Officials in Lima counted 40 boats.\"}\nnot json\n{\"id\": \"empty\", \"text\": \"...\"}\n"
            .write(to: inputs.appendingPathComponent("c.jsonl"), atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("index.db").path
        let add = try RetoldProcess.run(["index", "add", "--db", db, inputs.path, dir.appendingPathComponent("missing.txt").path])
        #expect(add.status == 1)
        #expect(add.stderr.contains("b.txt"))
        #expect(add.stderr.contains("c.jsonl:2"))
        #expect(add.stderr.contains("c.jsonl:3: no words to index"))
        #expect(add.stderr.contains("missing.txt"))
        #expect(add.stderr.contains("added 2 documents, 0 duplicates skipped (same text already indexed), 4 rejected"))
    }

    /// kill -9 in the middle of a run loses nothing committed, and the same command resumes.
    @Test func interruptedAddResumes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus.jsonl")
        try writeCorpus(corpus, documents: 3_000)
        let db = dir.appendingPathComponent("index.db").path

        let process = Process()
        process.executableURL = try RetoldProcess.executable
        process.arguments = ["index", "add", "--db", db, "--batch-size", "50", corpus.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until some batches are committed, then kill without warning.
        let deadline = Date().addingTimeInterval(60)
        var committed = 0
        while Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            let stats = try? RetoldProcess.run(["index", "stats", "--db", db, "--format", "json"])
            if let stats, stats.status == 0, let json = try? JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any] {
                committed = json["documents"] as? Int ?? 0
                if committed >= 200 { break }
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(committed >= 200)
        #expect(committed < 3_000, "the run was interrupted before the end")

        let resume = try RetoldProcess.run(["index", "add", "--db", db, "--format", "json", corpus.path])
        #expect(resume.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(resume.stdout.utf8)) as! [String: Any]
        let duplicates = summary["duplicates"] as! Int, added = summary["added"] as! Int
        #expect(duplicates >= committed)
        #expect(duplicates + added == 3_000)
        #expect(summary["indexed"] as? Int == 3_000)
        // Every document is there exactly once and still searchable.
        let check = try RetoldProcess.run(["index", "stats", "--db", db, "--format", "json"])
        let stats = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as! [String: Any]
        #expect(stats["documents"] as? Int == 3_000)
    }
}
