import Foundation
import RetoldTestSupport
import Testing
import RetoldCore
import RetoldIngest
import RetoldEvaluation
@testable import RetoldIndex
import RetoldSQLite

enum StoreTestData {
    static let examples = Repository.root.appendingPathComponent("examples").path

    /// A synthetic news corpus with planted copies (``PlantedCorpus``), written once per test run:
    /// `corpus.jsonl` and `truth.tsv` in the returned folder.
    static let planted: Result<String, any Error> = Result {
        let folder = NSTemporaryDirectory() + "retold-background-\(UUID().uuidString)"
        try PlantedCorpus(.init(documents: 2_000, seed: 5)).write(to: folder)
        return folder
    }

    static func temporaryDatabase() -> String {
        NSTemporaryDirectory() + "retold-test-\(UUID().uuidString).db"
    }

    static func document(_ id: String, _ text: String, outlet: String? = nil, published: String? = nil) -> IngestedDocument {
        IngestedDocument(id: id, origin: .init(path: id), text: text, published: published, outlet: outlet, format: .text, encoding: "utf-8")
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

/// The store interface, on every backend (SQLite, and PostgreSQL when built with it).
@Suite struct IndexStoreTests {
    @Test(arguments: TestBackend.all) func addingTheSameTextTwiceIsANoOp(_ backend: TestBackend) async throws {
        let store = try await backend.makeIndex()
        defer { store.remove() }
        let index = store.index
        let fingerprinter = index.settings.fingerprinter
        let a = PreparedDocument(StoreTestData.document("a", "Seoul said North Korea fired two missiles on Sunday."), fingerprinter: fingerprinter)
        let b = PreparedDocument(StoreTestData.document("b", "Seoul  said North Korea fired two missiles on Sunday."), fingerprinter: fingerprinter)
        let c = PreparedDocument(StoreTestData.document("c", "Tokyo said nothing about the launch.", outlet: "Wire", published: "2024-03-01T10:00:00Z"),
                                 fingerprinter: fingerprinter)
        #expect(try await index.add([a, b]) == [.added(id: 1), .duplicate(of: 1)])
        #expect(try await index.add([a, c]) == [.duplicate(of: 1), .added(id: 2)])
        #expect(try await index.count() == 2)
        let stored = try await index.documents([2, 1, 7], withText: true)
        #expect(stored.map(\.id) == [2, 1], "in the order asked, unknown ids left out")
        #expect(stored.last?.text == "Seoul said North Korea fired two missiles on Sunday.")
        #expect(stored.last?.sourceID == "a")
        #expect(stored.first == StoredDocument(id: 2, sourceID: "c", origin: "c", outlet: "Wire", published: "2024-03-01T10:00:00Z",
                                               publishedAt: 1_709_287_200, words: 6, contentHash: c.fingerprint.contentHash,
                                               text: "Tokyo said nothing about the launch."))
        #expect(try await index.document(contentHash: a.fingerprint.contentHash)?.id == 1)
        #expect(try await index.documentIDs(after: 1, limit: 10) == [2])
        let stats = try await index.stats()
        #expect(stats.documents == 2 && stats.words == 15 && stats.outlets == 1)
        #expect(stats.earliestPublished == "2024-03-01T10:00:00Z")
    }

    @Test(arguments: TestBackend.all) func removeDeletesPostingsAndAllowsReAdding(_ backend: TestBackend) async throws {
        let store = try await backend.makeIndex()
        defer { store.remove() }
        let index = store.index
        let writer = IndexWriter(index: index)
        _ = try await writer.add([StoreTestData.examples])
        let before = try await index.stats()
        #expect(before.documents == 2)
        #expect(try await index.remove(1))
        #expect(try await !index.remove(1))
        let after = try await index.stats()
        #expect(after.documents == 1)
        #expect(try await index.count() == 1)
        #expect(after.bandPostings < before.bandPostings && after.anchorPostings < before.anchorPostings)
        #expect(after.passagePostings < before.passagePostings)
        let again = try await writer.add([StoreTestData.examples])
        #expect(again.progress.added == 1 && again.progress.duplicates == 1)
        let restored = try await index.stats()
        #expect(restored.bandPostings == before.bandPostings && restored.anchorPostings == before.anchorPostings)
        #expect(restored.passagePostings == before.passagePostings)
    }

