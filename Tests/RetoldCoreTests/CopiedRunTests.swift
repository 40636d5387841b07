import Testing
@testable import RetoldCore

@Suite("The longest copied run")
struct CopiedRunTests {
    func run(_ a: String, _ b: String) -> Int {
        var analyzer = TextAnalyzer()
        let x = analyzer.analyze(a), y = analyzer.analyze(b)
        return CopiedRun.longest(x, y, quotedA: QuotedWords(x), quotedB: QuotedWords(y))
    }

    @Test("a run is counted across sentence boundaries, however each text splits it")
    func acrossSentences() {
        let source = "The bridge reopened on Monday after repairs. Engineers replaced the cables and the deck over six weeks."
        let copy = "Traffic was light. The bridge reopened on Monday after repairs; engineers replaced the cables and the deck. Drivers were pleased."
        // "the bridge reopened on monday after repairs engineers replaced the cables and the deck" = 14 words
        #expect(run(source, copy) == 14)
    }

    @Test("words quoted in both texts break the run; quoted in one only, they count")
    func quotations() {
        let a = #"The minister said "we will not give up on the people of the north" at a rally on Sunday."#
        let b = #"At the rally he said "we will not give up on the people of the north" again."#
        #expect(run(a, b) == 1)  // only "said" outside the shared quotation, then a break
        let unquoted = "The minister said we will not give up on the people of the north at a rally on Sunday."
        #expect(run(unquoted, b) == 12)  // "said" and the 11 words quoted in B only
    }

    @Test("texts shorter than a seed, or sharing no four words in a row, have no run")
    func none() {
        #expect(run("Rain fell.", "Rain fell.") == 0)
        #expect(run("Rain fell on the town all day long.", "Snow fell on a village all night.") == 0)
    }
}
