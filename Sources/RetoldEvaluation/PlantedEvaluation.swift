import Foundation
import RetoldCore
import RetoldIngest
import RetoldIndex

/// Search quality and speed on an index of a `PlantedCorpus`: each query is an indexed
/// document searched as a user would (its text, nothing else). A planted copy must find its
/// original (recall, per kind of copy); every hit outside the query's family is a false positive
/// (precision); unrelated originals are queried too, where any hit is wrong.
public struct PlantedEvaluation: Sendable {
    public struct Group: Sendable, Encodable {
        public var name: String
        public var queries = 0
        /// Queries whose family's original was among the hits.
        public var originalFound = 0
        public var hits = 0
        public var falseHits = 0
        /// How the hit on the original was classified (relationship → count).
        public var relationships: [String: Int] = [:]

        public var recall: Double { queries == 0 ? 0 : Double(originalFound) / Double(queries) }
    }

    public struct Report: Sendable, Encodable {
        public var documents: Int
        public var queries: Int
        /// The queries' ids, in order, for running the same queries through another tool.
        public var queryIDs: [String]
        public var groups: [Group]
        public var hits: Int
        public var falseHits: Int
        public var precision: Double
        public var p50Milliseconds: Double
        public var p99Milliseconds: Double
        public var meanMilliseconds: Double
        /// Copies whose original was not found, and false hits, for reading.
        public var misses: [String]
    }

    public let corpus: String
    public let truth: [PlantedCorpus.Member]

    public init(corpus: String, truth: [PlantedCorpus.Member]) {
        self.corpus = corpus
        self.truth = truth
    }

    /// Group names, in report order.
    static let groupNames = ["verbatim", "edited", "rewrite 20-30%", "rewrite 30-40%", "unrelated"]

    static func group(of member: PlantedCorpus.Member) -> String? {
        switch member.kind {
        case .verbatim: return "verbatim"
        case .edited: return "edited"
        case .rewrite: return member.changed < 0.3 ? "rewrite 20-30%" : "rewrite 30-40%"
        case .original: return nil
        }
    }

    /// The queries: of every 1,000, 200 verbatim copies, 250 edited, 300 rewrites and 250
    /// originals that have no copies, drawn with a fixed seed.
    public func queries(count: Int, seed: UInt64 = 7) -> [PlantedCorpus.Member] {
        let familySizes = Dictionary(grouping: truth, by: \.family).mapValues(\.count)
        var random = SeededRandom(seed: seed)
        func draw(_ members: [PlantedCorpus.Member], _ share: Double) -> [PlantedCorpus.Member] {
            var pool = members
            for i in stride(from: pool.count - 1, to: 0, by: -1) { pool.swapAt(i, random.below(i + 1)) }
            return Array(pool.prefix(Int((Double(count) * share).rounded())))
        }
        return draw(truth.filter { $0.kind == .verbatim }, 0.2)
            + draw(truth.filter { $0.kind == .edited }, 0.25)
            + draw(truth.filter { $0.kind == .rewrite }, 0.3)
            + draw(truth.filter { $0.kind == .original && familySizes[$0.family] == 1 }, 0.25)
    }

    public func run(index: any DocumentIndex, queries count: Int = 1_000, options: SearchOptions = SearchOptions()) async throws -> Report {
        let chosen = queries(count: count)
        let wanted = Set(chosen.map(\.id))
        var texts: [String: String] = [:]
        _ = try DocumentReader().read([corpus]) { document in
            if wanted.contains(document.id) { texts[document.id] = document.text }
        }
        let byID = Dictionary(uniqueKeysWithValues: truth.map { ($0.id, $0) })
        var originals: [Int: String] = [:]
        for member in truth where member.kind == .original { originals[member.family] = member.id }

        let documents = try await index.count()
        let searcher = IndexSearcher(index: index, documentCount: documents)
        var groups = Dictionary(uniqueKeysWithValues: Self.groupNames.map { ($0, Group(name: $0)) })
        var times: [Double] = []
        var misses: [String] = []
        for query in chosen {
            guard let text = texts[query.id] else { throw PlantedEvaluationError.missingQuery(query.id) }
            let began = DispatchTime.now().uptimeNanoseconds
            let result = try await searcher.search(text, options: options)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - began) / 1e6)

            let name = Self.group(of: query) ?? "unrelated"
            var group = groups[name]!
            group.queries += 1
            let original = originals[query.family]
            for hit in result.hits {
                group.hits += 1
                let member = byID[hit.document.sourceID]
                if member?.family != query.family {
                    group.falseHits += 1
                    misses.append("false hit: \(query.id) -> \(hit.document.sourceID) (\(hit.relationship.rawValue), coverage \(String(format: "%.2f/%.2f", hit.coverageQuery, hit.coverageDocument)))")
                } else if hit.document.sourceID == original, query.kind != .original {
                    group.originalFound += 1
                    group.relationships[hit.relationship.rawValue, default: 0] += 1
                }
            }
            if query.kind != .original, !result.hits.contains(where: { $0.document.sourceID == original }) {
                misses.append("missed: \(query.id) (\(name), \(String(format: "%.0f%%", query.changed * 100)) changed) -> \(original ?? "?")")
            }
            groups[name] = group
        }
        let ordered = Self.groupNames.compactMap { groups[$0] }
        let hits = ordered.reduce(0) { $0 + $1.hits }, falseHits = ordered.reduce(0) { $0 + $1.falseHits }
        let sorted = times.sorted()
        return Report(documents: documents, queries: chosen.count, queryIDs: chosen.map(\.id), groups: ordered, hits: hits, falseHits: falseHits,
                      precision: hits == 0 ? 1 : Double(hits - falseHits) / Double(hits),
                      p50Milliseconds: percentile(sorted, 0.5), p99Milliseconds: percentile(sorted, 0.99),
                      meanMilliseconds: times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count), misses: misses)
    }
}

public enum PlantedEvaluationError: Error, CustomStringConvertible {
    case missingQuery(String)

    public var description: String {
        switch self {
        case .missingQuery(let id): return "document \(id) is in truth.tsv but not in the corpus file"
        }
    }
}
