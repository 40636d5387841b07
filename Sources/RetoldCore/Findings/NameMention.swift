import Foundation

/// A name in a text ("Kim Yo Jong", "Seoul", "U.S.") and the entity it refers to.
public struct NameMention: Sendable, Equatable {
    /// Token indexes of the name, titles and a possessive "'s" excluded.
    public var tokens: Range<Int>
    /// The name as written (normalized text).
    public var text: String
    /// What it refers to: a country for capitals and country names ("Seoul" -> "South Korea"),
    /// the full name for a short form ("Kim" -> "Kim Yo Jong" when that is the last Kim named),
    /// else the name itself.
    public var entity: String { didSet { derive() } }
    /// True when followed by a possessive "'s".
    public var possessive: Bool

    /// The entity as a comparison key: letters only, lowercase, a plural "s" dropped from each
    /// word ("O'Neill" = "ONeill", "Turks" = "Turk"). Kept with the entity: checks compare
    /// names pair by pair, and rebuilding the key each time dominated their cost.
    public private(set) var key: String = ""
    /// The words of `key`, and its letters without spaces, for matching name against name.
    private(set) var keyWords: [String] = []
    private(set) var keyLetters: String = ""
    /// The country the entity names or stands for ("Seoul" -> "South Korea"), if any.
    public private(set) var country: String?

    /// A mention; its comparison key and country follow from `entity`.
    public init(tokens: Range<Int>, text: String, entity: String, possessive: Bool) {
        self.tokens = tokens
        self.text = text
        self.entity = entity
        self.possessive = possessive
        derive()
    }

    private mutating func derive() {
        key = Self.key(entity)
        keyWords = key.split(separator: " ").map(String.init)
        keyLetters = keyWords.joined()
        country = Gazetteer.country(entity.lowercased())
    }

    /// The comparison key of a name: letters only, lowercase, a plural "s" dropped from each word.
    public static func key(_ name: String) -> String {
        // Most names are ASCII: one pass over the bytes. Anything else goes by Unicode scalar.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(name.utf8.count)
            var wordStart = 0
            func endWord() {
                let length = out.count - wordStart
                if length > 3, out[out.count - 1] == 0x73, out[out.count - 2] != 0x73 { out.removeLast() }  // plural "s"
            }
            for byte in name.utf8 {
                if byte == 0x20 {
                    endWord()
                    out.append(0x20)
                    wordStart = out.count
                } else if (0x41...0x5A).contains(byte) {
                    out.append(byte | 0x20)
                } else if (0x61...0x7A).contains(byte) {
                    out.append(byte)
                }
            }
            endWord()
            return String(decoding: out, as: UTF8.self)
        }
        return name.lowercased().split(separator: " ").map { word -> String in
            var letters = String.UnicodeScalarView(word.unicodeScalars.filter(\.properties.isAlphabetic))
            let scalars = Array(letters)
            if scalars.count > 3, scalars[scalars.count - 1] == "s", scalars[scalars.count - 2] != "s" { letters.removeLast() }
            return String(letters)
        }.joined(separator: " ")
    }

    /// True when the two refer to the same entity: one name part of the other ("Crosby" and
    /// "Bing Crosby"), the same surname with a shortened first name ("Tim Muris" and "Timothy
    /// Muris"), or a spelling variant ("Sundwell" and "Sundwall", "@Stake" and "AtStake").
    func sameEntity(as other: NameMention) -> Bool {
        // "Mæland" and "Maeland" are one person written in two alphabets.
        if key != other.key, !key.utf8.allSatisfy({ $0 < 0x80 }) || !other.key.utf8.allSatisfy({ $0 < 0x80 }),
           Self.asciiFolded(key) == Self.asciiFolded(other.key) {
            return true
        }
        // Countries compare by country: "Seoul" is South Korea, and South Korea is not North Korea.
        if country != nil || other.country != nil { return country == other.country }
        if key == other.key { return true }
        let a = keyWords, b = other.keyWords
        if a.allSatisfy(b.contains) || b.allSatisfy(a.contains) { return true }
        // The same surname or head word, with a shortened first name ("Tim Muris", "Timothy Muris")
        // or most words in common ("US District Court", "Federal District Court"). "Kim Yo Jong" and
        // "Kim Jong Un" end differently: two people.
        if let lastA = a.last, let lastB = b.last, lastA == lastB, let firstA = a.first, let firstB = b.first,
           firstA.hasPrefix(firstB) || firstB.hasPrefix(firstA) || Set(a).intersection(b).count * 2 >= max(a.count, b.count) {
            return true
        }
        let joinedA = keyLetters, joinedB = other.keyLetters
        if joinedA.count >= 4 && joinedB.count >= 4 && (joinedA.contains(joinedB) || joinedB.contains(joinedA)) { return true }
        return Self.spellingVariants(joinedA, joinedB)
    }

    /// A key with letters of other alphabets spelled in ASCII: "mæland" -> "maeland", "øystein" -> "oystein".
    static func asciiFolded(_ key: String) -> String {
        key.folding(options: .diacriticInsensitive, locale: nil)
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ø", with: "o").replacingOccurrences(of: "œ", with: "oe")
            .replacingOccurrences(of: "ß", with: "ss").replacingOccurrences(of: "ł", with: "l").replacingOccurrences(of: "đ", with: "d")
    }

    /// Close spellings of one name: at most one edit per six letters, same first letter.
    static func spellingVariants(_ a: String, _ b: String) -> Bool {
        guard a.first == b.first, min(a.count, b.count) >= 5 else { return false }
        let x = Array(a), y = Array(b)
        var previous = Array(0...y.count), current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count] * 6 <= max(x.count, y.count)
    }

    /// A name specific enough to be swapped for another: a full name of two words or more, or a
    /// country (by name or capital). Single words are too often descriptions ("American" for
    /// "U.S.", "Clinton" for "First Lady") to call a swap.
    var isSpecific: Bool {
        tokens.count >= 2 || Gazetteer.country(text.lowercased()) != nil
    }

    /// A name used as a modifier ("New York-based", "U.S.-led") does not name an actor.
    func isModifier(in document: Document) -> Bool {
        let end = Int(document.tokens[tokens.upperBound - 1].end)
        return end < document.text.bytes.count && document.text.bytes[end] == 0x2D
    }
}

