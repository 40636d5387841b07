import Foundation
import Testing
import RetoldCore
import RetoldEvaluation
import RetoldIngest
@testable import RetoldIndex
import RetoldSQLite

/// The synthetic corpus behind the index benchmark, and the benchmark's scoring, at a size a
/// test can afford.
@Suite struct PlantedCorpusTests {
    static func generate(_ documents: Int, seed: UInt64 = 11) throws -> String {
        let folder = NSTemporaryDirectory() + "retold-planted-\(UUID().uuidString)"
        try PlantedCorpus(.init(documents: documents, seed: seed)).write(to: folder)
        return folder
    }

    static func texts(_ folder: String) throws -> [String: String] {
        var texts: [String: String] = [:]
        let summary = try DocumentReader().read([folder + "/corpus.jsonl"]) { texts[$0.id] = $0.text }
        #expect(summary.issues.isEmpty)
        return texts
    }

    @Test func sameSeedSameBytesOtherSeedOtherCorpus() async throws {
        let a = try Self.generate(300), b = try Self.generate(300), c = try Self.generate(300, seed: 12)
        defer { for folder in [a, b, c] { try? FileManager.default.removeItem(atPath: folder) } }
        for file in ["/corpus.jsonl", "/truth.tsv"] {
            let first = try Data(contentsOf: URL(fileURLWithPath: a + file))
            #expect(first == (try Data(contentsOf: URL(fileURLWithPath: b + file))))
            #expect(first != (try Data(contentsOf: URL(fileURLWithPath: c + file))))
        }
    }

    @Test func plantsEveryKindAndKeepsFiguresInRewrites() async throws {
        let folder = try Self.generate(2_000)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let truth = try PlantedCorpus.readTruth(folder + "/truth.tsv")
        let texts = try Self.texts(folder)
        #expect(truth.count == 2_000 && texts.count == 2_000)
        #expect(Set(truth.map(\.id)) == Set(texts.keys))
        let byKind = Dictionary(grouping: truth, by: \.kind)
        for kind in PlantedCorpus.Kind.allCases { #expect((byKind[kind]?.count ?? 0) > 20, "\(kind)") }
        let copies = truth.count - (byKind[.original]?.count ?? 0)
        #expect(copies > 250 && copies < 550)  // about a fifth of the corpus

        let originals = Dictionary(uniqueKeysWithValues: byKind[.original]!.map { ($0.family, $0.id) })
        var analyzer = TextAnalyzer()
        for rewrite in byKind[.rewrite]! {
            #expect(rewrite.changed >= 0.15 && rewrite.changed <= 0.45, "\(rewrite.id) \(rewrite.changed)")
            let original = try #require(originals[rewrite.family])
            let copy = analyzer.analyze(texts[rewrite.id]!), source = analyzer.analyze(texts[original]!)
            // Figures survive spinning, every one of them.
            let figures = { (document: Document) in Set(document.tokens.filter { $0.flags.contains(.hasDigit) }.map(\.key)) }
            #expect(figures(source).isSubset(of: figures(copy)), "\(rewrite.id)")
            // And about the planted share of words is gone.
            let shared = Set(source.tokens.map(\.key)).intersection(copy.tokens.map(\.key)).count
            #expect(shared < Set(source.tokens.map(\.key)).count)
        }
        for verbatim in byKind[.verbatim]! {
            // Same story, different page furniture: never byte-identical (that would be a duplicate).
            // (Each outlet keeps its own quotation marks, straight or curly.)
            func straight(_ text: String) -> String {
                text.replacingOccurrences(of: "\u{201C}", with: "\"").replacingOccurrences(of: "\u{201D}", with: "\"")
            }
            let original = straight(texts[originals[verbatim.family]!]!), copy = straight(texts[verbatim.id]!)
            #expect(original != copy)
            let body = original.components(separatedBy: "\n\nCopyright").first!
            #expect(copy.contains(body), "\(verbatim.id)")
        }
    }

    @Test func searchFindsPlantedCopiesAndNothingUnrelated() async throws {
        let folder = try Self.generate(1_500)
        let path = StoreTestData.temporaryDatabase()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            StoreTestData.remove(path)
        }
        let index = try SQLiteIndex(path: path)
        let summary = try await IndexWriter(index: index).add([folder + "/corpus.jsonl"])
        #expect(summary.progress.added == 1_500 && summary.issues.isEmpty)
        let truth = try PlantedCorpus.readTruth(folder + "/truth.tsv")
        let report = try await PlantedEvaluation(corpus: folder + "/corpus.jsonl", truth: truth).run(index: index, queries: 120)
        #expect(report.queries == 120)
        #expect(report.groups.map(\.name) == ["verbatim", "edited", "rewrite 20-30%", "rewrite 30-40%", "unrelated"])
        for group in report.groups where group.name != "unrelated" {
            #expect(group.queries > 0 && group.recall >= 0.9, "\(group.name): \(group.originalFound)/\(group.queries)")
        }
        #expect(report.groups[0].recall == 1)
        #expect(report.precision >= 0.95, "\(report.misses)")
        #expect(report.queryIDs.count == 120)
    }
}