    @Test(arguments: TestBackend.all) func reopeningWithOtherSettingsIsRefused(_ backend: TestBackend) async throws {
        let store = try await backend.makeIndex()
        defer { store.remove() }
        let other = IndexSettings(Fingerprinter(minHasher: MinHasher(bins: 64)))
        await #expect(throws: IndexError.self) { try await backend.reopen(store.location, settings: other) }
        #expect(try await backend.reopen(store.location).settings.minHashBins == 128)
    }

    /// Links are kept per document: a second update finds nothing to do, and documents added
    /// later are linked to the earlier ones, whatever their ids.
    @Test(arguments: TestBackend.all) func linksAreComputedOncePerDocument(_ backend: TestBackend) async throws {
        let store = try await backend.makeIndex()
        defer { store.remove() }
        let index = store.index
        _ = try await IndexWriter(index: index).add([StoreTestData.examples + "/000_1fa55ddf9ed85ec1.txt"])
        #expect(try await LinkBuilder(index: index).update() == 1)
        #expect(try await index.links().isEmpty)
        #expect(try await index.unlinkedDocumentIDs(after: 0, limit: 10).isEmpty)
        _ = try await IndexWriter(index: index).add([StoreTestData.examples])
        #expect(try await index.unlinkedDocumentIDs(after: 0, limit: 10) == [2])
        #expect(try await LinkBuilder(index: index).update() == 1)
        #expect(try await LinkBuilder(index: index).update() == 0)
        let links = try await index.links()
        #expect(links.count == 1 && links[0].a == 1 && links[0].b == 2 && links[0].relationship == .paraphrase)
        // A link to a removed document goes with it.
        #expect(try await index.remove(2))
        #expect(try await index.links().isEmpty)
    }

    /// A pending document with a smaller id than a linked one (a late commit from a concurrent
    /// writer) is still checked against it.
    @Test func linkScopeAdmitsLinkedDocumentsWhateverTheirIds() {
        let scope = LinkScope(document: 5, pending: [5, 7, 9])
        #expect(scope.admits(3) && scope.admits(8), "linked documents, before and after")
        #expect(!scope.admits(7) && !scope.admits(9), "later pending documents check this one themselves")
        #expect(!scope.admits(5))
    }

    @Test func notADatabaseIsAClearError() async throws {
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        try Data("this is not an index".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try SQLiteIndex(path: path)
        } throws: { error in
            String(describing: error).contains("cannot use the index")
        }
    }
}

@Suite(.serialized) struct SearchTests {
    /// The two examples among 2,000 synthetic news articles (unrelated to them; some are planted
    /// copies of each other), in an index of each backend, built the same way.
    static func corpus(_ backend: TestBackend) async throws -> any DocumentIndex {
        try await SearchCorpora.shared.corpus(backend)
    }

    @Test(arguments: TestBackend.all) func eachExampleFindsTheOtherAtRankOneAsAParaphrase(_ backend: TestBackend) async throws {
        let corpus = try await Self.corpus(backend)
        let searcher = IndexSearcher(index: corpus)
        #expect(try await corpus.count() == 2_002)
        for (query, other) in [("000_1fa55ddf9ed85ec1.txt", "001_b3d10f58ee285008.txt"), ("001_b3d10f58ee285008.txt", "000_1fa55ddf9ed85ec1.txt")] {
            let text = try String(contentsOfFile: StoreTestData.examples + "/" + query, encoding: .utf8)
            let result = try await searcher.search(text)
            #expect(result.indexedAs.count == 1, "the query itself is noted, not listed")
            let first = try #require(result.hits.first)
            #expect(first.document.sourceID.hasSuffix(other))
            #expect(first.relationship == .paraphrase)
            #expect(result.hits.count == 1, "no unrelated document is reported")
        }
    }

