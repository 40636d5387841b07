import Testing
@testable import RetoldCore

/// Runs the cross-text checks on two texts taken as one aligned pair (alignment is tested elsewhere).
func changes(_ a: String, _ b: String) -> [Finding] {
    var analyzer = TextAnalyzer()
    let x = analyzer.analyze(a), y = analyzer.analyze(b)
    let diff = WordDiff(x.tokens, y.tokens)
    let alignment = SentenceAlignment(a: 0..<x.sentences.count, b: 0..<y.sentences.count, probability: 1, similarity: 1,
                                      kind: ReuseKind(diff: diff), diff: diff)
    return ChangeDetector().findings(AlignedPair(alignment, a: x, b: y, namesA: NameFinder(x), namesB: NameFinder(y)))
}

func kinds(_ findings: [Finding]) -> [Finding.Kind] { findings.map(\.kind) }

@Suite("Findings between aligned sentences")
struct ChangeFindingsTests {
    @Test("a family tie naming another person is an entity change; a reworded tie is not")
    func kinship() {
        let found = changes("Kim Yo Jong, the influential sister of North Korean leader Kim Jong Un, contacted Seoul.",
                            "Kim Jong Un's influential sister, Kim Jong Un, said Friday that talks could resume.")
        #expect(kinds(found).contains(.entityChanged))
        #expect(found.first { $0.kind == .entityChanged }?.explanation == "B names Kim Jong Un as the sister of Kim Jong Un, where A names Kim Yo Jong.")
        #expect(!kinds(changes("Kim Yo Jong, the sister of leader Kim Jong Un, contacted Seoul.",
                               "Kim Jong Un's sister, Kim Yo Jong, reached out to Seoul.")).contains(.entityChanged))
    }

    @Test("the same action with another actor is an entity change; passive voice is not")
    func actors() {
        let found = changes("Some experts have said that North Korea wants South Korea to play a role in securing sanctions relief.",
                            "This indicates Seoul wants Washington to ease crippling economic sanctions.")
        #expect(found.contains { $0.kind == .entityChanged && $0.explanation == "Who wants: A says North Korea, B says Seoul (South Korea)." })
        #expect(!kinds(changes("Russia attacked Ukraine on Thursday.", "Ukraine was attacked by Russia on Thursday.")).contains(.entityChanged))
        #expect(!kinds(changes("Pyongyang wants talks soon.", "North Korea wants talks soon.")).contains(.entityChanged))
    }

    @Test("an edited copy that puts one name in place of another")
    func replacedName() {
        let found = changes("Prime Minister Boris Johnson met the delegation in London on Monday.",
                            "Prime Minister Rishi Sunak met the delegation in London on Monday.")
        #expect(kinds(found) == [.entityChanged])
        #expect(found[0].explanation == "B puts Rishi Sunak where A has Boris Johnson.")
        #expect(changes("Prime Minister Boris Johnson met the delegation in London on Monday.",
                        "Boris Johnson, the prime minister, met the delegation in London on Monday.").isEmpty)
    }

    @Test("negation flipped, but not a negation said another way")
    func negation() {
        let found = changes("North Korea did not respond to the offer.", "North Korea responded to the offer.")
        #expect(kinds(found) == [.negationFlipped])
        #expect(kinds(changes("The talks have collapsed.", "The talks have not collapsed.")) == [.negationFlipped])
        #expect(changes("Isabel did not take her hands away.", "Isabel kept her hands there, without taking them away.").allSatisfy { $0.kind != .negationFlipped })
        #expect(changes("North Korea did not respond.", "Pyongyang did not respond to it.").isEmpty)
    }

    @Test("a bounded first made absolute, a superlative added, a quantifier dropped")
    func scope() {
        let found = changes("North Korea conducted its first such launches in six months.",
                            "North Korea's first ever cruise and ballistic missile test was conducted.")
        #expect(found.contains { $0.kind == .scopeChanged && $0.severity == .high })
        #expect(kinds(changes("Some experts have said the talks will fail.", "Experts have said the talks will fail.")) == [.scopeChanged])
        #expect(kinds(changes("It was a large protest.", "It was the largest protest.")) == [.scopeChanged])
        #expect(changes("North Korea conducted its first launches in six months.", "In six months, these were North Korea's first launches.").isEmpty)
        #expect(changes("Some experts have said the talks will fail.", "Some analysts and experts said the talks would fail.").isEmpty)
    }

    @Test("scope words that are not a change of scope: bounds, hedges, names, moved quantifiers")
    func scopeRewordings() {
        let quiet: [(String, String)] = [
            ("The death toll was at least 767 by Friday.", "By Friday the death toll was 767."),
            ("A 50 basis point cut was more likely, the article argued.", "A 50 basis point cut was most likely, the article argued."),
            ("He produced The Weakest Link for the network.", "He produced the quiz show for the network."),
            ("Moore had no immediate comment on the ruling Tuesday.", "Moore did not have an immediate comment on the ruling Tuesday."),
            ("Guidelines recommend approaches to many ailments, officials said.", "Guidelines recommend approaches to many common ailments, officials said."),
            ("Pay will rise over the next four years, the union said.", "Pay will rise over the next few years, the union said."),
            ("The largest gains were in prices and new orders.", "Prices and new orders increased."),
        ]
        // No scope change (the hedge dropped from "at least 767" is a hedge change; "common" a low-severity added qualifier).
        for (a, b) in quiet { #expect(!kinds(changes(a, b)).contains(.scopeChanged), "\(a) / \(b)") }
        #expect(kinds(changes(quiet[0].0, quiet[0].1)) == [.hedgeChanged])
        // Still a change: the superlative describes a noun both sides name.
        #expect(kinds(changes("It was a big protest in the city on Sunday.", "It was the biggest protest in the city on Sunday.")) == [.scopeChanged])
    }

    @Test("a superlative both sides use is kept, however its noun reads on each side; one dropped is found")
    func superlativeOnBothSides() {
        // "biggest markets must not win" reads "must" as the noun, "biggest markets must win approval" none.
        let negated = changes("Firms on the biggest markets must win approval before granting options.",
                              "Firms on the biggest markets must not win approval before granting options.")
        #expect(kinds(negated) == [.negationFlipped])
        // A hedge between the superlative and its figure: "a record about 8.4 percent improvement".
        let hedged = changes("General Motors posted a record 8.4 percent improvement in 2000.",
                             "General Motors posted a record about 8.4 percent improvement in 2000.")
        #expect(kinds(hedged) == [.hedgeChanged])
        let dropped = changes("It was the largest protest in the city on Sunday.", "It was a protest in the city on Sunday.")
        #expect(dropped.map(\.explanation) == ["A calls it \"largest\"; B drops the superlative."])
    }

    @Test("quoted words changed; a trimmed quote keeps its words")
    func quotes() {
        let found = changes("Kim said his country was facing \u{201C}the worst crisis ever\u{201D}.",
                            "Kim said the country faced the \"worst ever\" crisis.")
        #expect(kinds(found) == [.quoteAltered])
        #expect(changes("Kim Yo Jong called on South Korea to drop \u{201C}hostile policies\u{201D} at once.",
                        "Kim Yo Jong told South Korea to drop its \"hostile\" policies at once.").isEmpty)
    }

    @Test("a statement given to another speaker; the same speaker in another word order")
    func attribution() {
        let found = changes("\"We will not negotiate,\" Moon Jae In said on Tuesday.", "\"We will not negotiate,\" Kim Yo Jong said on Tuesday.")
        #expect(kinds(found).contains(.attributionChanged))
        #expect(changes("\"We will not negotiate,\" Moon Jae In said on Tuesday.", "\"We will not negotiate,\" said Moon Jae In on Tuesday.").isEmpty)
    }
}

