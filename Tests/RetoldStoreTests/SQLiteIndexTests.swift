import Foundation
import Testing
import RetoldCore
import RetoldIngest
@testable import RetoldStore

enum StoreTestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repositoryRoot.appendingPathComponent("examples").path
    static let pan = repositoryRoot.appendingPathComponent("../shared/data/pan13-no-obfuscation").standardizedFileURL.path

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

@Suite struct SQLiteIndexTests {
    @Test func addingTheSameTextTwiceIsANoOp() throws {
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        let index = try SQLiteIndex(path: path)
        let fingerprinter = index.settings.fingerprinter
        let a = PreparedDocument(StoreTestData.document("a", "Seoul said North Korea fired two missiles on Sunday."), fingerprinter: fingerprinter)
        let b = PreparedDocument(StoreTestData.document("b", "Seoul  said North Korea fired two missiles on Sunday."), fingerprinter: fingerprinter)
        #expect(try index.add([a, b]) == [.added(id: 1), .duplicate(of: 1)])
        #expect(try index.add([a]) == [.duplicate(of: 1)])
        #expect(try index.count() == 1)
        let stored = try index.documents([1], withText: true)
        #expect(stored.first?.text == "Seoul said North Korea fired two missiles on Sunday.")
        #expect(stored.first?.sourceID == "a")
    }

    @Test func removeDeletesPostingsAndAllowsReAdding() throws {
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        let index = try SQLiteIndex(path: path)
        let writer = IndexWriter(index: index)
        _ = try writer.add([StoreTestData.examples])
        let before = try index.stats()
        #expect(before.documents == 2)
        #expect(try index.remove(1))
        #expect(try !index.remove(1))
        let after = try index.stats()
        #expect(after.documents == 1)
        #expect(after.bandPostings < before.bandPostings && after.anchorPostings < before.anchorPostings)
        #expect(after.passagePostings < before.passagePostings)
        let again = try writer.add([StoreTestData.examples])
        #expect(again.progress.added == 1 && again.progress.duplicates == 1)
        #expect(try index.stats().bandPostings == before.bandPostings)
    }

    @Test func reopeningWithOtherSettingsIsRefused() throws {
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        _ = try SQLiteIndex(path: path)
        let other = IndexSettings(Fingerprinter(minHasher: MinHasher(bins: 64)))
        #expect(throws: IndexError.self) { try SQLiteIndex(path: path, settings: other) }
        #expect(try SQLiteIndex(path: path).settings.minHashBins == 128)
    }

    @Test func notADatabaseIsAClearError() throws {
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
    /// The two examples among the PAN-13 source documents (about 2,000 unrelated texts).
    static let corpus: (path: String, index: SQLiteIndex) = {
        let path = StoreTestData.temporaryDatabase()
        let index = try! SQLiteIndex(path: path)
        _ = try! IndexWriter(index: index).add([StoreTestData.examples, StoreTestData.pan + "/src"])
        return (path, index)
    }()

    @Test func eachExampleFindsTheOtherAtRankOneAsAParaphrase() throws {
        let searcher = IndexSearcher(index: Self.corpus.index)
        #expect(try Self.corpus.index.count() > 1_900)
        for (query, other) in [("000_1fa55ddf9ed85ec1.txt", "001_b3d10f58ee285008.txt"), ("001_b3d10f58ee285008.txt", "000_1fa55ddf9ed85ec1.txt")] {
            let text = try String(contentsOfFile: StoreTestData.examples + "/" + query, encoding: .utf8)
            let result = try searcher.search(text)
            #expect(result.indexedAs.count == 1, "the query itself is noted, not listed")
            let first = try #require(result.hits.first)
            #expect(first.document.sourceID.hasSuffix(other))
            #expect(first.relationship == .paraphrase)
            #expect(result.hits.count == 1, "no unrelated document is reported")
        }
    }

    @Test func aSpunRewriteIsFoundThroughAnchors() throws {
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
        let result = try IndexSearcher(index: Self.corpus.index).search(spun)
        #expect(result.hits.first?.document.sourceID.hasSuffix("000_1fa55ddf9ed85ec1.txt") == true)
        #expect(result.hits.first.map { $0.sharedAnchors > 0 } == true)
    }

    @Test func filtersApplyBeforeVerification() throws {
        let text = try String(contentsOfFile: StoreTestData.examples + "/000_1fa55ddf9ed85ec1.txt", encoding: .utf8)
        var options = SearchOptions()
        options.filter.publishedFrom = 0  // nothing here has a date
        #expect(try IndexSearcher(index: Self.corpus.index).search(text, options: options).hits.isEmpty)
        options = SearchOptions()
        options.filter.excludedIDs = [2]
        #expect(try IndexSearcher(index: Self.corpus.index).search(text, options: options).hits.isEmpty)
    }

    @Test func clustersLinkTheExamples() throws {
        try LinkBuilder(index: Self.corpus.index).update()
        let links = try Self.corpus.index.links()
        #expect(links.contains { $0.a == 1 && $0.b == 2 && $0.relationship == .paraphrase })
        #expect(try Self.corpus.index.linkWatermark() == Self.corpus.index.documentIDs(after: 0, limit: 10_000).last)
        let clusters = ReuseClusters.build(
            members: [.init(id: 1, publishedAt: nil), .init(id: 2, publishedAt: nil)],
            links: links.map { .init(a: $0.a, b: $0.b, coverageA: $0.coverageA, coverageB: $0.coverageB) })
        #expect(clusters.count == 1 && Set(clusters[0].members) == [1, 2])
    }

    /// Source retrieval on PAN-13: each reused passage, searched on its own, has its gold source at rank 1.
    @Test func panPassagesFindTheirSourceFirst() throws {
        let path = StoreTestData.temporaryDatabase()
        defer { StoreTestData.remove(path) }
        let index = try SQLiteIndex(path: path)
        _ = try IndexWriter(index: index).add([StoreTestData.pan + "/src"])
        let report = try SearchEvaluationProbe.run(index)
        #expect(report.passages >= 600)
        #expect(Double(report.passagesRank1) / Double(report.passages) >= 0.99)
        #expect(Double(report.documentsFound) / Double(report.goldPairs) >= 0.95)
    }
}

import RetoldEvaluation

enum SearchEvaluationProbe {
    static func run(_ index: SQLiteIndex) throws -> SearchEvaluation.Report {
        try SearchEvaluation(folder: StoreTestData.pan).run(index: index)
    }
}