    @Test(arguments: TestBackend.all) func aSpunRewriteIsFoundThroughAnchors(_ backend: TestBackend) async throws {
        let corpus = try await Self.corpus(backend)
        // 30% of the words of one example replaced with other words, names and figures kept.
        let original = try String(contentsOfFile: StoreTestData.examples + "/000_1fa55ddf9ed85ec1.txt", encoding: .utf8)
        var generator = Words(seed: 11)
        let spun = original.split(separator: " ").map { word -> String in
            let isAnchor = word.first.map { $0.isUppercase || $0.isNumber } ?? true
            return !isAnchor && UInt64.random(in: 0..<10, using: &generator) < 3 ? "zq\(word.count)x" : String(word)
        }.joined(separator: " ")
        let fingerprint = Fingerprinter().fingerprint(spun)
        let stored = Fingerprinter().fingerprint(original)
        #expect(stored.signature.jaccard(fingerprint.signature) < 0.3, "MinHash alone would miss it")
        let result = try await IndexSearcher(index: corpus).search(spun)
        #expect(result.hits.first?.document.sourceID.hasSuffix("000_1fa55ddf9ed85ec1.txt") == true)
        #expect(result.hits.first.map { $0.sharedAnchors > 0 } == true)
    }

    /// The sentence counts an encoder was asked for, call by call, from any thread.
    final class EncoderCalls: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int] = []
        func record(_ count: Int) { lock.withLock { counts.append(count) } }
        var all: [Int] { lock.withLock { counts } }
    }

    @Test(arguments: TestBackend.all) func sentenceVectorsVerifyOnlyTheStrongestCandidates(_ backend: TestBackend) async throws {
        let corpus = try await Self.corpus(backend)
        let text = try String(contentsOfFile: StoreTestData.examples + "/000_1fa55ddf9ed85ec1.txt", encoding: .utf8)
        func search(semanticCandidates: Int) async throws -> (SearchResult, [Int]) {
            let calls = EncoderCalls()
            var options = SearchOptions()
            options.semanticCandidates = semanticCandidates
            // Vectors that match nothing: what is tested is which documents get encoded and how
            // the hits say so, not the encoder.
            options.sentenceVectors = { sentences in
                calls.record(sentences.count)
                return sentences.map { _ in [0, 0, 0, 0] }
            }
            return (try await IndexSearcher(index: corpus).search(text, options: options), calls.all)
        }
        // The strongest candidate is the query's own indexed text (every band shared): with one
        // semantic candidate only it is encoded after the query (15 sentences each), and the
        // other example's hit is verified by wording alone.
        let (one, oneCalls) = try await search(semanticCandidates: 1)
        #expect(one.verified == 2)
        #expect(oneCalls == [15, 15])
        let hit = try #require(one.hits.first)
        #expect(hit.document.sourceID.hasSuffix("001_b3d10f58ee285008.txt"))
        #expect(hit.relationship == .paraphrase)
        #expect(!hit.semantic)
        // With two, the other example (42 sentences) is encoded too, and its hit says so.
        let (two, twoCalls) = try await search(semanticCandidates: 2)
        #expect(twoCalls.first == 15 && twoCalls.dropFirst().sorted() == [15, 42])
        #expect(two.hits.first?.semantic == true)
        #expect(two.hits.first?.relationship == .paraphrase)
        #expect(try await IndexSearcher(index: corpus).search(text).hits.first?.semantic == false)
    }

    @Test(arguments: TestBackend.all) func filtersApplyBeforeVerification(_ backend: TestBackend) async throws {
        let corpus = try await Self.corpus(backend)
        let text = try String(contentsOfFile: StoreTestData.examples + "/000_1fa55ddf9ed85ec1.txt", encoding: .utf8)
        var options = SearchOptions()
        options.filter.publishedFrom = 0  // nothing here has a date
        #expect(try await IndexSearcher(index: corpus).search(text, options: options).hits.isEmpty)
        options = SearchOptions()
        options.filter.excludedIDs = [2]
        #expect(try await IndexSearcher(index: corpus).search(text, options: options).hits.isEmpty)
    }

    @Test(arguments: TestBackend.all) func clustersLinkTheExamples(_ backend: TestBackend) async throws {
        let corpus = try await Self.corpus(backend)
        try await LinkBuilder(index: corpus).update()
        let links = try await corpus.links()
        #expect(links.contains { $0.a == 1 && $0.b == 2 && $0.relationship == .paraphrase })
        // The link keeps the model's probability of derivation beside the verdict's confidence.
        let example = try #require(links.first { $0.a == 1 && $0.b == 2 })
        let documents = try await corpus.documents([1, 2], withText: true)
        var analyzer = TextAnalyzer()
        // Link building searches each document against the ones before it: 2 is the query.
        let comparison = Comparer().compare(analyzer.analyze(documents[1].text!), analyzer.analyze(documents[0].text!))
        #expect(example.reuseProbability == comparison.decision.reuseProbability)
        #expect(example.confidence == comparison.confidence)
        #expect(try await corpus.unlinkedDocumentIDs(after: 0, limit: 10).isEmpty)
        let clusters = ReuseClusters.build(
            members: [.init(id: 1, publishedAt: nil), .init(id: 2, publishedAt: nil)],
            links: links.map { .init(a: $0.a, b: $0.b, coverageA: $0.coverageA, coverageB: $0.coverageB) })
        #expect(clusters.count == 1 && Set(clusters[0].members) == [1, 2])
    }

    /// The same corpus gives the same answers on every backend: the same hits, in the same order,
    /// with the same evidence and coverage, for the examples and 60 planted copies.
    @Test func everyBackendGivesTheSameSearchResults() async throws {
        let folder = try StoreTestData.planted.get()
        let copies = try PlantedCorpus.readTruth(folder + "/truth.tsv").filter { $0.kind != .original }.prefix(60).map(\.id)
        var texts: [String: String] = [:]
        _ = try DocumentReader().read([folder + "/corpus.jsonl"]) { texts[$0.id] = $0.text }
        let queries = try [StoreTestData.examples + "/000_1fa55ddf9ed85ec1.txt", StoreTestData.examples + "/001_b3d10f58ee285008.txt"]
            .map { try String(contentsOfFile: $0, encoding: .utf8) }
            + copies.map { texts[$0]! }
        #expect(queries.count == 62)
        var answers: [TestBackend: [String]] = [:]
        for backend in TestBackend.all {
            let searcher = IndexSearcher(index: try await Self.corpus(backend))
            var lines: [String] = []
            for query in queries {
                let result = try await searcher.search(query, options: SearchOptions(limit: 20, withPassages: true))
                var line = "\(result.candidates)/\(result.verified)/\(result.indexed)/\(result.indexedAs):"
                for hit in result.hits {
                    let document = hit.document
                    line += " \(document.id) \(document.sourceID) \(hit.relationship.rawValue) \(hit.confidence)"
                    line += " \(hit.coverageQuery) \(hit.coverageDocument) \(hit.sharedBands)/\(hit.sharedAnchors)/\(hit.sharedPassageFeatures)"
                    line += " \(hit.comparison?.passages.count ?? -1);"
                }
                lines.append(line)
            }
            answers[backend] = lines
        }
        #expect(answers[.sqlite]!.allSatisfy { $0.hasSuffix(";") }, "every query finds its copies")
        for backend in TestBackend.all where backend != .sqlite {
            for (sqlite, other) in zip(answers[.sqlite]!, answers[backend]!) {
                #expect(sqlite == other, "\(backend)")
            }
        }
    }
}

/// The search corpora, built once per backend for the whole run, by the first test that asks.
actor SearchCorpora {
    static let shared = SearchCorpora()
    private var built: [TestBackend: Task<TestIndex, any Error>] = [:]

    func corpus(_ backend: TestBackend) async throws -> any DocumentIndex {
        if let building = built[backend] { return try await building.value.index }
        let building = Task {
            let store = try await backend.makeIndex()
            _ = try await IndexWriter(index: store.index).add([StoreTestData.examples, try StoreTestData.planted.get() + "/corpus.jsonl"])
            return store
        }
        built[backend] = building
        return try await building.value.index
    }
}
