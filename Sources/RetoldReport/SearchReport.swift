import Foundation
import RetoldCore
import RetoldIndex

/// The JSON form of `retold search` (schema `schemas/retold.search.v2.json`: v1 had camelCase keys
/// and three decimals).
public struct SearchReport: Codable, Sendable, Equatable {
    public static let version = 2
    public var schema = "retold.search"
    public var version = SearchReport.version
    public var query: Query
    /// Documents in the index when it was searched.
    public var indexed: Int
    /// Documents proposed by the candidate paths, and how many were aligned to verify them.
    public var candidates: Int
    public var verified: Int
    /// Indexed documents whose text is exactly the query's (listed here, not as results, unless
    /// --include-identical is given).
    public var indexedAs: [Int64]
    public var results: [Result]
    /// The sentence encoder that verified the strongest candidates by meaning as well, when one
    /// was asked for (`--semantic`); absent otherwise.
    public var semanticModel: String?

    enum CodingKeys: String, CodingKey {
        case schema, version, query, indexed, candidates, verified, results
        case indexedAs = "indexed_as", semanticModel = "semantic_model"
    }

    public struct Query: Codable, Sendable, Equatable {
        public var name: String
        public var words: Int
        public var characters: Int
    }

    /// An indexed document as reports show it.
    public struct DocumentReport: Codable, Sendable, Equatable {
        public var id: Int64
        public var sourceId: String
        public var title: String?
        public var url: String?
        public var outlet: String?
        public var published: String?

        enum CodingKeys: String, CodingKey {
            case id, title, url, outlet, published
            case sourceId = "source_id"
        }

        public init(_ document: StoredDocument) {
            id = document.id
            sourceId = document.sourceID
            title = document.title
            url = document.url
            outlet = document.outlet
            published = document.published
        }
    }

    public struct Coverage: Codable, Sendable, Equatable {
        /// Share of the query's text found in the document.
        public var queryInDocument: Double
        /// Share of the document's text found in the query.
        public var documentInQuery: Double

        enum CodingKeys: String, CodingKey {
            case queryInDocument = "query_in_document", documentInQuery = "document_in_query"
        }
    }

    public struct Evidence: Codable, Sendable, Equatable {
        public var sharedBands: Int
        public var sharedAnchors: Int
        public var sharedPassageFeatures: Int

        enum CodingKeys: String, CodingKey {
            case sharedBands = "shared_bands", sharedAnchors = "shared_anchors", sharedPassageFeatures = "shared_passage_features"
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var rank: Int
        public var document: DocumentReport
        public var relationship: Relationship
        public var confidence: Double
        public var score: Double
        public var coverage: Coverage
        /// "document-first" (the indexed document is most likely the query's source),
        /// "query-first" (it most likely copied the query), or "unknown".
        public var direction: Direction
        /// What decided the direction: "published", "containment" or "none".
        public var directionBasis: CopyDirection.Basis
        /// The query's normalized text is exactly this document's.
        public var identical: Bool
        /// "alignment" (aligned sentences) or "shingles" (shared word 5-grams, for text the
        /// sentence aligner cannot pair, such as listings).
        public var verifiedBy: SearchHit.Verifier
        /// True when the alignment also paired sentences by meaning with the sentence encoder.
        public var semantic: Bool
        public var evidence: Evidence
        /// With --passages: the full comparison, query as A and document as B.
        public var comparison: CompareReport?

        enum CodingKeys: String, CodingKey {
            case rank, document, relationship, confidence, score, coverage, direction, identical, evidence, comparison, semantic
            case directionBasis = "direction_basis", verifiedBy = "verified_by"
        }
    }

