import Foundation
import Testing

@testable import RetoldCore

@Suite("EnglishStemmer")
struct EnglishStemmerTests {
    let stemmer = EnglishStemmer()

    /// Stems through the byte API, the one the hot path uses.
    func stemBytes(_ word: String, reusing output: inout [UInt8]) -> String {
        let bytes = Array(word.utf8)
        bytes.withUnsafeBufferPointer { stemmer.stem($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    static func loadVectors() throws -> [(word: String, stem: String)] {
        let url = try #require(
            Bundle.module.url(forResource: "porter2-vectors", withExtension: "tsv", subdirectory: "Fixtures"),
            "Fixtures/porter2-vectors.tsv is missing from the test bundle"
        )
        let text = try String(contentsOf: url, encoding: .utf8)
        var pairs: [(word: String, stem: String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                Issue.record("malformed fixture line: \(line)")
                continue
            }
            pairs.append((String(fields[0]), String(fields[1])))
        }
        return pairs
    }

    @Test func fixtureVectorsAllMatchTheReference() throws {
        let pairs = try Self.loadVectors()
        #expect(pairs.count >= 5_000, "expected about 6,000 vectors, found \(pairs.count)")

        var output = [UInt8]()
        var mismatches: [String] = []
        var mismatchCount = 0
        for (word, expected) in pairs {
            let got = stemBytes(word, reusing: &output)
            if got != expected {
                mismatchCount += 1
                if mismatches.count < 10 { mismatches.append("\(word) -> \(got) (expected \(expected))") }
            }
        }
        #expect(
            mismatchCount == 0,
            "\(mismatchCount) of \(pairs.count) vectors differ; first: \(mismatches.joined(separator: "; "))"
        )
    }

    @Test func stringAndByteFormsAgreeOnTheFixture() throws {
        var output = [UInt8]()
        for (word, _) in try Self.loadVectors().prefix(500) {
            #expect(stemmer.stem(word) == stemBytes(word, reusing: &output), "\(word)")
        }
    }

    /// Hand-written cases, each checked against snowballstemmer 3.1.1.
    @Test(arguments: [
        ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"),
        ("consignment", "consign"), ("generously", "generous"), ("generous", "generous"),
        ("generate", "generat"), ("general", "general"), ("communism", "communism"),
        ("communication", "communic"), ("arsenal", "arsenal"), ("arsenic", "arsenic"),
        ("past", "past"), ("pasted", "paste"), ("universal", "universal"),
        ("university", "universiti"), ("emergency", "emergenc"), ("international", "internat"),
        ("organization", "organiz"),
    ])
    func regionPrefixes(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: [
        ("skis", "ski"), ("skies", "sky"), ("sky", "sky"), ("idly", "idl"), ("gently", "gentl"),
        ("ugly", "ugli"), ("early", "earli"), ("only", "onli"), ("singly", "singl"),
        ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
        ("bias", "bias"), ("andes", "andes"),
    ])
    func exceptionalForms(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: [
        ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("vying", "vie"),
        ("inning", "inning"), ("innings", "inning"), ("outing", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earring", "earring"), ("evening", "evening"),
        ("evenings", "evening"), ("proceed", "proceed"), ("proceeds", "proceed"),
        ("exceed", "exceed"), ("exceeded", "exceed"), ("succeed", "succeed"),
        ("succeeding", "succeed"), ("agreed", "agre"), ("feed", "feed"), ("hopping", "hop"),
        ("adding", "add"), ("luxuriated", "luxuri"),
    ])
    func step1bCases(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cries", "cri"),
        ("happy", "happi"), ("saying", "say"), ("sayings", "say"), ("toys", "toy"),
        ("enjoying", "enjoy"), ("yellow", "yellow"), ("relational", "relat"),
        ("hopefulness", "hope"), ("callousness", "callous"), ("geologist", "geolog"),
        ("archaeology", "archaeolog"), ("fluently", "fluentli"),
    ])
    func suffixesAndY(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test(arguments: [
        ("'tis", "tis"), ("dog's", "dog"), ("dogs'", "dog"), ("dog's'", "dog"), ("it's", "it"),
        ("don't", "don't"),
    ])
    func apostrophes(_ word: String, _ expected: String) {
        #expect(stemmer.stem(word) == expected)
    }

    @Test func shortAndNonASCIIWordsAreUnchanged() {
        for word in ["", "a", "is", "as", "us", "ys", "né", "café", "naïvely", "résumés"] {
            #expect(stemmer.stem(word) == word)
        }
    }

    @Test func outputIsClearedAndReused() {
        var output: [UInt8] = Array("leftover bytes from before".utf8)
        #expect(stemBytes("generously", reusing: &output) == "generous")
        #expect(stemBytes("is", reusing: &output) == "is")
        #expect(stemBytes("skies", reusing: &output) == "sky")
        #expect(stemBytes("caresses", reusing: &output) == "caress")
    }
}
