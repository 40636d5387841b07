import Testing
@testable import RetoldCore

@Suite("Normalization")
struct NormalizedTextTests {
    @Test("curly quotes, dashes, ellipsis and odd spaces fold to ASCII")
    func folding() {
        let text = NormalizedText("\u{201C}Hi\u{201D} \u{2014} it\u{2019}s\u{00A0}2016\u{2013}17\u{2026}")
        #expect(text.string == "\"Hi\" - it's 2016-17...")
    }

    @Test("space runs collapse, CRLF becomes LF, blank-line runs become one blank line, edges trimmed")
    func whitespace() {
        let text = NormalizedText("  One\t \ttwo.\r\n\r\n\r\n\rThree\u{200B}four  ")
        #expect(text.string == "One two.\n\nThreefour")
    }

    @Test("combining accents recompose (NFC)")
    func composition() {
        let decomposed = NormalizedText("Cafe\u{0301} au lait")
        #expect(decomposed.string == "Caf\u{00E9} au lait")
        #expect(decomposed.bytes == NormalizedText("Caf\u{00E9} au lait").bytes)
    }

    @Test("every normalized range maps back to the same words in the original")
    func offsetsMapBack() {
        let original = "  \u{201C}Kim\u{2019}s\u{201D}  sister \u{2014}\u{00A0}Kim Yo Jong\u{2026} said. Cafe\u{0301}!"
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze(original)
        let words = document.tokens.map { document.text.originalText($0.range) }
        #expect(words == ["Kim\u{2019}s", "sister", "Kim", "Yo", "Jong", "said", "Cafe\u{0301}"])
        let sentences = document.sentences.map { document.text.originalText($0.range) }
        #expect(sentences == ["\u{201C}Kim\u{2019}s\u{201D}  sister \u{2014}\u{00A0}Kim Yo Jong\u{2026} said.", "Cafe\u{0301}!"])
    }

    @Test("trailing whitespace is not part of the last span")
    func trailing() {
        let text = NormalizedText("Done.   \n\n")
        #expect(text.offsets.originalOffset(text.bytes.count) == 5)
    }
}
