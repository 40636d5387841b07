/// Turns input text into `Document`s: normalize, tokenize, segment, then mark stopwords and stems.
///
/// An analyzer keeps a cache from word keys to stem hashes, so a process that analyzes many
/// texts (a pairs file, an index run) stems each distinct word once. It is a value type: give
/// each task its own copy.
///
/// ### Example
///
/// ```swift
/// var analyzer = TextAnalyzer()
/// let document = analyzer.analyze("Seoul said on Monday that the talks would resume.")
/// print(document.sentences.count, document.tokens.count)  // 1 9
/// print(document.string(of: document.tokens[0]))           // Seoul
/// ```
public struct TextAnalyzer: Sendable {
    private var stemCache: [UInt64: UInt64] = [:]
    private let stemmer = EnglishStemmer()
    private var scratch: [UInt8] = []
    private var stemmed: [UInt8] = []

    /// Past this many cached words the cache restarts, so memory stays bounded on huge corpora.
    public static let stemCacheLimit = 200_000

    /// An analyzer with an empty stem cache.
    public init() {}

    /// Analyzes one text: normalizes it, tokenizes it, splits it into sentences, and marks
    /// stopwords and stems.
    ///
    /// The result keeps `input` as ``Document/original``. Its token and sentence ranges are byte
    /// ranges of the normalized text; ``Document/span(_:)`` maps one back to the original. The
    /// method is `mutating` only because the stem cache grows.
    public mutating func analyze(_ input: String) -> Document {
        let text = NormalizedText(input)
        var tokens = Tokenizer.tokenize(text)
        let sentences = SentenceSegmenter.segment(text, tokens: tokens)
        text.bytes.withUnsafeBufferPointer { bytes in
            for index in tokens.indices {
                annotate(&tokens[index], bytes: bytes)
            }
        }
        for sentence in sentences where !sentence.tokens.isEmpty {
            tokens[sentence.tokens.lowerBound].flags.insert(.sentenceInitial)
        }
        return Document(text: text, tokens: tokens, sentences: sentences)
    }

    private mutating func annotate(_ token: inout Token, bytes: UnsafeBufferPointer<UInt8>) {
        if EnglishStopwords.contains(hash: token.key) { token.flags.insert(.stopword) }
        if token.flags.contains(.number) || token.flags.contains(.nonASCII) || token.flags.contains(.dottedAbbreviation) {
            return  // stem == key
        }
        if let stem = stemCache[token.key] {
            token.stem = stem
            return
        }
        scratch.removeAll(keepingCapacity: true)
        for i in token.range {
            let b = bytes[i]
            scratch.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
        }
        scratch.withUnsafeBufferPointer { stemmer.stem($0, into: &stemmed) }
        let stem = StableHash.fnv1a(stemmed)
        if stemCache.count >= Self.stemCacheLimit { stemCache.removeAll(keepingCapacity: true) }
        stemCache[token.key] = stem
        token.stem = stem
    }
}
