import Foundation
import RetoldCore
import RetoldIngest
import RetoldIndex
import RetoldSQLite

/// How well `retold clusters` groups a labelled corpus: every document of every wire cluster is
/// indexed into a fresh index (no publication dates), the links are built and clustered as the
/// command does, and the clusters are scored against the story families (each wire text with its
/// verbatim, edited and paraphrased copies). Independent reports and unrelated items belong to
/// no family: put into a family's cluster, they cost precision.
public struct ClusterEvaluation: Sendable {
    public var minimumCoverage: Double

    public init(minimumCoverage: Double = 0.2) { self.minimumCoverage = minimumCoverage }

    public struct Result: Sendable, Codable, Equatable {
        public var documents: Int
        public var links: Int
        public var clusters: Int
        /// Pairs of documents put in one cluster, and how many of them are of one family.
        public var clusteredPairs: Int
        public var familyPairsClustered: Int
        /// Clustered pairs with at least one family member: two independent reports clustered
        /// together may rightly share another source (another agency's story), which no label says.
        public var familyTouchingPairs: Int
        /// Pairs of documents of one family.
        public var familyPairs: Int
        public var stories: Int
        /// Stories whose wire text is the earliest member of the cluster that holds it.
        public var wireEarliest: Int
        /// Stories whose wire text is in no cluster.
        public var wireUnclustered: Int
        /// Wrongly clustered pairs: a family member with an independent report or unrelated
        /// item, members of two families, two documents of no family.
        public var familyWithOtherPairs = 0
        public var twoFamilyPairs = 0
        public var noFamilyPairs = 0
        /// Family pairs left apart: an end with no stored link to its family, an end whose links
        /// to its family all fall below the coverage cut, links the clustering did not join on.
        public var missedWithoutLink = 0
        public var missedBelowCut = 0
        public var missedNotJoined = 0

        public var precision: Double { clusteredPairs == 0 ? 0 : Double(familyPairsClustered) / Double(clusteredPairs) }
        public var familyTouchingPrecision: Double { familyTouchingPairs == 0 ? 0 : Double(familyPairsClustered) / Double(familyTouchingPairs) }
        public var recall: Double { familyPairs == 0 ? 0 : Double(familyPairsClustered) / Double(familyPairs) }
        public var wireEarliestShare: Double { stories == 0 ? 0 : Double(wireEarliest) / Double(stories) }

        enum CodingKeys: String, CodingKey {
            case documents, links, clusters, stories, precision, recall
            case familyTouchingPairs = "family_touching_pairs", familyTouchingPrecision = "family_touching_precision"
            case clusteredPairs = "clustered_pairs", familyPairsClustered = "family_pairs_clustered", familyPairs = "family_pairs"
            case wireEarliest = "wire_earliest", wireUnclustered = "wire_unclustered", wireEarliestShare = "wire_earliest_share"
            case familyWithOtherPairs = "family_with_other_pairs", twoFamilyPairs = "two_family_pairs", noFamilyPairs = "no_family_pairs"
            case missedWithoutLink = "missed_without_link", missedBelowCut = "missed_below_cut", missedNotJoined = "missed_not_joined"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(documents, forKey: .documents); try c.encode(links, forKey: .links)
            try c.encode(clusters, forKey: .clusters); try c.encode(stories, forKey: .stories)
            try c.encode(clusteredPairs, forKey: .clusteredPairs); try c.encode(familyPairsClustered, forKey: .familyPairsClustered)
            try c.encode(familyPairs, forKey: .familyPairs); try c.encode(wireEarliest, forKey: .wireEarliest)
            try c.encode(wireUnclustered, forKey: .wireUnclustered)
            try c.encode(precision, forKey: .precision); try c.encode(recall, forKey: .recall)
            try c.encode(wireEarliestShare, forKey: .wireEarliestShare)
            try c.encode(familyTouchingPairs, forKey: .familyTouchingPairs)
            try c.encode(familyTouchingPrecision, forKey: .familyTouchingPrecision)
            try c.encode(familyWithOtherPairs, forKey: .familyWithOtherPairs); try c.encode(twoFamilyPairs, forKey: .twoFamilyPairs)
            try c.encode(noFamilyPairs, forKey: .noFamilyPairs); try c.encode(missedWithoutLink, forKey: .missedWithoutLink)
            try c.encode(missedBelowCut, forKey: .missedBelowCut); try c.encode(missedNotJoined, forKey: .missedNotJoined)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            documents = try c.decode(Int.self, forKey: .documents); links = try c.decode(Int.self, forKey: .links)
            clusters = try c.decode(Int.self, forKey: .clusters); stories = try c.decode(Int.self, forKey: .stories)
            clusteredPairs = try c.decode(Int.self, forKey: .clusteredPairs)
            familyPairsClustered = try c.decode(Int.self, forKey: .familyPairsClustered)
            familyPairs = try c.decode(Int.self, forKey: .familyPairs); wireEarliest = try c.decode(Int.self, forKey: .wireEarliest)
            wireUnclustered = try c.decode(Int.self, forKey: .wireUnclustered)
            familyTouchingPairs = try c.decode(Int.self, forKey: .familyTouchingPairs)
            // Results written before the error breakdown have none.
            familyWithOtherPairs = try c.decodeIfPresent(Int.self, forKey: .familyWithOtherPairs) ?? 0
            twoFamilyPairs = try c.decodeIfPresent(Int.self, forKey: .twoFamilyPairs) ?? 0
            noFamilyPairs = try c.decodeIfPresent(Int.self, forKey: .noFamilyPairs) ?? 0
            missedWithoutLink = try c.decodeIfPresent(Int.self, forKey: .missedWithoutLink) ?? 0
            missedBelowCut = try c.decodeIfPresent(Int.self, forKey: .missedBelowCut) ?? 0
            missedNotJoined = try c.decodeIfPresent(Int.self, forKey: .missedNotJoined) ?? 0
        }