/// Finds names in a document: runs of capitalized words, with news rules.
///
/// - Titles before a name are not part of it ("President Moon Jae In" -> "Moon Jae In").
/// - A possessive ends a name ("South Korea's Unification Ministry" -> "South Korea", "Unification Ministry").
/// - A lone capitalized word at a sentence start is a name only if the text also capitalizes
///   it elsewhere, or it is a place ("Experts said" is not a name; "Seoul said" is).
/// - Months and weekdays are times, not names.
/// - A one-word name links to the last full name containing it ("Kim" after "Kim Yo Jong").
public struct NameFinder: Sendable {
    /// The names found, in text order.
    public let mentions: [NameMention]

    /// Finds the names of a document.
    public init(_ document: Document) {
        let tokens = document.tokens
        var capitalizedInside = Set<UInt64>()
        for token in tokens where token.flags.contains(.capitalized) && !token.flags.contains(.sentenceInitial) {
            capitalizedInside.insert(token.stem)
        }
        var mentions: [NameMention] = []
        var lastFull: [UInt64: String] = [:]  // word stem -> last multi-word name containing it
        var index = 0
        while index < tokens.count {
            guard Self.canStartName(tokens[index], document) else { index += 1; continue }
            var end = index + 1
            while end < tokens.count, Self.continuesName(tokens[end - 1], tokens[end], document), !TimeWords.names.contains(tokens[end]) { end += 1 }
            // Titles go: "President Moon Jae In" and "South Korean President Moon Jae In" are Moon Jae In.
            // A title inside a run counts only before a name of two or more words ("U.N. General Assembly" stays whole).
            var start = index
            // A sentence's first word joins a name only if the text capitalizes it elsewhere ("Also Tuesday").
            if end - start > 1, tokens[start].flags.contains(.sentenceInitial), !capitalizedInside.contains(tokens[start].stem),
               Gazetteer.country(document.string(of: tokens[start]).lowercased()) == nil { start += 1 }
            while start < end - 1, Self.isTitle(document, tokens[start]) { start += 1 }
            if let lastTitle = (start..<(end - 1)).last(where: { Self.isTitle(document, tokens[$0]) }), end - lastTitle > 2 {
                start = lastTitle + 1
            }
            let run = start..<end
            index = end
            let text = Self.text(document, run)
            let lower = text.lowercased()
            let first = tokens[run.lowerBound]
            if run.count == 1 && first.flags.contains(.sentenceInitial) && !capitalizedInside.contains(first.stem)
                && Gazetteer.country(lower) == nil { continue }
            if run.count == 1 && (Self.isTitle(document, first) || TimeWords.isTimeName(lower)) { continue }
            let possessive = Self.hasPossessive(document, tokens[run.upperBound - 1])
            var entity = Gazetteer.country(lower) ?? text
            if run.count == 1, let full = lastFull[first.stem], Gazetteer.country(lower) == nil {
                entity = full
            }
            if run.count > 1 {
                for t in run { lastFull[tokens[t].stem] = entity }
            }
            mentions.append(NameMention(tokens: run, text: text, entity: entity, possessive: possessive))
        }
        self.mentions = mentions
    }

