// Speed and memory benchmarks for RetoldCore. Speed targets live here, never in timed unit tests.
//
// Run from the `Benchmarks/` directory:  swift package benchmark
// (one target only:                      swift package benchmark --target RetoldBenchmarks)
// (one benchmark only:                  swift package benchmark --filter 'analyze 1MB')
//  --filter is a regex that must match the whole name: 'compare.*', 'segment\+tokenize 1MB'.
//
// Reading the output (see README.md for more):
// - The two 1 MB benchmarks process exactly 1,000,000 bytes of UTF-8 per iteration, so
//   `Throughput (# / s)` *is* MB/s (10^6 bytes per second), and MB/s = 1000 / wallClock in ms.
// - The compare benchmarks do one pair per iteration: `Time (wall clock)` is the time per pair
//   (ms/pair), and `Throughput (# / s)` is pairs per second (ms/pair = 1000 / throughput).

import Benchmark
import Foundation
import RetoldCore

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(2),
        maxIterations: 1_000
    )

    // MARK: 1 MB text: normalization + tokenization + sentence segmentation

    // NormalizedText (NFC, quote/dash/space folding, offset map) + Tokenizer + SentenceSegmenter,
    // i.e. everything `TextAnalyzer.analyze` does except stopword marking and stemming.
    Benchmark("segment+tokenize 1MB", configuration: .init(maxIterations: 200)) { benchmark in
        let input = Inputs.megabyte
        for _ in benchmark.scaledIterations {
            let text = NormalizedText(input)
            let tokens = Tokenizer.tokenize(text)
            blackHole(SentenceSegmenter.segment(text, tokens: tokens))
        }
    } setup: {
        precondition(Inputs.megabyte.utf8.count == Inputs.megabyteSize)
    }

    // MARK: 1 MB text: full analysis

    // The full `TextAnalyzer.analyze`, stemming included. A fresh analyzer per iteration, so the
    // stem cache starts cold and every distinct word of the megabyte is stemmed once, as when a
    // process analyzes one big document.
    Benchmark("analyze 1MB", configuration: .init(maxIterations: 200)) { benchmark in
        let input = Inputs.megabyte
        for _ in benchmark.scaledIterations {
            var analyzer = TextAnalyzer()
            blackHole(analyzer.analyze(input))
        }
    } setup: {
        precondition(Inputs.megabyte.utf8.count == Inputs.megabyteSize)
    }

    // MARK: compare: documents analyzed outside the measured loop, and from raw strings
    //
    // "example-pair": examples/000 (~350 words) against examples/001 (~880 words), real reuse
    //   (001 is a rewrite); 000 is shorter than the nominal 1,000 words.
    // "synthetic-1000w": a ~1,000-word article built from the example sentences, against a
    //   rewrite of it in which every 3rd content word is replaced (deterministically).
    // The "analyze+compare" variants use a fresh analyzer per pair (cold stem cache), as in a
    // fresh `retold compare` process: what a user of `retold compare A B` waits for.
    let pairs: [(name: String, strings: @Sendable () -> (String, String), documents: @Sendable () -> (Document, Document))] = [
        ("example-pair", { Inputs.examplePair }, { Inputs.exampleDocuments }),
        ("synthetic-1000w", { Inputs.syntheticPair }, { Inputs.syntheticDocuments }),
    ]
    for pair in pairs {
        Benchmark("compare \(pair.name)") { benchmark in
            let (a, b) = pair.documents()
            for _ in benchmark.scaledIterations {
                blackHole(Comparer().compare(a, b))
            }
        } setup: {
            _ = pair.documents()
        }

        Benchmark("analyze+compare \(pair.name)") { benchmark in
            let (a, b) = pair.strings()
            for _ in benchmark.scaledIterations {
                var analyzer = TextAnalyzer()
                let documentA = analyzer.analyze(a)
                let documentB = analyzer.analyze(b)
                blackHole(Comparer().compare(documentA, documentB))
            }
        } setup: {
            _ = pair.strings()
        }
    }

    // MARK: align only: passages, coverage and relationship without findings

    Benchmark("align synthetic-1000w") { benchmark in
        let (a, b) = Inputs.syntheticDocuments
        for _ in benchmark.scaledIterations {
            blackHole(PassageAligner().align(a, b))
        }
    } setup: {
        _ = Inputs.syntheticDocuments
    }

    // MARK: check: one text, no source (findings inside a single document)

    // The synthetic ~1,000-word article, analyzed beforehand, and from its raw string.
    Benchmark("check 1000w") { benchmark in
        let document = Inputs.syntheticDocuments.0
        for _ in benchmark.scaledIterations {
            blackHole(DocumentChecker().check(document))
        }
    } setup: {
        _ = Inputs.syntheticDocuments
    }

    Benchmark("analyze+check 1000w") { benchmark in
        let text = Inputs.syntheticPair.0
        for _ in benchmark.scaledIterations {
            var analyzer = TextAnalyzer()
            blackHole(DocumentChecker().check(analyzer.analyze(text)))
        }
    } setup: {
        _ = Inputs.syntheticPair
    }

    ingestBenchmarks()
    encoderBenchmarks()
}

