import Testing
@testable import RetoldCore

@Suite("Tokenizer")
struct TokenizerTests {
    func words(_ input: String) -> [String] {
        let text = NormalizedText(input)
        return Tokenizer.tokenize(text).map { text.text($0.range) }
    }

    @Test("abbreviations, decimals, times, grouped numbers and possessives stay whole; hyphens split")
    func shapes() {
        #expect(words("U.S.-led talks at 3:30 p.m. cost $28,500 or 2.5% of Korea's end-of-war budget.")
            == ["U.S.", "led", "talks", "at", "3:30", "p.m.", "cost", "28,500", "or", "2.5", "of", "Korea's", "end", "of", "war", "budget"])
    }

    @Test("a grouping comma is part of the number, but a list comma is not")
    func commas() {
        #expect(words("28,500 troops; 1,2,3 and 10,0000") == ["28,500", "troops", "1", "2", "3", "and", "10", "0000"])
    }

    @Test("grouped and plain numbers share a key; case does not change keys")
    func keys() {
        let text = NormalizedText("28,500 28500 Seoul SEOUL seoul")
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens[0].key == tokens[1].key)
        #expect(tokens[2].key == tokens[3].key && tokens[3].key == tokens[4].key)
        #expect(tokens[0].flags.contains(.number) && tokens[2].flags.contains(.capitalized) && !tokens[4].flags.contains(.capitalized))
    }

    @Test("non-ASCII letters are words, symbols and emoji are not")
    func unicode() {
        #expect(words("Café Zürich — €5 🚀 naïve") == ["Café", "Zürich", "5", "naïve"])
        let text = NormalizedText("ÉCOLE école")
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens[0].key == tokens[1].key)
    }

    @Test("stems and stopwords are filled in by the analyzer")
    func analyzer() {
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze("The launches were launched")
        #expect(document.tokens[0].flags.contains(.stopword))
        #expect(document.tokens[1].stem == document.tokens[3].stem)
        #expect(document.tokens[1].key != document.tokens[3].key)
    }
}
