import Testing
@testable import RetoldCore

/// Letter-for-letter closeness of aligned sentences, on sentences written here.
@Suite("Character similarity")
struct CharacterSimilarityTests {
    func analyze(_ text: String) -> Document {
        var analyzer = TextAnalyzer()
        return analyzer.analyze(text)
    }

    @Test("the longest common subsequence of two byte strings")
    func subsequence() {
        #expect(CharacterSimilarity.longestCommonSubsequence(Array("abcde".utf8), Array("ace".utf8)) == 3)
        #expect(CharacterSimilarity.longestCommonSubsequence(Array("plant".utf8), Array("factory".utf8)) == 2)
        #expect(CharacterSimilarity.longestCommonSubsequence(Array("abc".utf8), Array("xyz".utf8)) == 0)
        #expect(CharacterSimilarity.longestCommonSubsequence(Array("abcxdef".utf8), Array("abcydef".utf8)) == 6)
        #expect(CharacterSimilarity.longestCommonSubsequence(Array("abc".utf8), Array("abc".utf8)) == 3)
        #expect(CharacterSimilarity.longestCommonSubsequence(Array("ab".utf8), Array("abab".utf8)) == 2)
        #expect(CharacterSimilarity.longestCommonSubsequence([], Array("ab".utf8)) == 0)
    }

    /// The full dynamic programme, as the reference for the one that sets aside the common
    /// prefix and suffix first.
    func fullProgramme(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0..<a.count {
            for j in 0..<b.count {
                table[i + 1][j + 1] = a[i] == b[j] ? table[i][j] + 1 : max(table[i][j + 1], table[i + 1][j])
            }
        }
        return table[a.count][b.count]
    }

    @Test("setting aside the common prefix and suffix gives the same length")
    func trimmedProgramme() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<500 {
            let shared = (0..<next(6)).map { _ in UInt8(97 + next(3)) }
            let tail = (0..<next(6)).map { _ in UInt8(97 + next(3)) }
            let a = shared + (0..<next(8)).map { _ in UInt8(97 + next(3)) } + tail
            let b = shared + (0..<next(8)).map { _ in UInt8(97 + next(3)) } + tail
            #expect(CharacterSimilarity.longestCommonSubsequence(a, b) == fullProgramme(a, b))
        }
    }

    @Test("only letters and digits count, lowercased")
    func letters() {
        let document = analyze("Shares rose 9 per cent, to US$207.05 on Thursday.")
        #expect(CharacterSimilarity.letters(document, 0..<1) == Array("sharesrose9percenttous20705onthursday".utf8))
    }

    @Test("house style that changes words leaves the letters the same")
    func houseStyle() {
        let a = analyze("Shares rose 9 per cent on Thursday.")
        let b = analyze("Shares rose 9 percent on Thursday!")
        #expect(CharacterSimilarity.similarity(a, 0..<1, b, 0..<1) == 1)
    }

    @Test("a changed word moves letters: Dice of the common subsequence")
    func changedWord() {
        // "theplantclosedonmonday" (22) and "thefactoryclosedonmonday" (24) share "the", "at" of
        // plant/factory, and "closedonmonday": 19 letters.
        let a = analyze("The plant closed on Monday.")
        let b = analyze("The factory closed on Monday.")
        #expect(CharacterSimilarity.similarity(a, 0..<1, b, 0..<1) == 38.0 / 46.0)
    }

    @Test("a verbatim copy in another house style: no sentence word for word, every letter kept")
    func evidence() {
        let source = """
            The company said its revenue rose 12 per cent in the second quarter, driven by demand for its phones in Asia. \
            Its shares have gained about 50,000 per cent since the initial public offering in 1980, the exchange said. \
            Analysts at three banks raised their targets for the stock after the results were published on Tuesday.
            """
        let copy = """
            The company said its revenue rose 12 percent in the second quarter, driven by demand for its phones in Asia. \
            Its shares have gained about 50000 percent since the initial public offering in 1980, the exchange said. \
            Analysts at three banks raised their targets for the stock after the results were published on Tuesday!
            """
        var analyzer = TextAnalyzer()
        let evidence = Comparer().compare(analyzer.analyze(source), analyzer.analyze(copy)).evidence
        #expect(evidence.bodyAlignments == 3)
        #expect(evidence.characterSimilarity == 1)
        #expect(evidence.verbatimShare < 1)
        let position = DerivationEvidence.featureNames.firstIndex(of: "character_similarity")!
        #expect(evidence.features[position] == 1)
    }
}