@Suite("Findings inside one text")
struct DocumentFindingsTests {
    func check(_ text: String) -> [Finding] {
        var analyzer = TextAnalyzer()
        return DocumentChecker().check(analyzer.analyze(text))
    }

    @Test("the spun example contradicts itself, names a person their own sister, and carries debris")
    func spunExample() throws {
        let findings = check(try TestData.spunStory)
        #expect(findings.contains { $0.kind == .selfContradiction && $0.explanation.contains("first missile test in six months") })
        #expect(findings.contains { $0.kind == .impossibleRelation })
        #expect(findings.contains { $0.kind == .pronounMismatch && $0.explanation.hasPrefix("Kim Jong Un") })
        #expect(findings.filter { $0.kind == .debris }.count == 2)
    }

    @Test("the wire example: its scraping debris, and \"In his second statement, Kim Yo Jong\" after \"she\"")
    func wireExample() throws {
        let findings = check(try TestData.wireStory)
        #expect(kinds(findings) == [.debris, .pronounMismatch, .debris, .debris])
        #expect(findings.map(\.explanation) == [
            "\"Skip to content\" looks like site navigation, not part of the article.",
            "Kim Yo Jong is referred to both as \"his\" and as \"she\".",
            "\"it. denuclearization.\" is garbled: a sentence ends and a stray word follows.",
            "\"politico Gt\" trails the article without punctuation: probably a site name or footer.",
        ])
    }

    @Test("consistent texts have no findings")
    func clean() throws {
        #expect(check("North Korea conducted its first missile test in six months. The first such test in six months alarmed Seoul.").isEmpty)
        #expect(check("Kim Yo Jong, the sister of Kim Jong Un, spoke on Friday. She said talks could resume. Her brother did not comment.").isEmpty)
    }

    @Test("one figure stated two ways is a contradiction; an update, another year or rounding is not")
    func restatedFigures() {
        let slip = check("""
            The storm killed 23 people in the coastal province, officials said on Monday. Rescue teams searched the rubble. \
            Officials said the storm killed 32 people in the coastal province.
            """)
        #expect(slip.map(\.kind) == [.selfContradiction])
        #expect(slip.first?.explanation == "The text says 23 people in one place and 32 people in another, about the same thing.")
        let quiet = [
            "The storm killed 23 people in the province, officials said. By evening the toll had risen to 32 people in the province, officials said.",
            "The company cut 500 jobs in its factories in 2022. The company cut 300 jobs in its factories in 2023.",
            "The storm killed 23 people in the province. Officials said the storm killed 23 people in the province.",
            "The fund holds $2.11 billion in bonds, the filing shows. The fund holds $2.1 billion in bonds, the filing shows.",
            "Place two shovels full of gravel in each hole. Then place two or three shovels full of gravel in each hole.",
            "A burger has 540 calories in the meal. A wrap has 360 calories in the meal. A salad has 210 calories in the meal.",
            "Four firefighters were injured in the blaze. Some 300 firefighters were battling the blaze.",
        ]
        for text in quiet { #expect(check(text).isEmpty, "\(text)") }
    }
}

