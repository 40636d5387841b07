import Testing
@testable import RetoldEncoder

/// The tokenizer on a vocabulary the test writes, so every rule is checked without a model.
@Suite struct BertTokenizerTests {
    static let pieces = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "plant", "was", "closed", ".", ",", "un", "##believ",
                         "##ably", "cafe", "a", "3", "-", "pound", "bird", "£", "東", "京", "said", "\"", "zurich", "##s"]
    static let tokenizer = BertTokenizer(vocabulary: try! WordPieceVocabulary(lines: pieces.joined(separator: "\n") + "\n"))

    func pieces(_ text: String, limit: Int = 128) -> [String] {
        let tokenizer = BertTokenizer(vocabulary: Self.tokenizer.vocabulary, limit: limit)
        return tokenizer.ids(text).map(tokenizer.vocabulary.piece)
    }

    @Test func casesAreFoldedAndPunctuationIsAWordOfItsOwn() {
        #expect(pieces("The PLANT was closed.") == ["[CLS]", "the", "plant", "was", "closed", ".", "[SEP]"])
        #expect(pieces("\"the,plant\"") == ["[CLS]", "\"", "the", ",", "plant", "\"", "[SEP]"])
    }

    @Test func wordsAreCutIntoTheLongestPiecesFromTheirStart() {
        #expect(pieces("Unbelievably") == ["[CLS]", "un", "##believ", "##ably", "[SEP]"])
        #expect(pieces("plants") == ["[CLS]", "plant", "##s", "[SEP]"])
        // No cut covers the whole word: the word is unknown, not its tail.
        #expect(pieces("unbelievable closed") == ["[CLS]", "[UNK]", "closed", "[SEP]"])
        #expect(pieces(String(repeating: "a", count: 101)) == ["[CLS]", "[UNK]", "[SEP]"])
    }

    @Test func accentsAreStrippedAndIdeographsSplit() {
        #expect(pieces("Café ZÜRICH") == ["[CLS]", "cafe", "zurich", "[SEP]"])
        #expect(pieces("東京said") == ["[CLS]", "東", "京", "said", "[SEP]"])
        // A currency sign is a symbol, not punctuation: "£3" stays one word (here with no cut).
        #expect(pieces("a £3-pound bird") == ["[CLS]", "a", "[UNK]", "-", "pound", "bird", "[SEP]"])
    }

    @Test func controlCharactersAreDroppedAndEverySpaceSplits() {
        // The bell and the zero-width joiner vanish (joining "theplantwas", which has no cut); a
        // no-break space and a line separator split like a space.
        #expect(pieces("the\u{7}plant\u{200D}was\u{A0}closed\u{2028}.") == ["[CLS]", "[UNK]", "closed", ".", "[SEP]"])
        #expect(pieces("") == ["[CLS]", "[SEP]"])
    }

    @Test func theWindowKeepsTheFirstPiecesAndTheSeparator() {
        #expect(pieces("the plant was closed . the plant", limit: 5) == ["[CLS]", "the", "plant", "was", "[SEP]"])
    }
}