    /// The report of `result`; `semanticModel` names the encoder when the search used one.
    public init(_ result: SearchResult, queryName: String, query: Document, semanticModel: String? = nil) {
        self.semanticModel = semanticModel
        self.query = Query(name: queryName, words: query.tokens.count, characters: query.original.unicodeScalars.count)
        indexed = result.indexed
        candidates = result.candidates
        verified = result.verified
        indexedAs = result.indexedAs
        results = result.hits.enumerated().map { offset, hit in
            Result(
                rank: offset + 1, document: DocumentReport(hit.document), relationship: hit.relationship,
                confidence: Self.round(hit.confidence), score: Self.round(hit.score),
                coverage: Coverage(queryInDocument: Self.round(hit.coverageQuery), documentInQuery: Self.round(hit.coverageDocument)),
                direction: Direction(hit.direction), directionBasis: hit.directionBasis, identical: hit.identical,
                verifiedBy: hit.verifiedBy, semantic: hit.semantic,
                evidence: Evidence(sharedBands: hit.sharedBands, sharedAnchors: hit.sharedAnchors, sharedPassageFeatures: hit.sharedPassageFeatures),
                comparison: hit.comparison.map { comparison in
                    var report = CompareReport(comparison, nameA: queryName, nameB: "#\(hit.document.id) \(hit.document.sourceID)")
                    if hit.semantic { report.semanticModel = semanticModel }
                    return report
                })
        }
    }

    /// Which side most likely came first, named for a search: A is the query.
    public enum Direction: String, Codable, Sendable, Equatable {
        /// The indexed document is most likely the query's source.
        case documentFirst = "document-first"
        /// The indexed document most likely copied the query.
        case queryFirst = "query-first"
        case unknown

        init(_ direction: CopyDirection) {
            switch direction {
            case .aFirst: self = .queryFirst
            case .bFirst: self = .documentFirst
            case .unknown: self = .unknown
            }
        }
    }

    static func round(_ value: Double) -> Double { ReportNumber.round(value) }
}

/// The terminal form of a search.
public enum SearchRenderer {
    public static func render(_ report: SearchReport, result: SearchResult, style: TerminalStyle) -> String {
        var out = ""
        let name = report.query.name
        if !report.indexedAs.isEmpty {
            out += style.dim("The query's text is indexed as " + report.indexedAs.map { "#\($0)" }.joined(separator: ", ") + ".") + "\n"
        }
        if report.results.isEmpty {
            out += "No indexed document shares text with \(name) (\(report.indexed) indexed, \(report.candidates) candidates checked).\n"
            return out
        }
        out += style.bold("\(report.results.count) indexed document\(report.results.count == 1 ? " shares" : "s share") text with \(name)")
        out += " (\(report.indexed) indexed, \(report.verified) of \(report.candidates) candidates aligned)\n"
        if let model = report.semanticModel {
            let semantic = report.results.filter(\.semantic).count
            out += style.dim("Semantic matching (\(model)): \(semantic) of these results verified by meaning as well as wording.") + "\n"
        }
        out += "\n"
        for (item, hit) in zip(report.results, result.hits) {
            let doc = item.document
            let label = doc.title.map { "\"\($0)\"" } ?? doc.sourceId
            out += style.bold("\(item.rank). #\(doc.id) \(label)") + "\n"
            var meta: [String] = []
            if let outlet = doc.outlet { meta.append(outlet) }
            if let published = doc.published { meta.append(published) }
            if let url = doc.url { meta.append(url) }
            if doc.title != nil { meta.append(doc.sourceId) }
            if !meta.isEmpty { out += "   " + style.dim(meta.joined(separator: " · ")) + "\n" }
            var line = "   \(item.relationship.rawValue)\(item.identical ? " (identical text)" : ""), confidence \(CompareRenderer.format(item.confidence))"
            line += ", score \(CompareRenderer.format(item.score))"
            if item.semantic { line += ", sentences also paired by meaning" }
            out += line + "\n"
            out += "   \(CompareRenderer.percent(item.coverage.queryInDocument)) of the query found in it, "
            out += "\(CompareRenderer.percent(item.coverage.documentInQuery)) of it found in the query\n"
            switch item.direction {
            case .documentFirst: out += "   most likely the query's source (by \(item.directionBasis.rawValue))\n"
            case .queryFirst: out += "   most likely copied from the query (by \(item.directionBasis.rawValue))\n"
            case .unknown: break
            }
            if let comparison = hit.comparison {
                let rendered = CompareRenderer.render(comparison, nameA: name, nameB: "#\(doc.id)", style: style)
                out += rendered.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "   " + $0 }.joined(separator: "\n")
                if !out.hasSuffix("\n") { out += "\n" }
            }
            out += "\n"
        }
        return out
    }
}
