/// What WordNet says about two words: the same meaning, opposite meanings, or neither; and
/// whether a word is a common one at all. Built once from the generated table (`Lexicon+WordNet.swift`), keyed by the stems
/// tokens already carry, so a lookup costs a hash probe and no String.
public struct Lexicon: Sendable {
    /// How two words relate.
    public enum Relation: Sendable, Equatable {
        /// The same lemma, or a shared synset: a faithful rewording.
        case synonym
        /// A WordNet antonym pair ("approve" / "disapprove").
        case antonym
        /// Both known as verbs (or both as adjectives), and no sense in common in any part of speech.
        case different
        /// At least one word unknown, or known only as different parts of speech: no verdict.
        case unknown
    }

    struct Entry: Sendable {
        var nounSenses: [Int32] = []
        var verbSenses: [Int32] = []
        var adjectiveSenses: [Int32] = []
    }

    /// Lemma stem -> senses.
    let entries: [UInt64: Entry]
    /// Word key (lowercase form) -> lemma stem, for irregular verbs ("said" -> "say").
    let forms: [UInt64: UInt64]
    /// Comparative form key -> the adjective's stem.
    let comparatives: [UInt64: UInt64]
    /// Antonym pairs of lemma stems, smaller first.
    let antonyms: Set<Pair>

    struct Pair: Hashable, Sendable {
        let first: UInt64, second: UInt64
        init(_ x: UInt64, _ y: UInt64) { (first, second) = x < y ? (x, y) : (y, x) }
    }

    /// A WordNet antonym of a lemma, as a word ("approve" -> "disapprove"); for planting test edits.
    public func antonym(of word: String) -> String? { Self.antonymWords[word] }

    static let antonymWords: [String: String] = {
        var words: [String: String] = [:]
        for line in wordNet.split(separator: "\n") where line.hasPrefix("! ") {
            let fields = line.split(separator: " ")
            guard fields.count == 3 else { continue }
            words[String(fields[1])] = words[String(fields[1])] ?? String(fields[2])
            words[String(fields[2])] = words[String(fields[2])] ?? String(fields[1])
        }
        return words
    }()

    /// The WordNet table, parsed at first use.
    public static let shared = Lexicon(table: wordNet)

    /// Parses the table over its UTF-8 bytes, with one reused stem buffer: the table has 25,000
    /// lines, and splitting it into Strings took a tenth of a second at every process start.
    init(table: String) {
        let stemmer = EnglishStemmer()
        var entries: [UInt64: Entry] = [:]
        var forms: [UInt64: UInt64] = [:], comparatives: [UInt64: UInt64] = [:]
        var antonyms = Set<Pair>()
        entries.reserveCapacity(24_000)
        var text = table
        text.withUTF8 { bytes in
            var stemmed: [UInt8] = []
            func stemKey(_ word: Range<Int>) -> UInt64 {
                stemmer.stem(UnsafeBufferPointer(rebasing: bytes[word]), into: &stemmed)
                return StableHash.fnv1a(stemmed)
            }
            func wordKey(_ word: Range<Int>) -> UInt64 { StableHash.fnv1a(UnsafeBufferPointer(rebasing: bytes[word])) }
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                // Up to four space-separated fields.
                var fields: [Range<Int>] = []
                var fieldStart = lineStart
                for i in lineStart...lineEnd where i == lineEnd || bytes[i] == 0x20 {
                    if i > fieldStart { fields.append(fieldStart..<i) }
                    fieldStart = i + 1
                }
                guard fields.count >= 3, fields[0].count == 1 else { continue }
                switch bytes[fields[0].lowerBound] {
                case 0x77 where fields.count == 4:  // "w lemma pos senses"
                    var senses: [Int32] = []
                    var value: Int32 = 0, digits = 0
                    for i in fields[3].lowerBound...fields[3].upperBound {
                        if i == fields[3].upperBound || bytes[i] == 0x2C {
                            if digits > 0 { senses.append(value) }
                            value = 0; digits = 0
                        } else {
                            let c = bytes[i]
                            value = value * 36 + Int32(c <= 0x39 ? c - 0x30 : c - 0x61 + 10); digits += 1
                        }
                    }
                    let key = stemKey(fields[1])
                    switch bytes[fields[2].lowerBound] {
                    case 0x6E: entries[key, default: Entry()].nounSenses += senses
                    case 0x76: entries[key, default: Entry()].verbSenses += senses
                    default: entries[key, default: Entry()].adjectiveSenses += senses
                    }
                case 0x78:  // "x form lemma"
                    forms[wordKey(fields[1])] = stemKey(fields[2])
                case 0x63:  // "c form lemma"
                    comparatives[wordKey(fields[1])] = stemKey(fields[2])
                case 0x21:  // "! lemma lemma"
                    antonyms.insert(Pair(stemKey(fields[1]), stemKey(fields[2])))
                default:
                    continue
                }
            }
        }
        for key in entries.keys {
            entries[key]!.nounSenses.sort()
            entries[key]!.verbSenses.sort()
            entries[key]!.adjectiveSenses.sort()
        }
        self.entries = entries
        self.forms = forms
        self.comparatives = comparatives
        self.antonyms = antonyms
    }

    /// The lemma stem a token stands for ("said" -> "say", "arrested" -> "arrest").
    func lemma(_ token: Token) -> UInt64 { forms[token.key] ?? token.stem }

    /// Whether the token is a common word WordNet knows (so, capitalized, not a name).
    func knows(_ token: Token) -> Bool { entries[lemma(token)] != nil }

    /// Whether the token is an adjective and never a verb ("lone", not "told": stems merge
    /// "telling" with "tell").
    func isOnlyAdjective(_ token: Token) -> Bool {
        guard forms[token.key] == nil, let entry = entries[token.stem] else { return false }
        return !entry.adjectiveSenses.isEmpty && entry.verbSenses.isEmpty
    }

    /// The adjective a comparative comes from ("warmer" -> "warm"), if the token is one.
    func comparativeBase(_ token: Token) -> UInt64? { comparatives[token.key] }

    /// How two tokens relate in meaning.
    func relation(_ x: Token, _ y: Token) -> Relation {
        relation(lemma(x), lemma(y))
    }

    func relation(_ x: UInt64, _ y: UInt64) -> Relation {
        if x == y { return .synonym }
        if antonyms.contains(Pair(x, y)) { return .antonym }
        guard let ex = entries[x], let ey = entries[y] else { return .unknown }
        if Self.intersects(ex.verbSenses, ey.verbSenses) || Self.intersects(ex.adjectiveSenses, ey.adjectiveSenses)
            || Self.intersects(ex.nounSenses, ey.nounSenses) { return .synonym }
        let sharedPart = (!ex.verbSenses.isEmpty && !ey.verbSenses.isEmpty) || (!ex.adjectiveSenses.isEmpty && !ey.adjectiveSenses.isEmpty)
        return sharedPart ? .different : .unknown
    }

    /// Whether two sorted arrays share an element.
    static func intersects(_ a: [Int32], _ b: [Int32]) -> Bool {
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { return true }
            if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return false
    }
}
