/// Scores clusters against story families, and says where each error comes from, so a change to
/// clustering can be aimed at the errors clustering can fix.
///
/// A wrongly clustered pair joins a family member with an independent report or unrelated item,
/// members of two families, or two documents of no family (two independent reports that copy
/// one another, or share another agency's story, which no label counts as a family). A family
/// pair left apart has one end with no stored link to its family at all (link building never
/// found or verified it: no clustering can join it), one end whose links to its family all fall
/// below the coverage cut, or links the clustering did not join on.
public struct ClusterScore: Sendable, Equatable {
    /// Pairs of documents put in one cluster, and how many of them are of one family.
    public var clusteredPairs = 0
    public var familyPairsClustered = 0
    /// Clustered pairs with at least one family member.
    public var familyTouchingPairs = 0
    /// Pairs of documents of one family.
    public var familyPairs = 0
    /// Wrongly clustered pairs, by kind.
    public var familyWithOtherPairs = 0
    public var twoFamilyPairs = 0
    public var noFamilyPairs = 0
    /// Family pairs left apart, by cause.
    public var missedWithoutLink = 0
    public var missedBelowCut = 0
    public var missedNotJoined = 0
    /// Stories whose wire text is the earliest member of its cluster, or in no cluster.
    public var wireEarliest = 0
    public var wireUnclustered = 0

    /// A link between two documents, with the share of each found in the other.
    public struct Link: Sendable {
        public var a: String
        public var b: String
        public var coverageA: Double
        public var coverageB: Double
        public init(a: String, b: String, coverageA: Double, coverageB: Double) {
            self.a = a
            self.b = b
            self.coverageA = coverageA
            self.coverageB = coverageB
        }
    }

    /// `clusters` hold document ids, each with its earliest member; `family` gives the story of
    /// every family member (documents absent from it are in no family); `links` are every stored
    /// link, and `minimumCoverage` the cut the clustering used.
    public init(clusters: [(members: [String], earliest: String)], family: [String: Int], wires: Set<String>,
                links: [Link], minimumCoverage: Double) {
        var clusterOf: [String: Int] = [:]
        for (number, cluster) in clusters.enumerated() {
            for member in cluster.members { clusterOf[member] = number }
            for (i, first) in cluster.members.enumerated() {
                for second in cluster.members[(i + 1)...] {
                    clusteredPairs += 1
                    switch (family[first], family[second]) {
                    case let (f?, g?) where f == g: familyPairsClustered += 1; familyTouchingPairs += 1
                    case (_?, _?): twoFamilyPairs += 1; familyTouchingPairs += 1
                    case (nil, nil): noFamilyPairs += 1
                    default: familyWithOtherPairs += 1; familyTouchingPairs += 1
                    }
                }
            }
            if wires.contains(cluster.earliest) { wireEarliest += 1 }
        }
        wireUnclustered = wires.filter { clusterOf[$0] == nil }.count

        // For each family member, the strongest coverage of its links to its own family.
        var strongestToFamily: [String: Double] = [:]
        for link in links {
            guard let f = family[link.a], f == family[link.b] else { continue }
            let coverage = max(link.coverageA, link.coverageB)
            for end in [link.a, link.b] { strongestToFamily[end] = max(strongestToFamily[end] ?? 0, coverage) }
        }
        var members: [Int: [String]] = [:]
        for (document, story) in family { members[story, default: []].append(document) }
        for group in members.values {
            let sorted = group.sorted()
            familyPairs += sorted.count * (sorted.count - 1) / 2
            for (i, first) in sorted.enumerated() {
                for second in sorted[(i + 1)...] {
                    if let c = clusterOf[first], c == clusterOf[second] { continue }
                    let ends = [strongestToFamily[first], strongestToFamily[second]]
                    if ends.contains(where: { $0 == nil }) {
                        missedWithoutLink += 1
                    } else if ends.contains(where: { $0! < minimumCoverage }) {
                        missedBelowCut += 1
                    } else {
                        missedNotJoined += 1
                    }
                }
            }
        }
    }
}