// MARK: - Inputs

/// Benchmark inputs, built lazily (Swift globals are initialized once, on first use, thread-safely)
/// and touched in each benchmark's `setup`, so building them is never measured.
enum Inputs {
    /// Exactly this many UTF-8 bytes in `megabyte`, so throughput in iterations/s reads as MB/s.
    static let megabyteSize = 1_000_000

    /// The repository root: this file is `<root>/Benchmarks/Benchmarks/RetoldBenchmarks/RetoldBenchmarks.swift`.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // RetoldBenchmarks
        .deletingLastPathComponent()  // Benchmarks (sources)
        .deletingLastPathComponent()  // Benchmarks (package)
        .deletingLastPathComponent()

    /// The example articles, `examples/*.txt` in name order (read at startup, never copied here).
    static let examples: [String] = {
        let directory = repositoryRoot.appendingPathComponent("examples")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".txt") }
                .sorted()
        } catch {
            fatalError("RetoldBenchmarks: cannot list \(directory.path): \(error)")
        }
        guard names.count >= 2 else {
            fatalError("RetoldBenchmarks: need at least two example texts in \(directory.path)")
        }
        return names.map { name in
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                fatalError("RetoldBenchmarks: cannot read \(url.path)")
            }
            return String(decoding: data, as: UTF8.self)
        }
    }()

    /// ~1 MB of English-like news text: exactly `megabyteSize` bytes.
    static let megabyte: String = Corpus.megabyte(from: examples, size: megabyteSize)

    /// The example pair as is: examples 000 and 001.
    static let examplePair: (String, String) = (examples[0], examples[1])

    static let exampleDocuments: (Document, Document) = analyzed(examplePair)

    /// A synthetic ~1,000-word article and its rewrite (every 3rd content word replaced).
    static let syntheticPair: (String, String) = Corpus.syntheticPair(from: examples, words: 1_000)

    static let syntheticDocuments: (Document, Document) = analyzed(syntheticPair)

    private static func analyzed(_ pair: (String, String)) -> (Document, Document) {
        var analyzer = TextAnalyzer()
        return (analyzer.analyze(pair.0), analyzer.analyze(pair.1))
    }
}

// MARK: - Deterministic input generation

/// SplitMix64: a tiny deterministic generator, so every run and machine benchmarks the same text.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// `StableHash.mix` is SplitMix64's step and finalizer in one.
    mutating func next() -> UInt64 {
        defer { state &+= 0x9E37_79B9_7F4A_7C15 }
        return StableHash.mix(state)
    }

    /// A value in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// A value in `0..<1`.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }
}

enum Corpus {
    /// Paragraphs of the example texts (blank-line separated, whitespace-trimmed).
    static func paragraphs(_ texts: [String]) -> [String] {
        texts.flatMap { text in
            text.replacingOccurrences(of: "\r\n", with: "\n")
                .components(separatedBy: "\n\n")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
        }
    }

