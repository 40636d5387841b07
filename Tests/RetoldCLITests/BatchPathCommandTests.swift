import Foundation
import RetoldCore
import RetoldIndex
import RetoldSQLite
import RetoldTestSupport
import Testing

/// The commands a batch job runs instead of an index (docs/spark.md): fingerprint lines, pairs
/// verified as link building verifies them, clusters from link files, and links imported into
/// an index. Each is held to what the index path gives on the same documents.
@Suite(.serialized) struct BatchPathCommandTests {
    func temporaryDirectory() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("retold-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func objects(_ jsonLines: String) throws -> [[String: Any]] {
        try jsonLines.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func fingerprintLinesHoldTheIndexFingerprint() throws {
        let run = try RetoldProcess.run(["fingerprint", "examples", "--with-text"])
        #expect(run.status == 0)
        #expect(run.stderr == "retold: 2 documents fingerprinted\n")
        let schema = try Repository.schema("retold.fingerprint.v1.json")
        for line in run.stdout.split(separator: "\n") { try schema.validate(JSONValue.parse(String(line))) }
        let lines = try objects(run.stdout)
        #expect(lines.map { $0["source_id"] as? String } == ["examples/000_1fa55ddf9ed85ec1.txt", "examples/001_b3d10f58ee285008.txt"])
        let fingerprinter = IndexSettings(Fingerprinter()).fingerprinter
        for line in lines {
            let text = try #require(line["text"] as? String)
            let fingerprint = fingerprinter.fingerprint(text)
            #expect(line["content_hash"] as? String == fingerprint.contentHash.description)
            #expect(line["words"] as? Int == fingerprint.words)
            #expect((line["band_keys"] as? [NSNumber])?.map(\.int64Value) == fingerprint.bandKeys)
            #expect((line["anchor_keys"] as? [NSNumber])?.map(\.int64Value) == fingerprint.anchorKeys)
            #expect((line["passage_keys"] as? [NSNumber])?.map(\.int64Value) == fingerprint.passageKeys)
            #expect(line["credit"] as? Bool == StoryCredit.isCarried(by: text))
        }
        let listed = try RetoldProcess.run(["fingerprint", "--list-files", "examples"])
        #expect(listed.stdout == "examples/000_1fa55ddf9ed85ec1.txt\nexamples/001_b3d10f58ee285008.txt\n")
    }

    @Test func badRecordsAreReportedAndReadingGoesOn() throws {
        let input = """
            {"id": "a", "text": "Rain fell on Tuesday.", "published": "2024-03-01T10:00:00Z", "outlet": "Wire"}
            {"id": "b", "text":
            {"id": "c", "text": "..."}
            {"id": "d", "text": "Rain fell again on Wednesday."}

            """
        let run = try RetoldProcess.run(["fingerprint", "-"], stdin: input)
        #expect(run.status == 1)
        let lines = try objects(run.stdout)
        #expect(lines.map { $0["source_id"] as? String } == ["a", "d"])
        #expect(lines[0]["published_at"] as? Double == 1_709_287_200)
        #expect(lines[0]["outlet"] as? String == "Wire")
        #expect(lines[0]["text"] == nil)
        let problems = run.stderr.split(separator: "\n")
        #expect(problems == ["retold: <stdin>:3: no words to index", "retold: <stdin>:2: not valid JSON",
                             "retold: 2 documents fingerprinted, 2 problems"])
    }

    @Test func pairsVerifiedAsLinksMatchTheSharedVerifier() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = try String(contentsOfFile: "examples/001_b3d10f58ee285008.txt", encoding: .utf8)
        let b = try String(contentsOfFile: "examples/000_1fa55ddf9ed85ec1.txt", encoding: .utf8)
        let pairs = dir.appendingPathComponent("pairs.jsonl")
        try "{\"id\": \"p\", \"a_path\": \"examples/001_b3d10f58ee285008.txt\", \"b_path\": \"examples/000_1fa55ddf9ed85ec1.txt\"}\n"
            .write(to: pairs, atomically: true, encoding: .utf8)
        let run = try RetoldProcess.run(["compare", "--pairs", pairs.path, "--as-link"])
        #expect(run.status == 0)
        // JSONDecoder, not JSONSerialization: the latter can read a double one bit off.
        struct Line: Decodable {
            var id: String, reuse: Bool, relationship: String, confidence: Double, score: Double
            var coverage_a: Double, coverage_b: Double, reuse_probability: Double, verified_by: String
        }
        let line = try JSONDecoder().decode(Line.self, from: Data(run.stdout.utf8))
        var analyzer = TextAnalyzer()
        let query = analyzer.analyze(a), candidate = analyzer.analyze(b)
        let expected = ReuseVerification.verify(query: query, queryShingles: Set(WordShingles.hashes(query.tokens, size: 5)),
                                                candidate: candidate, shingleSize: 5, comparer: ReuseVerification.linkComparer)
        #expect(line.id == "p")
        #expect(line.reuse == expected.relationship.isReuse)
        #expect(line.relationship == expected.relationship.rawValue)
        #expect(line.coverage_a == expected.coverageQuery)
        #expect(line.coverage_b == expected.coverageCandidate)
        #expect(line.confidence == expected.confidence)
        #expect(line.reuse_probability == expected.reuseProbability)
        #expect(line.score == expected.score)
        #expect(line.verified_by == expected.verifiedBy.rawValue)
        #expect(expected.relationship == .paraphrase)

        let misuse = try RetoldProcess.run(["compare", "examples/000_1fa55ddf9ed85ec1.txt", "examples/001_b3d10f58ee285008.txt", "--as-link"])
        #expect(misuse.status == 2)
    }

    /// A planted corpus indexed and linked, and its links and documents written as a batch job
    /// writes them (read straight from the index).
    func linkedCorpus(_ dir: URL) async throws -> (db: String, corpus: String, links: String, documents: String) {
        let planted = dir.appendingPathComponent("planted").path
        #expect(try RetoldProcess.run(["eval", "planted", "generate", "--documents", "120", "--out", planted]).status == 0)
        let corpus = planted + "/corpus.jsonl"
        let db = dir.appendingPathComponent("index.db").path
        #expect(try RetoldProcess.run(["index", "add", corpus, "--db", db]).status == 0)
        #expect(try RetoldProcess.run(["clusters", "--db", db, "--format", "json"]).status == 0)
        let index = try SQLiteIndex(path: db)
        let links = try await index.links()
        let ids = try await index.documentIDs(after: 0, limit: 10_000)
        let documents = try await index.documents(ids, withText: true)
        let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
        func string(_ object: [String: Any?]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object.compactMapValues { $0 }, options: [.sortedKeys]), as: UTF8.self)
        }
        let linkLines = try links.map { link in
            try string(["a": link.a, "b": link.b, "a_source_id": byID[link.a]!.sourceID, "b_source_id": byID[link.b]!.sourceID,
                        "a_content_hash": byID[link.a]!.contentHash.description, "b_content_hash": byID[link.b]!.contentHash.description,
                        "relationship": link.relationship.rawValue, "coverage_a": link.coverageA, "coverage_b": link.coverageB,
                        "confidence": link.confidence, "reuse_probability": link.reuseProbability])
        }
        // Links are written out of order, as parts of a batch job come back.
        let linksFile = dir.appendingPathComponent("links.jsonl").path
        try (linkLines.reversed().joined(separator: "\n") + "\n").write(toFile: linksFile, atomically: true, encoding: .utf8)
        let documentLines = try documents.reversed().map { document in
            try string(["id": document.id, "source_id": document.sourceID, "origin": document.origin, "content_hash": document.contentHash.description,
                        "words": document.words, "published": document.published, "published_at": document.publishedAt,
                        "outlet": document.outlet, "title": document.title, "url": document.url,
                        "credit": document.publishedAt == nil && StoryCredit.isCarried(by: document.text ?? "")])
        }
        let documentsFile = dir.appendingPathComponent("documents.jsonl").path
        try (documentLines.joined(separator: "\n") + "\n").write(toFile: documentsFile, atomically: true, encoding: .utf8)
        #expect(links.count > 10)
        return (db, corpus, linksFile, documentsFile)
    }

    @Test func clustersFromLinkFilesAreTheIndexClusters() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try await linkedCorpus(dir)
        let fromIndex = try RetoldProcess.run(["clusters", "--db", corpus.db, "--format", "json"])
        let fromFiles = try RetoldProcess.run(["clusters", "--links", corpus.links, "--documents", corpus.documents, "--format", "json"])
        #expect(fromFiles.status == 0)
        #expect(fromFiles.stdout == fromIndex.stdout)
        #expect(try JSONValue.parse(fromFiles.stdout)["clusters"] != JSONValue.parse("[]"))
        let text = try RetoldProcess.run(["clusters", "--links", corpus.links, "--documents", corpus.documents, "--color", "never"])
        #expect(text.stdout == (try RetoldProcess.run(["clusters", "--db", corpus.db, "--color", "never"])).stdout)

        let alone = try RetoldProcess.run(["clusters", "--links", corpus.links])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("--links and --documents go together"))
    }

    @Test func importedLinksListTheSameClusters() async throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = try await linkedCorpus(dir)
        let fresh = dir.appendingPathComponent("fresh.db").path
        #expect(try RetoldProcess.run(["index", "add", corpus.corpus, "--db", fresh]).status == 0)
        let imported = try RetoldProcess.run(["index", "import-links", corpus.links, "--documents", corpus.documents, "--db", fresh])
        #expect(imported.status == 0)
        let links = try String(contentsOfFile: corpus.links, encoding: .utf8).split(separator: "\n").count
        let documents = try String(contentsOfFile: corpus.documents, encoding: .utf8).split(separator: "\n").count
        #expect(imported.stderr == "retold: \(links) links imported, \(documents) documents marked linked\n")
        let expected = try RetoldProcess.run(["clusters", "--db", corpus.db, "--format", "json"]).stdout
        #expect(try RetoldProcess.run(["clusters", "--db", fresh, "--format", "json"]).stdout == expected)

        // A link to a text the index does not hold is reported, and the rest still imported.
        let stray = dir.appendingPathComponent("stray.jsonl").path
        try ("{\"a\": 1, \"b\": 2, \"a_source_id\": \"x\", \"b_source_id\": \"y\", \"a_content_hash\": \"00000000000000000000000000000000\", "
             + "\"b_content_hash\": \"00000000000000000000000000000001\", \"relationship\": \"verbatim-copy\", \"coverage_a\": 1, "
             + "\"coverage_b\": 1, \"confidence\": 1, \"reuse_probability\": 1}\n").write(toFile: stray, atomically: true, encoding: .utf8)
        let rejected = try RetoldProcess.run(["index", "import-links", stray, "--db", fresh])
        #expect(rejected.status == 1)
        #expect(rejected.stderr == "retold: link x - y: the index does not hold x\nretold: 0 links imported, 0 documents marked linked, 1 skipped\n")
    }
}
