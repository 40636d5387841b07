import Testing
@testable import RetoldCore

/// Findings from a whole comparison, aligned by the same `Comparer` a user runs.
private func compared(_ a: String, _ b: String) -> [Finding] {
    var analyzer = TextAnalyzer()
    return Comparer().compare(analyzer.analyze(a), analyzer.analyze(b)).passages.flatMap(\.alignments).flatMap(\.findings)
}

@Suite("Changes republished copies make")
struct CopyChangeFindingsTests {
    @Test("a day dropped and the verb put in the present perfect; a day moved or merely dropped is silent")
    func madeCurrent() {
        let found = changes("India on Wednesday became the first nation to land a craft near the south pole of the Moon.",
                            "India has become the first nation to land a craft near the south pole of the Moon.")
        #expect(kinds(found) == [.timeChanged])
        #expect(found[0].severity == .medium)
        #expect(found[0].explanation == "A says \"Wednesday became\", B says \"has become\": the day is dropped and the event told as if it had just happened.")
        let reported = changes("The Washington Post and CNBC reported late on Thursday that the deal had closed.",
                               "The Washington Post and CNBC have reported that the deal had closed.")
        #expect(reported.map(\.explanation) == ["A says \"reported late on Thursday\", B says \"have reported\": the day is dropped and the event told as if it had just happened."])
        // The day kept, moved, or dropped with the tense kept: silent.
        #expect(changes("India on Wednesday became the first nation to land a craft near the south pole of the Moon.",
                        "On Wednesday, India became the first nation to land a craft near the south pole of the Moon.").isEmpty)
        #expect(changes("India on Wednesday became the first nation to land a craft near the south pole of the Moon.",
                        "India has become the first nation to land a craft near the south pole of the Moon on Wednesday.").isEmpty)
        #expect(changes("Scientists claimed the discovery of a new particle on Wednesday.", "Scientists claimed the discovery of a new particle.").isEmpty)
    }

    @Test("a date written day first is the same date as month first")
    func dayFirstDates() {
        #expect(changes("Sales for the 17 weeks to 27 December were flat.", "Sales for the 17 weeks to December 27 were flat.").isEmpty)
        let moved = changes("Sales for the 17 weeks to 27 December were flat.", "Sales for the 17 weeks to 20 December were flat.")
        #expect(moved.map(\.explanation) == ["A says 27 December; B says 20 December."])
    }

    @Test("quotation marks around a claim dropped; marks kept, a title, or a statement quoted whole are silent")
    func scareQuotes() {
        let found = changes("The army said it carried out the detentions in response to \"election fraud\".",
                            "The army said it carried out the detentions in response to election fraud.")
        #expect(kinds(found) == [.hedgeChanged])
        #expect(found[0].severity == .medium)
        #expect(found[0].explanation == "A puts \"election fraud\" in quotation marks, as someone's claim; B states it as fact.")
        #expect(changes("The army said it carried out the detentions in response to \"election fraud\".",
                        "The army said it carried out the detentions in response to 'election fraud'.").isEmpty)
        #expect(changes("Musk changed his profile to \"Chief Twit\" on Wednesday.", "Musk changed his profile to Chief Twit on Wednesday.").isEmpty)
        #expect(changes("Officials at the college said it was an \"extremely sad\" time for the campus.",
                        "Officials said: \"It is an extremely sad time for the whole college community.").isEmpty)
    }

    @Test("a source dropped while another speaker stands in the next sentence; the same source moved there is silent")
    func sourceDroppedBesideAnotherSpeaker() {
        let wire = "The singer died of a heart attack at his home in the capital on Wednesday, his lawyer said. "
            + "The president declared three days of national mourning after the news of his death."
        let found = compared(wire, "The singer died of a heart attack at his home in the capital on Wednesday. "
            + "The president declared three days of national mourning after the news of his death.")
        #expect(found.map(\.explanation) == ["A attributes this (\"his lawyer said\"); B states it without a source."])
        #expect(compared(wire, "The singer died of a heart attack at his home in the capital on Wednesday. "
            + "His lawyer said the president declared three days of national mourning after the news of his death.").isEmpty)
    }

    @Test("an agency dateline whose dash the page lost is still a credit")
    func datelineWithoutDash() {
        let wire = "Physicists celebrate\nGENEVA (AP) To cheers and standing ovations, scientists claimed the discovery of a new particle on Wednesday. "
            + "The particle helps explain what gives all matter its mass."
        let found = compared(wire, "Physicists celebrate\nTo cheers and standing ovations, scientists claimed the discovery of a new particle on Wednesday. "
            + "The particle helps explain what gives all matter its mass.")
        #expect(found.map(\.explanation) == ["A credits the story to AP; B carries the same text without naming AP."])
        #expect(compared(wire, wire).isEmpty)
        // An organization's initials in parentheses inside a sentence are no dateline.
        #expect(compared("Scientists at the European Organization for Nuclear Research (CERN) claimed the discovery of a new particle.",
                         "Scientists at the European Organization for Nuclear Research claimed the discovery of a new particle.").isEmpty)
    }

    @Test("the precise figure an approximation rounds is no hedge dropped; the same figure without its hedge is")
    func approximationAndPreciseFigure() {
        #expect(changes("The bulk of the funds, some $65 billion, will go to military operations.",
                        "The bulk of the funds, $64.7 billion, will go to military operations.").isEmpty)
        #expect(kinds(changes("The bulk of the funds, some $65 billion, will go to military operations.",
                              "The bulk of the funds, $65 billion, will go to military operations.")) == [.hedgeChanged])
    }
}
