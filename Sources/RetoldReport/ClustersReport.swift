import Foundation
import RetoldCore
import RetoldIndex

/// The JSON form of `retold clusters` (schema `schemas/retold.clusters.v2.json`: v1 had camelCase
/// keys and three decimals).
public struct ClustersReport: Codable, Sendable, Equatable {
    public static let version = 2
    public var schema = "retold.clusters"
    public var version = ClustersReport.version
    public var indexed: Int
    /// Verified reuse links among the documents the filters admit.
    public var links: Int
    /// Documents not linked yet: their links are missing from these clusters until links are
    /// built (`retold clusters` builds them first; the API's `POST /v1/links`).
    public var pending: Int
    public var minimumCoverage: Double
    public var clusters: [Cluster]

    enum CodingKeys: String, CodingKey {
        case schema, version, indexed, links, pending, clusters
        case minimumCoverage = "minimum_coverage"
    }

    public struct Cluster: Codable, Sendable, Equatable {
        public var size: Int
        /// The earliest member, and what decided it: "published", "containment" or "none".
        public var earliest: Int64
        public var earliestBasis: CopyDirection.Basis
        /// Members, earliest first, then in the order the copy tree reaches them.
        public var members: [SearchReport.DocumentReport]
        /// Who most likely copied from whom: one edge per member but the earliest.
        public var tree: [Edge]

        enum CodingKeys: String, CodingKey {
            case size, earliest, members, tree
            case earliestBasis = "earliest_basis"
        }
    }

    public struct Edge: Codable, Sendable, Equatable {
        public var copy: Int64
        public var source: Int64
        /// "published" (dates), "containment" (the copy lies within the source), or "none"
        /// (the tree needed the link, but nothing says which side came first).
        public var basis: CopyDirection.Basis
        /// Share of the copy found in the source, and of the source found in the copy.
        public var coverageCopy: Double
        public var coverageSource: Double

        enum CodingKeys: String, CodingKey {
            case copy, source, basis
            case coverageCopy = "coverage_copy", coverageSource = "coverage_source"
        }
    }

    public init(_ listing: ClusterListing) {
        let documents = listing.documents
        indexed = listing.indexed
        links = listing.links
        pending = listing.pending
        minimumCoverage = listing.minimumCoverage
        clusters = listing.clusters.map { cluster in
            Cluster(
                size: cluster.members.count, earliest: cluster.earliest, earliestBasis: cluster.earliestBasis,
                members: cluster.members.compactMap { documents[$0].map(SearchReport.DocumentReport.init) },
                tree: cluster.edges.map {
                    Edge(copy: $0.copy, source: $0.source, basis: $0.basis,
                         coverageCopy: ReportNumber.round($0.coverageCopy), coverageSource: ReportNumber.round($0.coverageSource))
                })
        }
    }
}

/// The terminal form of the clusters: each as a tree, the earliest member at the top.
public enum ClustersRenderer {
    public static func render(_ report: ClustersReport, style: TerminalStyle) -> String {
        guard !report.clusters.isEmpty else {
            return "No clusters: no two of the \(report.indexed) indexed documents reuse each other's text.\n"
        }
        let clustered = report.clusters.reduce(0) { $0 + $1.size }
        var out = style.bold("\(report.clusters.count) cluster\(report.clusters.count == 1 ? "" : "s") of copies")
        out += " (\(clustered) of \(report.indexed) indexed documents, \(report.links) verified links)\n"
        for (number, cluster) in report.clusters.enumerated() {
            let byID = Dictionary(cluster.members.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var children: [Int64: [ClustersReport.Edge]] = [:]
            for edge in cluster.tree { children[edge.source, default: []].append(edge) }
            let basis = switch cluster.earliestBasis {
            case .published: "by publication time"
            case .containment: "by agency credit and containment, no dates"
            case .none: "no dates or containment to tell"
            }
            out += "\n" + style.bold("Cluster \(number + 1): \(cluster.size) documents, earliest #\(cluster.earliest)") + " (\(basis))\n"
            func walk(_ id: Int64, _ edge: ClustersReport.Edge?, _ prefix: String, _ last: Bool, _ depth: Int) {
                let connector = depth == 0 ? "" : (last ? "└─ " : "├─ ")
                var line = prefix + connector + describe(byID[id], id)
                if let edge {
                    line += style.dim("  \(CompareRenderer.percent(edge.coverageCopy)) of it from #\(edge.source)")
                    if edge.basis != .none { line += style.dim(", by \(edge.basis.rawValue)") }
                }
                out += "  " + line + "\n"
                let next = children[id] ?? []
                for (i, child) in next.enumerated() {
                    walk(child.copy, child, depth == 0 ? "" : prefix + (last ? "   " : "│  "), i == next.count - 1, depth + 1)
                }
            }
            walk(cluster.earliest, nil, "", true, 0)
        }
        return out
    }

    static func describe(_ document: SearchReport.DocumentReport?, _ id: Int64) -> String {
        guard let document else { return "#\(id)" }
        var parts = ["#\(id)"]
        parts.append(document.title.map { "\"\($0)\"" } ?? document.sourceId)
        var meta: [String] = []
        if let outlet = document.outlet { meta.append(outlet) }
        if let published = document.published { meta.append(published) }
        if !meta.isEmpty { parts.append("(" + meta.joined(separator: ", ") + ")") }
        return parts.joined(separator: " ")
    }
}
