/// Groups of documents that reuse one another, each with its earliest publication and a tree of
/// who most likely copied from whom.
///
/// Clusters are the connected components of the verified reuse links. The root is the earliest
/// member by publication time; with no dates, the member that containment says came first most
/// often. The tree grows from the root like a maximum spanning tree: at each step the strongest
/// link from a member already placed to one not yet placed is taken, preferring links whose
/// direction (by date, then containment) agrees that the placed member came first.
public enum ReuseClusters {
    public struct Member: Sendable, Equatable {
        public var id: Int64
        public var publishedAt: Double?
        public init(id: Int64, publishedAt: Double?) {
            self.id = id
            self.publishedAt = publishedAt
        }
    }

    public struct Link: Sendable, Equatable {
        public var a: Int64
        public var b: Int64
        /// Share of A found in B, and of B found in A.
        public var coverageA: Double
        public var coverageB: Double
        public init(a: Int64, b: Int64, coverageA: Double, coverageB: Double) {
            self.a = a
            self.b = b
            self.coverageA = coverageA
            self.coverageB = coverageB
        }
    }

    public struct Edge: Sendable, Equatable {
        /// The member that most likely copied, and the one it copied from.
        public var copy: Int64
        public var source: Int64
        public var basis: CopyDirection.Basis
        public var coverageCopy: Double
        public var coverageSource: Double
    }

    public struct Cluster: Sendable, Equatable {
        /// Members, the root first, then in the order the tree placed them.
        public var members: [Int64]
        public var earliest: Int64
        public var earliestBasis: CopyDirection.Basis
        public var edges: [Edge]
    }

    /// Clusters of at least two members, largest first (then by earliest id).
    public static func build(members: [Member], links: [Link], minimumCoverage: Double = 0) -> [Cluster] {
        let byID = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let kept = links.filter {
            byID[$0.a] != nil && byID[$0.b] != nil && $0.a != $0.b && max($0.coverageA, $0.coverageB) >= minimumCoverage
        }
        var parent: [Int64: Int64] = [:]
        func find(_ x: Int64) -> Int64 {
            var root = x
            while let p = parent[root], p != root { root = p }
            var node = x
            while let p = parent[node], p != root { parent[node] = root; node = p }
            return root
        }
        for link in kept {
            parent[link.a] = parent[link.a] ?? link.a
            parent[link.b] = parent[link.b] ?? link.b
            let ra = find(link.a), rb = find(link.b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var components: [Int64: [Int64]] = [:]
        for id in parent.keys { components[find(id), default: []].append(id) }
        var linksByComponent: [Int64: [Link]] = [:]
        for link in kept { linksByComponent[find(link.a), default: []].append(link) }

        return components.map { root, ids in
            cluster(ids.sorted(), links: linksByComponent[root] ?? [], byID: byID)
        }.sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.earliest < $1.earliest }
    }

    /// Direction of one link: which end came first, and on what basis.
    static func direction(_ link: Link, _ byID: [Int64: Member]) -> (CopyDirection, CopyDirection.Basis) {
        CopyDirection.decide(publishedA: byID[link.a]?.publishedAt, publishedB: byID[link.b]?.publishedAt,
                             coverageA: link.coverageA, coverageB: link.coverageB)
    }

    static func cluster(_ ids: [Int64], links: [Link], byID: [Int64: Member]) -> Cluster {
        // Root: the earliest dated member; without dates, the one most often first by containment.
        let dated = ids.compactMap { id in byID[id]?.publishedAt.map { (id, $0) } }
        let root: Int64
        let rootBasis: CopyDirection.Basis
        if let earliest = dated.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) {
            root = earliest.0
            rootBasis = .published
        } else {
            var firstVotes: [Int64: Int] = [:]
            var decided = false
            for link in links {
                switch direction(link, byID).0 {
                case .aFirst: firstVotes[link.a, default: 0] += 1; firstVotes[link.b, default: 0] -= 1; decided = true
                case .bFirst: firstVotes[link.b, default: 0] += 1; firstVotes[link.a, default: 0] -= 1; decided = true
                case .unknown: break
                }
            }
            root = ids.max { (firstVotes[$0] ?? 0, -$0) < (firstVotes[$1] ?? 0, -$1) }!
            rootBasis = decided ? .containment : .none
        }

        var placed: Set<Int64> = [root]
        var order = [root]
        var edges = [Edge]()
        while placed.count < ids.count {
            var best: (weight: Double, edge: Edge)?
            for link in links where placed.contains(link.a) != placed.contains(link.b) {
                let (dir, basis) = direction(link, byID)
                let aPlaced = placed.contains(link.a)
                let agrees = aPlaced ? dir == .aFirst : dir == .bFirst
                let weight = (agrees ? 1.0 : dir == .unknown ? 0.5 : 0) + max(link.coverageA, link.coverageB)
                let edge = aPlaced
                    ? Edge(copy: link.b, source: link.a, basis: agrees ? basis : .none, coverageCopy: link.coverageB, coverageSource: link.coverageA)
                    : Edge(copy: link.a, source: link.b, basis: agrees ? basis : .none, coverageCopy: link.coverageA, coverageSource: link.coverageB)
                if best == nil || weight > best!.weight || (weight == best!.weight && edge.copy < best!.edge.copy) {
                    best = (weight, edge)
                }
            }
            guard let chosen = best else { break }
            placed.insert(chosen.edge.copy)
            order.append(chosen.edge.copy)
            edges.append(chosen.edge)
        }
        return Cluster(members: order, earliest: root, earliestBasis: rootBasis, edges: edges)
    }
}
