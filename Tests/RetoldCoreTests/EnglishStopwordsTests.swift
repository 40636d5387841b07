import Testing

@testable import RetoldCore

@Suite("EnglishStopwords")
struct EnglishStopwordsTests {
    @Test func listMatchesTheSnowballFile() {
        #expect(EnglishStopwords.words.count == 174)
        #expect(Set(EnglishStopwords.words).count == 174)
        #expect(EnglishStopwords.words.prefix(5) == ["i", "me", "my", "myself", "we"])
        #expect(EnglishStopwords.words.last == "very")
        for word in EnglishStopwords.words {
            #expect(word == word.lowercased() && !word.isEmpty && !word.contains(" "), "\(word)")
        }
    }

    @Test(arguments: [
        "i", "me", "the", "and", "of", "yourselves", "would", "ought", "cannot", "isn't",
        "aren't", "don't", "won't", "mustn't", "let's", "how's", "they'll", "very", "only",
    ])
    func members(_ word: String) {
        #expect(EnglishStopwords.contains(word))
        #expect(EnglishStopwords.contains(hash: StableHash.fnv1a(word)))
    }

    /// Forms the file comments out (us, will, shall, can, may, might, must, daren't, ...),
    /// words from its "commonest words" appendix, and ordinary words.
    @Test(arguments: [
        "us", "will", "shall", "can", "may", "might", "must", "daren't", "needn't", "mightn't",
        "oughtn't", "mine", "one", "said", "also", "news", "retold", "The", "", "isnt",
    ])
    func nonMembers(_ word: String) {
        #expect(!EnglishStopwords.contains(word))
        #expect(!EnglishStopwords.contains(hash: StableHash.fnv1a(word)))
    }

    @Test func hashAndStringFormsAgree() {
        for word in EnglishStopwords.words {
            #expect(EnglishStopwords.contains(word))
            var bytes = Array(word.utf8)
            #expect(EnglishStopwords.contains(hash: StableHash.fnv1a(bytes)), "\(word)")
            // Appending "s" gives members ("its", "hers", "ours") and non-members ("mes", "thes").
            bytes.append(0x73)
            let plural = String(decoding: bytes, as: UTF8.self)
            #expect(
                EnglishStopwords.contains(plural) == EnglishStopwords.contains(hash: StableHash.fnv1a(bytes)),
                "\(plural)"
            )
        }
    }
}