    /// Mentions whose tokens lie inside a token range.
    public func mentions(in range: Range<Int>) -> [NameMention] {
        mentions.filter { range.contains($0.tokens.lowerBound) && $0.tokens.upperBound <= range.upperBound }
    }

    static func canStartName(_ token: Token, _ document: Document) -> Bool {
        token.flags.contains(.capitalized) && !token.flags.contains(.stopword) && !token.flags.contains(.number)
    }

    /// The next token continues a name when it is capitalized, follows after a single space,
    /// and the previous one did not end in a possessive.
    static func continuesName(_ previous: Token, _ next: Token, _ document: Document) -> Bool {
        // A capitalized function word inside a sentence belongs to the name ("Moon Jae In", "Bank Of America").
        guard next.flags.contains(.capitalized), !next.flags.contains(.sentenceInitial),
              !hasPossessive(document, previous) else { return false }
        let gap = Int(next.start) - Int(previous.end)
        if gap == 1 { return document.text.bytes[Int(previous.end)] == 0x20 }
        // "N. Korea": an initial and its period.
        return gap == 2 && previous.end - previous.start == 1 && document.text.bytes[Int(previous.end)] == 0x2E
    }

    static func hasPossessive(_ document: Document, _ token: Token) -> Bool {
        let bytes = document.text.bytes
        let end = Int(token.end)
        if token.end - token.start > 2, bytes[end - 2] == 0x27, bytes[end - 1] | 0x20 == 0x73 { return true }
        return end < bytes.count && bytes[end] == 0x27  // "States'"
    }

    static func text(_ document: Document, _ run: Range<Int>) -> String {
        let first = document.tokens[run.lowerBound], last = document.tokens[run.upperBound - 1]
        var text = document.text.text(Int(first.start)..<Int(last.end))
        if text.hasSuffix("'s") || text.hasSuffix("'S") { text.removeLast(2) }
        return text
    }

    static let titles: WordSet = [
        "president", "vice", "prime", "minister", "chancellor", "premier", "king", "queen", "prince", "princess",
        "pope", "leader", "chairman", "chairwoman", "secretary", "general", "gen", "senator", "sen", "rep",
        "representative", "governor", "gov", "mayor", "judge", "justice", "ambassador", "envoy", "spokesman",
        "spokeswoman", "spokesperson", "mr", "mrs", "ms", "dr", "prof", "professor", "former", "foreign", "defense",
        "defence", "deputy", "chief", "director", "commander", "adm", "col", "lt", "sgt", "capt", "officer",
    ]

    static func isTitle(_ document: Document, _ token: Token) -> Bool {
        titles.contains(token)
    }
}

extension String {
    var trimmingTrailingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}

/// Month and weekday names, which are capitalized but are times, not names.
enum TimeWords {
    static let names: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    static func isTimeName(_ lowercase: String) -> Bool { names.contains(StableHash.fnv1a(lowercase)) }
}
