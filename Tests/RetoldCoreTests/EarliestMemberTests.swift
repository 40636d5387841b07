import Testing
@testable import RetoldCore

/// Which member of an undated cluster is taken as the source.
@Suite struct EarliestMemberTests {
    typealias Member = ReuseClusters.Member
    typealias Link = ReuseClusters.Link

    /// Source 1, a copy 3 trimmed from it (wholly inside it), and two edited copies 2 and 4 that
    /// share much with each other. Copy 2 shares the most text in all (3.7 against 3.55 for the
    /// source), so the hub rule took it; the source's own text lies further inside another member
    /// plus holds more of another (0.6 + 0.95 against 0.7 + 0.8 for copy 2).
    static let links = [Link(a: 1, b: 3, coverageA: 0.5, coverageB: 0.95), Link(a: 1, b: 2, coverageA: 0.6, coverageB: 0.5),
                        Link(a: 2, b: 3, coverageA: 0.4, coverageB: 0.8), Link(a: 2, b: 4, coverageA: 0.7, coverageB: 0.7),
                        Link(a: 1, b: 4, coverageA: 0.5, coverageB: 0.5)]

    static func undated(credited: Set<Int64> = []) -> [Member] {
        (1...4).map { Member(id: Int64($0), publishedAt: nil, carriesCredit: credited.contains(Int64($0))) }
    }

    @Test func sourceIsTheMemberInsideAnotherAndHoldingAnother() {
        let clusters = ReuseClusters.build(members: Self.undated(), links: Self.links)
        #expect(clusters.count == 1)
        #expect(clusters[0].earliest == 1)
        #expect(clusters[0].earliestBasis == .containment)
        #expect(clusters[0].members.count == 4)
    }

    @Test func aCreditedMemberComesFirst() {
        let clusters = ReuseClusters.build(members: Self.undated(credited: [4]), links: Self.links)
        #expect(clusters.map(\.earliest) == [4])
        #expect(clusters[0].earliestBasis == .containment)
        // A credit every member carries tells nothing: the texts decide as before.
        #expect(ReuseClusters.build(members: Self.undated(credited: [1, 2, 3, 4]), links: Self.links).map(\.earliest) == [1])
    }

    /// Two near-verbatim texts tie on how far each lies inside the other; the one carrying the
    /// agency's credit is the source, whichever id it has.
    @Test func aCreditBreaksAVerbatimTie() {
        let pair = [Link(a: 1, b: 2, coverageA: 0.9, coverageB: 0.9)]
        let members = [Member(id: 1, publishedAt: nil), Member(id: 2, publishedAt: nil, carriesCredit: true)]
        #expect(ReuseClusters.build(members: members, links: pair).map(\.earliest) == [2])
        #expect(ReuseClusters.build(members: members, links: pair).map(\.earliestBasis) == [.containment])
        let uncredited = [Member(id: 1, publishedAt: nil), Member(id: 2, publishedAt: nil)]
        #expect(ReuseClusters.build(members: uncredited, links: pair).map(\.earliestBasis) == [.none])
    }

    @Test func datesStillWin() {
        var members = Self.undated(credited: [4])
        members[2].publishedAt = 100
        members[0].publishedAt = 200
        let clusters = ReuseClusters.build(members: members, links: Self.links)
        #expect(clusters.map(\.earliest) == [3])
        #expect(clusters[0].earliestBasis == .published)
    }

    @Test func storyCredits() {
        #expect(StoryCredit.isCarried(by: "Fire at the cathedral\n\nPARIS (AP) – A fire broke out on Monday at the cathedral."))
        #expect(StoryCredit.isCarried(by: "Physicists celebrate\nGENEVA (AP) To cheers and standing ovations, scientists claimed a discovery."))
        #expect(StoryCredit.isCarried(by: "Health\nBy\nAFP\n| Aug 13, 2024\nThe health watchdog declared an emergency."))
        #expect(!StoryCredit.isCarried(by: "A fire broke out on Monday at the cathedral, the Associated Press reported."))
        #expect(!StoryCredit.isCarried(by: "The company (Acme) said on Monday that profits rose."))
        #expect(!StoryCredit.isCarried(by: "By Jane Smith\nA fire broke out on Monday at the cathedral."))
    }
}
