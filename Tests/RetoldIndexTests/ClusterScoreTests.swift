import Testing
import RetoldEvaluation

/// Scoring clusters against story families, with each error put down to its cause.
@Suite struct ClusterScoreTests {
    typealias Link = ClusterScore.Link

    /// Story 1: wire w1 and copies c1..c4; story 2: wire w2 and copy c5; r1, r2 are independent
    /// reports. One cluster joins w1, c1, c2 and the report r1; one joins the two reports' copy r2
    /// with nothing of a family but r1's twin r3; w2 and c5 are joined. c3 has links to its family
    /// only below the cut, c4 has none at all.
    static let family: [String: Int] = ["w1": 1, "c1": 1, "c2": 1, "c3": 1, "c4": 1, "w2": 2, "c5": 2]
    static let links = [Link(a: "w1", b: "c1", coverageA: 0.5, coverageB: 0.9), Link(a: "c1", b: "c2", coverageA: 0.6, coverageB: 0.6),
                        Link(a: "c2", b: "r1", coverageA: 0.5, coverageB: 0.3), Link(a: "c3", b: "w1", coverageA: 0.1, coverageB: 0.05),
                        Link(a: "r2", b: "r3", coverageA: 0.9, coverageB: 0.9), Link(a: "w2", b: "c5", coverageA: 0.7, coverageB: 0.7),
                        Link(a: "c2", b: "w2", coverageA: 0.3, coverageB: 0.3)]

    @Test func errorsAreCountedByKindAndCause() {
        let score = ClusterScore(clusters: [(["c1", "w1", "c2", "r1"], "c1"), (["r2", "r3"], "r2"), (["w2", "c5"], "w2")],
                                 family: Self.family, wires: ["w1", "w2"], links: Self.links, minimumCoverage: 0.2)
        #expect(score.clusteredPairs == 8)
        #expect(score.familyPairsClustered == 4)
        #expect(score.familyTouchingPairs == 7)
        #expect(score.familyWithOtherPairs == 3)
        #expect(score.twoFamilyPairs == 0)
        #expect(score.noFamilyPairs == 1)
        // Story 1 has 10 pairs, story 2 one: 11, of which 4 clustered. Of the 7 left apart, the 4
        // with c4 have no link at all; c3's 3 with w1, c1, c2 have links only below the cut.
        #expect(score.familyPairs == 11)
        #expect(score.missedWithoutLink == 4)
        #expect(score.missedBelowCut == 3)
        #expect(score.missedNotJoined == 0)
        #expect(score.wireEarliest == 1)
        #expect(score.wireUnclustered == 0)
    }

    /// Two stories in one cluster cost pairs of two families; a family member whose link stands
    /// above the cut but was not joined is put down to the clustering.
    @Test func twoFamiliesJoinedAndALinkNotJoined() {
        let score = ClusterScore(clusters: [(["w1", "c1", "w2", "c5"], "w2")], family: Self.family.filter { ["w1", "c1", "c2", "w2", "c5"].contains($0.key) },
                                 wires: ["w1", "w2"], links: Self.links, minimumCoverage: 0.2)
        #expect(score.twoFamilyPairs == 4)
        #expect(score.familyPairsClustered == 2)
        // c2 links to c1 at 0.6 but sits in no cluster: its 2 pairs were not joined.
        #expect(score.missedNotJoined == 2)
        #expect(score.missedWithoutLink == 0)
        #expect(score.wireEarliest == 1)
    }
}
