import Testing
@testable import RetoldCore

@Suite("Hedges, sources, meaning swaps, units and added details")
struct CertaintyAndSourceFindingsTests {
    @Test("a hedge on a figure dropped, added or changed; the same hedge reworded is silent")
    func figureHedges() {
        let dropped = changes("At least 12 people died in the fire on Sunday.", "12 people died in the fire on Sunday.")
        #expect(kinds(dropped) == [.hedgeChanged])
        #expect(dropped[0].severity == .medium)
        #expect(dropped[0].explanation == "A says \"At least 12\", B says \"12\": B drops the hedge and states a lower bound as an exact figure.")
        let changed = changes("More than 400 victims were taken to the hospital.", "Some 400 victims were taken to the hospital.")
        #expect(changed.map(\.explanation) == ["A says \"More than 400\" (a lower bound), B says \"Some 400\" (an approximation)."])
        #expect(kinds(changes("The storm cut power to 3,000 homes.", "The storm cut power to about 3,000 homes.")) == [.hedgeChanged])
        #expect(changes("Nearly 300 homes were destroyed by the fire.", "Almost 300 homes were destroyed by the fire.").isEmpty)
    }

    @Test("a hedge word dropped or added; a rewording that keeps a hedge is silent")
    func wordHedges() {
        let found = changes("Former President Donald Trump was the target of an apparent assassination attempt.",
                            "Former President Donald Trump was the target of an assassination attempt.")
        #expect(kinds(found) == [.hedgeChanged])
        #expect(found[0].explanation == "A hedges the claim with \"apparent\"; B states it without a hedge.")
        #expect(kinds(changes("The minister resigned over the scandal.", "The minister reportedly resigned over the scandal.")) == [.hedgeChanged])
        #expect(changes("The minister apparently resigned over the scandal.", "The minister reportedly resigned over the scandal.").isEmpty)
    }

    @Test("an attribution dropped, given to another source, or to a different count of sources")
    func sources() {
        let dropped = changes("The singer died of a heart attack at his home on Wednesday, his lawyer said.",
                              "The singer died of a heart attack at his home on Wednesday.")
        #expect(kinds(dropped) == [.sourceChanged])
        #expect(dropped[0].explanation == "A attributes this (\"his lawyer said\"); B states it without a source.")
        let other = changes("The ministry said the border would reopen on Monday.", "The minister said the border would reopen on Monday.")
        #expect(other.map(\.explanation) == ["A attributes this to \"The ministry said\", B to \"The minister said\": another source."])
        let count = changes("Two officials said the talks had stalled.", "Several officials said the talks had stalled.")
        #expect(count.contains { $0.kind == .sourceChanged && $0.explanation == "A cites \"Two officials said\", B cites \"Several officials said\": a different count of sources." })
        let vaguer = changes("A police spokesman told reporters that the suspect had fled.", "Sources told reporters that the suspect had fled.")
        #expect(kinds(vaguer) == [.sourceChanged])
        // The same source in other words, or the source moved: silent.
        #expect(changes("The company said profits rose sharply.", "Profits rose sharply, the company said.").isEmpty)
        #expect(changes("Pfizer said the vaccine was safe.", "The drugmaker said the vaccine was safe.").isEmpty)
    }

    @Test("a dateline credit dropped or replaced, once per comparison")
    func credit() {
        var analyzer = TextAnalyzer()
        let wire = analyzer.analyze("PARIS (AP) - A fire engulfed the roof of the cathedral on Monday afternoon. Firefighters were trying to contain it.")
        let copy = analyzer.analyze("PARIS - A fire engulfed the roof of the cathedral on Monday afternoon. Firefighters were trying to contain it.")
        let credited = analyzer.analyze("PARIS (AP) - A fire engulfed the roof of the cathedral on Monday afternoon. Firefighters were trying to contain it.")
        let found = Comparer().compare(wire, copy).passages.flatMap(\.alignments).flatMap(\.findings)
        #expect(found.map(\.explanation) == ["A credits the story to AP; B carries the same text without naming AP."])
        #expect(Comparer().compare(wire, credited).passages.flatMap(\.alignments).flatMap(\.findings).isEmpty)
    }

