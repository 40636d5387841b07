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

    init(table: String) {
        let stemmer = EnglishStemmer()
        func stemKey(_ word: Substring) -> UInt64 { StableHash.fnv1a(stemmer.stem(String(word))) }
        var entries: [UInt64: Entry] = [:]
        var forms: [UInt64: UInt64] = [:], comparatives: [UInt64: UInt64] = [:]
        var antonyms = Set<Pair>()
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            switch fields[0] {
            case "w" where fields.count == 4:
                let senses = fields[3].split(separator: ",").compactMap { Int32($0, radix: 36) }
                let key = stemKey(fields[1])
                switch fields[2] {
                case "n": entries[key, default: Entry()].nounSenses += senses
                case "v": entries[key, default: Entry()].verbSenses += senses
                default:
                    entries[key, default: Entry()].adjectiveSenses += senses
                }
            case "x":
                forms[StableHash.fnv1a(String(fields[1]))] = stemKey(fields[2])
            case "c":
                comparatives[StableHash.fnv1a(String(fields[1]))] = stemKey(fields[2])
            case "!":
                antonyms.insert(Pair(stemKey(fields[1]), stemKey(fields[2])))
            default:
                continue
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
