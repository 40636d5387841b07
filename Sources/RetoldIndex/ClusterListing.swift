import RetoldCore

/// The clusters of an index as its stored links make them, read-only: links are built by
/// ``LinkBuilder`` (`retold clusters`, or the API's `POST /v1/links`), never by a listing, so
/// reading clusters needs no write access and a slow link build never hides inside a read.
public struct ClusterListing: Sendable {
    public var clusters: [ReuseClusters.Cluster]
    /// The clustered documents, by id (metadata only).
    public var documents: [Int64: StoredDocument]
    /// Documents in the index, links among the documents the filter admits, and documents not
    /// linked yet (their links are missing from these clusters).
    public var indexed: Int
    public var links: Int
    public var pending: Int
    public var minimumCoverage: Double

    public init(index: any DocumentIndex, filter: DocumentFilter, minimumCoverage: Double) async throws {
        let links = try await index.links()
        let ids = Array(Set(links.flatMap { [$0.a, $0.b] })).sorted()
        let read = try await ClusterMembers.read(ids, from: index).filter { filter.admits($0.document) }
        self.init(members: read, links: links, indexed: try await index.count(),
                  pending: try await LinkBuilder(index: index).pendingCount(), minimumCoverage: minimumCoverage)
    }

    /// Clusters of links computed elsewhere (a batch job's), over the members they join: the
    /// same clusters an index holding those documents and links lists. `members` are in id
    /// order and `links` in (a, b) order, as an index reads them.
    public init(members read: [(document: StoredDocument, member: ReuseClusters.Member)], links: [StoredLink],
                indexed: Int, pending: Int, minimumCoverage: Double) {
        let byID = Dictionary(uniqueKeysWithValues: read.map { ($0.document.id, $0.document) })
        let admitted = links.filter { byID[$0.a] != nil && byID[$0.b] != nil }
        clusters = ReuseClusters.build(
            members: read.map(\.member),
            links: admitted.map { ReuseClusters.Link(a: $0.a, b: $0.b, coverageA: $0.coverageA, coverageB: $0.coverageB, confidence: $0.confidence,
                                          reuseProbability: $0.reuseProbability) },
            minimumCoverage: minimumCoverage)
        self.documents = byID
        self.indexed = indexed
        self.links = admitted.count
        self.pending = pending
        self.minimumCoverage = minimumCoverage
    }
}