    /// Builds exactly `size` bytes of news-like text from the examples: article after article, each
    /// made of the example paragraphs in a shuffled order, with about one lowercase word of four
    /// (4+ letters) swapped for an invented English-looking word (a skewed draw from ~8,000 stems times
    /// common suffixes: "-s", "-ed", "-ing", "-ation", "-ness", ...) and numbers redrawn. Plain
    /// repetition would leave only ~600 distinct words, which would flatter the stemmer and the stem
    /// cache; this gives a vocabulary of news-corpus size (tens of thousands of distinct words)
    /// while keeping the sentence structure, punctuation, quotes and abbreviations of real articles.
    /// The text is cut at a word boundary and padded with one filler word so its UTF-8 size is exact.
    static func megabyte(from examples: [String], size: Int) -> String {
        var rng = SplitMix64(seed: 0x5245_544F_4C44)  // "RETOLD"
        let vocabulary = PseudoWords(rng: &rng, stems: 8_000)
        var paragraphs = paragraphs(examples)
        var output = ""
        output.reserveCapacity(size + 16 * 1024)
        var article = 0
        while output.utf8.count < size {
            rng.shuffle(&paragraphs)
            if article > 0 { output += "\n\n" }
            // The first article keeps the examples verbatim; later ones are varied.
            let varied = paragraphs.map { article == 0 ? $0 : vary($0, vocabulary: vocabulary, rng: &rng) }
            output += varied.joined(separator: "\n\n")
            article += 1
        }
        return exactSize(output, size)
    }

    /// Cuts `text` to the last space or newline before `size` bytes and pads to exactly `size`.
    static func exactSize(_ text: String, _ size: Int) -> String {
        var bytes = Array(text.utf8.prefix(size))
        precondition(bytes.count == size, "corpus shorter than \(size) bytes")
        var cut = size - 2
        while cut > 0 && bytes[cut] != 0x20 && bytes[cut] != 0x0A { cut -= 1 }
        bytes.removeSubrange((cut + 1)...)
        let missing = size - bytes.count  // >= 1
        bytes += Array(repeating: UInt8(ascii: "x"), count: missing - 1) + [UInt8(ascii: ".")]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces some lowercase words with invented ones and redraws numbers, keeping punctuation.
    static func vary(_ paragraph: String, vocabulary: PseudoWords, rng: inout SplitMix64) -> String {
        var pieces: [String] = []
        for piece in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
            let scalars = Array(piece.unicodeScalars)
            guard let first = scalars.firstIndex(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) }),
                  let last = scalars.lastIndex(where: { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            else {
                pieces.append(String(piece))
                continue
            }
            let core = scalars[first...last]
            var replacement: String?
            if core.count >= 4, core.allSatisfy({ ("a"..."z").contains($0) }), rng.below(4) == 0 {
                replacement = vocabulary.draw(&rng)
            } else if core.allSatisfy({ ("0"..."9").contains($0) }) {
                replacement = String(core.map { _ in Character(String(rng.below(10))) })
            }
            guard let replacement else {
                pieces.append(String(piece))
                continue
            }
            var rebuilt = String.UnicodeScalarView(scalars[..<first])
            rebuilt.append(contentsOf: replacement.unicodeScalars)
            rebuilt.append(contentsOf: scalars[(last + 1)...])
            pieces.append(String(rebuilt))
        }
        return pieces.joined(separator: " ")
    }