@Suite("Number and time findings")
struct NumberTimeFindingsTests {
    @Test("a figure changed is found; the same figure written differently is not")
    func numbers() {
        let found = changes("The United States keeps 28,500 troops in South Korea.", "The United States keeps 80,000 troops in South Korea.")
        #expect(kinds(found) == [.numberChanged])
        #expect(found[0].explanation == "A says 28,500 troops, B says 80,000 troops.")
        #expect(changes("The United States keeps 28,500 troops in South Korea.", "The U.S. keeps 28500 troops in South Korea.").isEmpty)
        #expect(changes("It was the first launch in six months.", "It was the first launch in 6 months.").isEmpty)
        #expect(kinds(changes("Talks have stalled for 2.5 years.", "Talks have stalled for two years.")) == [.numberChanged])
        #expect(changes("The deal is worth $2.5 billion.", "The deal is worth 2.5 billion dollars.").isEmpty)
        #expect(kinds(changes("Prices rose 10% in March.", "Prices rose 12 percent in March.")) == [.numberChanged])
    }

    @Test("a number dropped, or in a different role, is not a change")
    func unpaired() {
        #expect(changes("Police said three armed men took the money on Monday.", "Police said armed men took the money on Monday.").isEmpty)
        #expect(changes("The 2016-17 tests led to 11 sanctions resolutions.", "The tests of 2016-17 led to new sanctions.").allSatisfy { $0.severity == .low })
    }

    @Test("times changed are found; the same time, or a time dropped, is not")
    func times() {
        let found = changes("Last Friday and Saturday, Kim Yo Jong contacted Seoul.", "On Friday, Kim Yo Jong contacted Seoul.")
        #expect(kinds(found) == [.timeChanged])
        #expect(found[0].explanation == "A says Last Friday, Saturday; B says Friday.")
        #expect(kinds(changes("North Korea tested missiles earlier this month.", "North Korea tested missiles last week.")) == [.timeChanged])
        #expect(kinds(changes("The talks collapsed in 2019.", "The talks collapsed in 2018.")) == [.timeChanged])
        #expect(changes("On Friday, Kim Yo Jong contacted Seoul.", "Kim Yo Jong contacted Seoul on Friday.").isEmpty)
        #expect(changes("On Friday, Kim Yo Jong contacted Seoul.", "Kim Yo Jong contacted Seoul.").isEmpty)
        #expect(changes("Experts may disagree about the talks in March.", "Experts may disagree about the March talks.").isEmpty)
    }

    @Test("\"May\" and \"March\" after a word of time are months; the modal, the verb and the name are not")
    func mayAndMarch() {
        let found = changes("The plant will close in March, the company said.", "The plant will close in June, the company said.")
        #expect(kinds(found) == [.timeChanged])
        #expect(found[0].explanation == "A says March; B says June.")
        #expect(kinds(changes("Prices have fallen since May.", "Prices have fallen since April.")) == [.timeChanged])
        // A faithful paraphrase keeps the month: silent.
        #expect(changes("The plant will close in March, the company said.", "The company said the plant would shut in March.").isEmpty)
        func months(_ text: String) -> [String] {
            var analyzer = TextAnalyzer()
            let document = analyzer.analyze(text)
            return TimeMention.all(document, 0..<document.tokens.count).map(\.canonical)
        }
        #expect(months("Officials may decide in May.") == ["may"])
        #expect(months("Farmers will march on the capital until late March.") == ["march"])
        #expect(months("A speech by May drew protests.") == [])
        #expect(months("Two ministers in May's cabinet resigned.") == [])
    }
}

@Suite("Name keys")
struct NameKeyTests {
    @Test("letters only, lowercase, a plural s dropped per word; ASCII and other scripts alike")
    func keys() {
        #expect(NameMention.key("O'Neill") == "oneill")
        #expect(NameMention.key("Turks and Caicos") == "turk and caico")
        #expect(NameMention.key("Kim Yo Jong") == "kim yo jong")
        #expect(NameMention.key("Ross") == "ross")
        #expect(NameMention.key("AT & T") == "at  t")
        #expect(NameMention.key("U.S.") == "us")
        #expect(NameMention.key("Müllers Café") == "müller café")
        #expect(NameMention.key("Ærøskøbings") == "ærøskøbing")
    }
}
