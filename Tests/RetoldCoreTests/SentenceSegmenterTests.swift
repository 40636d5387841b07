import Testing
@testable import RetoldCore

@Suite("Sentence segmentation")
struct SentenceSegmenterTests {
    func sentences(_ input: String) -> [String] {
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze(input)
        return document.sentences.map { document.text.text($0.range) }
    }

    @Test("titles, initials, month abbreviations and decimals do not end sentences")
    func abbreviations() {
        #expect(sentences("Mr. Moon met U.S. officials on Sept. 12 in Washington. The talks lasted 2.5 hours. George W. Bush was not there.")
            == ["Mr. Moon met U.S. officials on Sept. 12 in Washington.", "The talks lasted 2.5 hours.", "George W. Bush was not there."])
    }

    @Test("an abbreviation ends a sentence when a sentence starter follows")
    func abbreviationAtEnd() {
        #expect(sentences("Then we went to the U.S. The end came. He works for Apple Inc. and lives in St. Louis.")
            == ["Then we went to the U.S.", "The end came.", "He works for Apple Inc. and lives in St. Louis."])
    }

    @Test("quotations: closing quotes stay, a lowercase continuation does not split")
    func quotations() {
        #expect(sentences("\"Is it over?\" she asked. \"No!\" He left. She said: \"We will win.\" Then she went home.")
            == ["\"Is it over?\" she asked.", "\"No!\"", "He left.", "She said: \"We will win.\"", "Then she went home."])
    }

    @Test("headlines without a final period end at their line; paragraphs are numbered")
    func headlines() {
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze("N. Korea offers to talk\n\nKim Yo Jong made the statement. Experts agreed.\nA new line")
        #expect(document.sentences.map { document.text.text($0.range) }
            == ["N. Korea offers to talk", "Kim Yo Jong made the statement.", "Experts agreed.", "A new line"])
        #expect(document.sentences.map(\.paragraph) == [0, 1, 1, 1])
    }

    @Test("hard-wrapped text joins its lines")
    func hardWrapped() {
        let wrapped = """
        It was the best of times, it was the worst of times, it was the age
        of wisdom, it was the age of foolishness, it was the epoch of belief,
        it was the epoch of incredulity, it was the season of Light, it was the
        season of Darkness, it was the spring of hope. It was the winter of
        despair, we had everything before us, we had nothing before us.
        """
        #expect(sentences(wrapped).count == 2)
    }

    @Test("ellipses, exclamations and text without final punctuation")
    func endings() {
        #expect(sentences("Wait... Then what? Nothing! and so on") == ["Wait...", "Then what?", "Nothing! and so on"])
    }

    @Test("empty and punctuation-only texts have no sentences")
    func empty() {
        #expect(sentences("").isEmpty)
        #expect(sentences(" ... --- !!! ").isEmpty)
    }
}