    /// A ~`words`-word article made of the example sentences (sentences of 5+ words, deduplicated,
    /// shuffled, three per paragraph), and a rewrite of it where every 3rd content word (stopwords and numbers don't
    /// count) is replaced by a different content word of the examples, capitalization kept.
    static func syntheticPair(from examples: [String], words target: Int) -> (String, String) {
        var rng = SplitMix64(seed: 0x1000)
        var analyzer = TextAnalyzer()
        var sentences: [String] = []
        var seen = Set<String>()
        var pool = Set<String>()
        for example in examples {
            let document = analyzer.analyze(example)
            for sentence in document.sentences {
                var text = document.text.text(sentence.range).trimmingCharacters(in: .whitespacesAndNewlines)
                // Headlines have no final stop; give them one so they stay sentences of their own.
                if let last = text.last, !".!?\"'".contains(last) { text += "." }
                if text.split(separator: " ").count >= 5, seen.insert(text).inserted { sentences.append(text) }
            }
            for token in document.tokens where isReplaceable(token) {
                let word = document.string(of: token).lowercased()
                if word.count >= 3 { pool.insert(word) }
            }
        }
        rng.shuffle(&sentences)

        // Sentences until the article reaches `target` words (cycling if the examples run out).
        var chosen: [String] = []
        var count = 0
        var next = 0
        while count < target {
            let sentence = sentences[next % sentences.count]
            chosen.append(sentence)
            count += sentence.split(whereSeparator: \.isWhitespace).count
            next += 1
        }
        let article = stride(from: 0, to: chosen.count, by: 3)
            .map { chosen[$0..<min($0 + 3, chosen.count)].joined(separator: " ") }
            .joined(separator: "\n\n")

        // The rewrite, on the analyzed (normalized) bytes of the article.
        let replacements = pool.sorted()
        let document = analyzer.analyze(article)
        var rewrite: [UInt8] = []
        rewrite.reserveCapacity(document.text.bytes.count)
        var position = 0
        var contentIndex = 0
        var replaced = 0
        for token in document.tokens where isReplaceable(token) {
            contentIndex += 1
            guard contentIndex % 3 == 0 else { continue }
            let original = document.string(of: token)
            var pick = (replaced &* 7_919 &+ 13) % replacements.count
            while replacements[pick] == original.lowercased() { pick = (pick + 1) % replacements.count }
            var word = replacements[pick]
            if token.flags.contains(.capitalized) { word = word.prefix(1).uppercased() + word.dropFirst() }
            rewrite += document.text.bytes[position..<token.range.lowerBound]
            rewrite += Array(word.utf8)
            position = token.range.upperBound
            replaced += 1
        }
        rewrite += document.text.bytes[position...]
        return (article, String(decoding: rewrite, as: UTF8.self))
    }

    /// A content word (not a stopword, number or abbreviation) that can be swapped for another.
    static func isReplaceable(_ token: Token) -> Bool {
        token.isContent && token.flags.isDisjoint(with: [.number, .hasDigit, .nonASCII, .dottedAbbreviation])
    }
}

/// Invented English-looking words: syllable stems with common English suffixes, drawn with a
/// skew (a few frequent words, a long tail of rare ones), as in real text.
struct PseudoWords {
    private let stems: [String]
    private static let suffixes = ["", "", "", "s", "s", "ed", "ing", "er", "ers", "ly", "ation", "ations",
                                   "ness", "ment", "ments", "ive", "ity", "al", "ize", "ized"]

    init(rng: inout SplitMix64, stems count: Int) {
        let onsets = ["b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n",
                      "p", "pl", "pr", "qu", "r", "s", "sh", "sl", "sp", "st", "t", "th", "tr", "v", "w", "wh"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ee", "ou", "oa", "y"]
        let codas = ["", "", "n", "r", "l", "s", "t", "nd", "st", "m", "ck", "rt", "nt"]
        var stems: [String] = []
        var seen = Set<String>()
        while stems.count < count {
            var stem = ""
            for _ in 0..<(2 + rng.below(2)) {
                stem += onsets[rng.below(onsets.count)] + vowels[rng.below(vowels.count)] + codas[rng.below(codas.count)]
            }
            if seen.insert(stem).inserted { stems.append(stem) }
        }
        self.stems = stems
    }

    func draw(_ rng: inout SplitMix64) -> String {
        let u = rng.unit()
        let stem = stems[min(stems.count - 1, Int(Double(stems.count) * u * u * u))]
        return stem + Self.suffixes[rng.below(Self.suffixes.count)]
    }
}