        init(documents: Int, links: Int, clusters: Int, stories: Int, score: ClusterScore) {
            self.documents = documents; self.links = links; self.clusters = clusters; self.stories = stories
            clusteredPairs = score.clusteredPairs; familyPairsClustered = score.familyPairsClustered
            familyTouchingPairs = score.familyTouchingPairs; familyPairs = score.familyPairs
            wireEarliest = score.wireEarliest; wireUnclustered = score.wireUnclustered
            familyWithOtherPairs = score.familyWithOtherPairs; twoFamilyPairs = score.twoFamilyPairs; noFamilyPairs = score.noFamilyPairs
            missedWithoutLink = score.missedWithoutLink; missedBelowCut = score.missedBelowCut; missedNotJoined = score.missedNotJoined
        }
    }

    /// Indexes the corpus into a new SQLite file in `directory` (which must not hold one).
    public func run(_ corpus: WireClusterCorpus, directory: String) async throws -> Result {
        let index = try SQLiteIndex(path: (directory as NSString).appendingPathComponent("clusters.db"))
        var documents: [IngestedDocument] = []
        var family: [String: Int] = [:]  // source id -> story, for family members only
        var wires: [String] = []
        for (story, cluster) in corpus.clusters.enumerated() {
            for document in cluster.documents {
                documents.append(IngestedDocument(id: document.id, origin: .init(path: document.id), text: document.text,
                                                  outlet: document.outlet, format: .text, encoding: "utf-8"))
                if document.label.isFamily { family[document.id] = story }
                if document.label == .wireOriginal { wires.append(document.id) }
            }
        }
        // Indexed in a shuffled (seeded) order: the corpus lists each wire text first, and ids in
        // file order would tell the clustering which member is the wire text.
        var random = SeededRandom(seed: 20_261_201)
        for i in stride(from: documents.count - 1, to: 0, by: -1) { documents.swapAt(i, random.below(i + 1)) }
        _ = try await IndexWriter(index: index).add(documents: documents)
        _ = try await LinkBuilder(index: index).update()
        let links = try await index.links()
        let stored = try await ClusterMembers.read(Array(Set(links.flatMap { [$0.a, $0.b] })).sorted(), from: index)
        let sourceOf = Dictionary(uniqueKeysWithValues: stored.map { ($0.document.id, $0.document.sourceID) })
        let clusters = ReuseClusters.build(
            members: stored.map { ReuseClusters.Member(id: $0.member.id, publishedAt: nil, carriesCredit: $0.member.carriesCredit) },
            links: links.map { ReuseClusters.Link(a: $0.a, b: $0.b, coverageA: $0.coverageA, coverageB: $0.coverageB, confidence: $0.confidence,
                                          reuseProbability: $0.reuseProbability) },
            minimumCoverage: minimumCoverage)

        let score = ClusterScore(
            clusters: clusters.map { cluster in (cluster.members.compactMap { sourceOf[$0] }, sourceOf[cluster.earliest] ?? "") },
            family: family, wires: Set(wires),
            links: links.compactMap { link in
                guard let a = sourceOf[link.a], let b = sourceOf[link.b] else { return nil }
                return ClusterScore.Link(a: a, b: b, coverageA: link.coverageA, coverageB: link.coverageB)
            },
            minimumCoverage: minimumCoverage)
        return Result(documents: documents.count, links: links.count, clusters: clusters.count, stories: wires.count, score: score)
    }
}