    @Test("a verb or adjective swapped for an antonym or a non-synonym; synonyms are silent")
    func meaning() {
        let antonym = changes("The committee approved the plan on Tuesday.", "The committee disapproved the plan on Tuesday.")
        #expect(antonym.map(\.explanation) == ["A says \"approved\", B says \"disapproved\": antonyms in WordNet."])
        #expect(antonym.map(\.severity) == [.high])
        let different = changes("Police arrested the driver after the crash.", "Police convicted the driver after the crash.")
        #expect(different.map(\.explanation) == ["A says \"arrested\", B says \"convicted\": not a synonym in WordNet."])
        #expect(kinds(changes("The ceasefire ended on Friday after talks.", "The ceasefire paused on Friday after talks.")) == [.meaningChanged])
        let reversed = changes("The winter was warmer than usual in the north.", "The winter was less warm than usual in the north.")
        #expect(reversed.map(\.explanation) == ["A says \"warmer\", B says \"less warm\": the comparison is reversed."])
        #expect(changes("The talks stalled last year.", "The talks were dormant last year.").isEmpty)
        #expect(changes("The minister said the plan was ready.", "The minister stated the plan was ready.").isEmpty)
    }

    @Test("the same figure in another unit or currency")
    func units() {
        let found = changes("The painting sold for €40,000 at the auction.", "The painting sold for 40,000 at the auction.")
        #expect(found.map(\.explanation) == ["A says \"€40,000\" (EUR), B says \"40,000\" (no unit): the same figure in another unit."])
        #expect(kinds(changes("Farmers found a 3-pound bird in the field.", "Farmers found a £3 bird in the field.")) == [.unitChanged])
        #expect(changes("The hike covers 15 miles of trail.", "The hike takes in 15 miles of trail.").isEmpty)
    }

    @Test("a figure or a name B adds that A has nowhere; one A gives elsewhere is supported")
    func details() {
        let found = changes("The fire destroyed 40 homes in the valley.", "The fire destroyed 40 homes in the valley and forced 2,000 people to flee.")
        #expect(found.map(\.explanation) == ["B says \"2,000 people\", a figure A gives nowhere."])
        #expect(found.map(\.severity) == [.medium])
        let named = changes("Officials said the suspect was arrested on Friday.", "Officials from the FBI said the suspect was arrested on Friday.")
        #expect(named.map(\.explanation) == ["B names FBI, whom A does not mention anywhere."])
        #expect(changes("The court ruled in 36 states and the remaining 14 states.", "The court ruled in all 50 states.").allSatisfy { $0.kind != .detailAdded })
    }
}

@Suite("Figures written oddly")
struct OddFigureTests {
    func figures(_ text: String) -> [StatedNumber] {
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze(text)
        return StatedNumber.all(document, 0..<document.tokens.count)
    }

    @Test("a hyphen or a space as thousands separator")
    func separators() {
        #expect(figures("About 12 500 people marched.").map(\.value) == [12_500])
        #expect(figures("About 12-500 people marched.").map(\.value) == [12_500])
        #expect(changes("About 12,500 people marched on Sunday.", "About 12 500 people marched on Sunday.").isEmpty)
        #expect(changes("About 12,500 people marched on Sunday.", "About 12-500 people marched on Sunday.").isEmpty)
    }

    @Test("a range is one figure, and its second half is not a figure of its own")
    func ranges() {
        let range = figures("Between 5-10 people were hurt.")
        #expect(range.map(\.value) == [5])
        #expect(range.map(\.upper) == [10])
        #expect(figures("The 1914-18 war changed Europe.").isEmpty)
        #expect(figures("Veterans of the 1950-53 war gathered.").isEmpty)
        #expect(changes("Veterans of the 1950-53 war gathered in Seoul.", "Veterans of the 1950-53 war met in Seoul.").isEmpty)
    }

    @Test("events named by their date, and digits that belong to a name")
    func names() {
        #expect(figures("Since 9/11 the rules have changed.").isEmpty)
        #expect(figures("The COVID-19 pandemic and Apollo 11 and Euro 2020.").isEmpty)
        #expect(figures("On 2020-01-26 the crash happened.").isEmpty)
        #expect(changes("The Euro 2020 final was played in July 2021.", "The final of Euro 2020 was played in July 2021.").isEmpty)
        #expect(figures("IG Farben's 500 properties were sold.").map(\.value) == [500])
    }
}

@Suite("False findings seen on real copies")
struct RealCopyPrecisionTests {
    @Test("a capitalized word opening a quotation is not its speaker")
    func quotationOpening() {
        let found = changes("The president said: \"Smiling faces greeted us in every town we visited.\"",
                            "The governor said: \"Smiling faces greeted us in every town we visited.\"")
        #expect(!found.contains { $0.explanation.contains("Smiling") })
    }

    @Test("words dropped from inside a quotation are low severity")
    func trimmedQuote() {
        let found = changes("She called it \"the worst crisis ever\" in a statement.", "She called it \"worst ever\" in a statement.")
        #expect(found.map(\.kind) == [.quoteAltered])
        #expect(found.map(\.severity) == [.low])
    }
}
