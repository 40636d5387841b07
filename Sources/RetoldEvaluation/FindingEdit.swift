import Foundation
import RetoldCore

/// Controlled edits that plant one known change in a sentence, to measure the findings.
///
/// Each edit is deterministic: the same sentence and pools give the same edited text. An edit
/// returns nil when the sentence offers nothing to edit of its kind.
public enum FindingEdit: String, CaseIterable, Sendable {
    case entity, number, negation, time, scope, quote, attribution, hedge, source, meaning, unit

    /// Kinds that also report this change correctly: a speaker swapped is a name swapped.
    public var acceptedKinds: Set<Finding.Kind> {
        switch self {
        case .entity: return [.entityChanged, .attributionChanged]
        case .attribution: return [.attributionChanged, .entityChanged]
        default: return [expectedKind]
        }
    }

    /// The finding this edit should raise.
    public var expectedKind: Finding.Kind {
        switch self {
        case .entity: return .entityChanged
        case .number: return .numberChanged
        case .negation: return .negationFlipped
        case .time: return .timeChanged
        case .scope: return .scopeChanged
        case .quote: return .quoteAltered
        case .attribution: return .attributionChanged
        case .hedge: return .hedgeChanged
        case .source: return .sourceChanged
        case .meaning: return .meaningChanged
        case .unit: return .unitChanged
        }
    }

    /// Names and words to swap in, gathered from the corpus itself.
    public struct Pools: Sendable {
        public var people: [String]
        public init(people: [String]) { self.people = people }
    }

    public func apply(to sentence: String, pools: Pools, seed: Int) -> String? {
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze(sentence)
        guard !document.tokens.isEmpty else { return nil }
        let editor = SentenceEditor(document)
        switch self {
        case .entity: return editor.swapName(pools: pools, seed: seed, nearSpeech: false)
        case .attribution: return editor.swapName(pools: pools, seed: seed, nearSpeech: true)
        case .number: return editor.changeNumber()
        case .negation: return editor.flipNegation()
        case .time: return editor.changeTime()
        case .scope: return editor.widenScope()
        case .quote: return editor.alterQuote(seed: seed)
        case .hedge: return editor.changeHedge()
        case .source: return editor.dropSource()
        case .meaning: return editor.swapForAntonym()
        case .unit: return editor.changeUnit()
        }
    }
}

/// Word-level surgery on an analyzed sentence, in original-text coordinates.
struct SentenceEditor {
    let document: Document
    let original: [UInt8]

    init(_ document: Document) {
        self.document = document
        original = Array(document.original.utf8)
    }

    func word(_ t: Int) -> String { document.string(of: document.tokens[t]).lowercased() }

    /// The sentence with original bytes `range` replaced.
    func replacing(_ range: Range<Int>, with text: String) -> String {
        String(decoding: original[..<range.lowerBound] + Array(text.utf8) + original[range.upperBound...], as: UTF8.self)
    }

    func originalRange(_ tokens: Range<Int>) -> Range<Int> {
        let span = document.span(Int(document.tokens[tokens.lowerBound].start)..<Int(document.tokens[tokens.upperBound - 1].end))
        return span.start..<span.end
    }

    static let speech: Set<String> = ["said", "says", "told", "stated", "added", "according"]

    /// Replaces a full person name (two words or more, not a country) with another from the pool;
    /// with `nearSpeech`, only a name next to a speech verb ("Kim said", "said Kim").
    func swapName(pools: FindingEdit.Pools, seed: Int, nearSpeech: Bool) -> String? {
        let names = NameFinder(document).mentions.filter {
            $0.tokens.count >= 2 && $0.country == nil && !$0.possessive
        }
        let candidates = names.filter { mention in
            let before = mention.tokens.lowerBound - 1, after = mention.tokens.upperBound
            let speaks = (before >= 0 && Self.speech.contains(word(before))) || (after < document.tokens.count && Self.speech.contains(word(after)))
            return nearSpeech == speaks
        }
        guard let target = candidates.first, !pools.people.isEmpty else { return nil }
        let targetKey = NameMention.key(target.text)
        // The next pool name that is not this one (nor a variant of it), and that names no day or
        // month ("Friday US", "June Smith"): that would plant a time change as well.
        for offset in 0..<pools.people.count {
            let replacement = pools.people[(seed + offset) % pools.people.count]
            let key = NameMention.key(replacement)
            if key != targetKey, !key.split(separator: " ").contains(where: { targetKey.split(separator: " ").contains($0) }),
               !replacement.split(separator: " ").contains(where: { Self.isTimeWord(String($0)) }) {
                return replacing(originalRange(target.tokens), with: replacement)
            }
        }
        return nil
    }

    /// Doubles the first figure plus three, keeping its style (grouping commas, decimals).
    func changeNumber() -> String? {
        // A figure, not a date or a year (changing those is a time edit): "September 11" and "11 September" alike.
        guard let t = document.tokens.indices.first(where: { t in
            let value = Double(word(t).filter { $0 != "," }) ?? 0
            let afterMonth = t > 0 && Self.isMonth(document.string(of: document.tokens[t - 1]))
            let beforeMonth = t + 1 < document.tokens.count && Self.isMonth(document.string(of: document.tokens[t + 1]))
            return document.tokens[t].flags.contains(.number) && !word(t).contains(":") && value > 0 && !afterMonth && !beforeMonth
                && !(value >= 1900 && value <= 2100 && value == value.rounded())
        }) else { return nil }
        let text = word(t)
        guard let value = Double(text.filter { $0 != "," }) else { return nil }
        let changed: String
        if text.contains(".") {
            let decimals = text.split(separator: ".").last?.count ?? 1
            changed = String(format: "%.\(decimals)f", value * 2 + 1.5)
        } else {
            let number = Int(value) * 2 + 3
            changed = text.contains(",") ? number.formatted(grouping: true) : String(number)
        }
        return replacing(originalRange(t..<(t + 1)), with: changed)
    }

    static let auxiliaries: Set<String> = ["is", "are", "was", "were", "will", "would", "can", "could", "should", "has", "have", "had", "did", "does", "do", "may", "might", "must"]

    /// Removes the first "not" / "n't", or inserts "not" after the first auxiliary before a word.
    func flipNegation() -> String? {
        for t in document.tokens.indices {
            let w = word(t)
            if w == "not" || w == "never" {
                // Drop the word and the space before it.
                var range = originalRange(t..<(t + 1))
                if range.lowerBound > 0, original[range.lowerBound - 1] == 0x20 { range = (range.lowerBound - 1)..<range.upperBound }
                return replacing(range, with: "")
            }
            if w.hasSuffix("n't") {
                let positive = ["can't": "can", "won't": "will", "don't": "do", "didn't": "did", "doesn't": "does", "isn't": "is",
                                "wasn't": "was", "aren't": "are", "weren't": "were", "hasn't": "has", "haven't": "have",
                                "hadn't": "had", "couldn't": "could", "wouldn't": "would", "shouldn't": "should"][w]
                if let positive { return replacing(originalRange(t..<(t + 1)), with: positive) }
            }
        }
        for t in document.tokens.indices.dropLast() where Self.auxiliaries.contains(word(t)) {
            let next = document.tokens[t + 1]
            guard next.isContent, !next.flags.contains(.capitalized), !next.flags.contains(.number) else { continue }
            let range = originalRange(t..<(t + 1))
            return replacing(range.upperBound..<range.upperBound, with: " not")
        }
        return nil
    }

    /// A weekday or a month name that reads as a time on its own ("May" and "March" need a day).
    static func isTimeWord(_ word: String) -> Bool {
        weekdays.contains(word) || (months.contains(word) && word != "May" && word != "March")
    }

    /// "October" or its abbreviation ("Oct", "Sept"): a figure after it is a day, a time edit's business.
    static func isMonth(_ word: String) -> Bool {
        months.contains { $0 == word || (word.count >= 3 && $0.hasPrefix(word)) }
    }

    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// Moves a weekday on by two days, a month on by three, or a year back by three.
    func changeTime() -> String? {
        for t in document.tokens.indices {
            let text = document.string(of: document.tokens[t])
            if let day = Self.weekdays.firstIndex(of: text) {
                return replacing(originalRange(t..<(t + 1)), with: Self.weekdays[(day + 2) % 7])
            }
            if let month = Self.months.firstIndex(of: text), month != 4 || (t + 1 < document.tokens.count && document.tokens[t + 1].flags.contains(.number)) {
                return replacing(originalRange(t..<(t + 1)), with: Self.months[(month + 3) % 12])
            }
            if document.tokens[t].flags.contains(.number), let year = Int(text), (1950...2030).contains(year),
               t > 0, ["in", "since", "of", "by", "until"].contains(word(t - 1)) {
                return replacing(originalRange(t..<(t + 1)), with: String(year - 3))
            }
        }
        return nil
    }

    /// Makes a claim wider: "first" -> "first ever", "some X" -> "X", "many"/"several" -> "all".
    func widenScope() -> String? {
        let words = document.tokens.indices.map(word)
        if let t = words.firstIndex(of: "first"), !words.contains("ever") {
            let range = originalRange(t..<(t + 1))
            return replacing(range.upperBound..<range.upperBound, with: " ever")
        }
        for t in document.tokens.indices.dropLast() where words[t] == "some" || words[t] == "many" || words[t] == "several" {
            let next = document.tokens[t + 1]
            guard next.isContent, !next.flags.contains(.number), !next.flags.contains(.capitalized) else { continue }
            if words[t] == "some" {
                var range = originalRange(t..<(t + 1))
                range = range.lowerBound..<min(original.count, range.upperBound + 1)  // and its space
                let capital = t == 0
                let rest = replacing(range, with: "")
                return capital ? rest.prefix(1).uppercased() + rest.dropFirst() : rest
            }
            return replacing(originalRange(t..<(t + 1)), with: t == 0 ? "All" : "all")
        }
        return nil
    }

    static let substitutes = ["disastrous", "remarkable", "unacceptable", "historic", "reckless", "generous", "dangerous", "hopeful"]

    /// Words whose change is another edit's kind: a negation ("never"), a hedge ("probably",
    /// "at least"), a quantifier or scope word ("many", "first", "biggest"), a time ("yesterday").
    /// The quote and antonym edits leave them alone, so that each plants one change only.
    static let otherKindWords: Set<String> = [
        "not", "never", "no", "none", "nothing", "nobody", "neither", "nor", "without", "cannot",
        "reportedly", "allegedly", "apparently", "apparent", "alleged", "purportedly", "purported", "suspected",
        "unconfirmed", "supposedly", "presumed", "presumably", "possibly", "probably", "perhaps", "potentially",
        "may", "might", "believed", "appears", "appeared", "seems", "seemed", "likely",
        "about", "around", "nearly", "almost", "roughly", "approximately", "estimated", "over", "under", "above", "below",
        "more", "less", "fewer", "least", "most", "up", "upwards",
        "some", "many", "all", "few", "several", "every", "each", "first", "last", "only", "ever", "unprecedented", "record",
        "biggest", "largest", "greatest", "highest", "lowest", "worst", "best", "smallest", "strongest", "weakest",
        "longest", "shortest", "deadliest", "fastest", "slowest", "heaviest", "toughest", "hardest", "richest", "poorest",
        "oldest", "newest", "youngest", "fewest",
        "yesterday", "today", "tomorrow", "tonight", "overnight", "recently", "earlier", "later", "past", "next",
    ]

    /// Replaces a content word inside a quotation of three words or more (not at its ends).
    func alterQuote(seed: Int) -> String? {
        let bytes = document.text.bytes
        // Tokens between each pair of quote marks.
        var marks: [Int] = []
        for i in bytes.indices where bytes[i] == 0x22 { marks.append(i) }
        var quotes: [[Int]] = []
        var k = 0
        while k + 1 < marks.count {
            quotes.append(document.tokens.indices.filter { Int(document.tokens[$0].start) > marks[k] && Int(document.tokens[$0].end) <= marks[k + 1] })
            k += 2
        }
        for tokens in quotes where tokens.count >= 3 {
            let middle = tokens.dropFirst().dropLast().filter {
                document.tokens[$0].isContent && !document.tokens[$0].flags.contains(.capitalized) && !document.tokens[$0].flags.contains(.number)
                    && !Self.otherKindWords.contains(word($0))
            }
            guard let t = middle.first else { continue }
            let substitute = Self.substitutes[seed % Self.substitutes.count]
            guard substitute != word(t) else { continue }
            return replacing(originalRange(t..<(t + 1)), with: substitute)
        }
        return nil
    }
}

extension SentenceEditor {
    static let figureHedges: [[String]] = [["at", "least"], ["more", "than"], ["about"], ["nearly"], ["almost"], ["around"], ["up", "to"],
                                           ["some"], ["over"], ["roughly"], ["approximately"], ["less", "than"], ["fewer", "than"], ["under"]]

    /// Drops the hedge before a figure ("at least 12" -> "12"), or hedges a bare figure ("12" -> "about 12").
    func changeHedge() -> String? {
        let words = document.tokens.indices.map(word)
        guard let t = document.tokens.indices.first(where: { t in
            let value = Double(words[t].filter { $0 != "," }) ?? 0
            return document.tokens[t].flags.contains(.number) && value > 0 && !words[t].contains(":")
                && !(value >= 1900 && value <= 2100 && value == value.rounded())
                && !(t > 0 && Self.isMonth(document.string(of: document.tokens[t - 1])))
                && !(Int(document.tokens[t].start) > 0 && document.text.bytes[Int(document.tokens[t].start) - 1] == 0x2E)
        }) else { return nil }
        // A currency sign stays with its figure: "more than $34 billion" -> "$34 billion".
        var start = originalRange(t..<(t + 1)).lowerBound
        while start > 0, [0x24, 0xA3, 0xC2, 0x82, 0xAC, 0xE2].contains(original[start - 1]) { start -= 1 }
        for hedge in Self.figureHedges where t >= hedge.count && Array(words[(t - hedge.count)..<t]) == hedge {
            return replacing(originalRange((t - hedge.count)..<t).lowerBound..<start, with: "")
        }
        return replacing(start..<start, with: "about ")
    }

    /// Drops a closing attribution: "..., officials said." -> "...".
    func dropSource() -> String? {
        let tokens = document.tokens
        let verbs: Set<String> = ["said", "says", "say"]
        guard let t = tokens.indices.last(where: { verbs.contains(word($0)) }), t >= 4, t == tokens.count - 1 else { return nil }
        // Back to the comma that opens the attribution, within four words.
        var k = t - 1
        while k > 0, t - k < 4 {
            let gap = document.text.bytes[Int(tokens[k - 1].end)..<Int(tokens[k].start)]
            if gap.contains(0x2C) { break }
            k -= 1
        }
        let opening = document.text.bytes[Int(tokens[k - 1].end)..<Int(tokens[k].start)]
        guard opening.contains(0x2C), !opening.contains(0x22), !document.text.bytes[Int(tokens[k - 1].end)...].prefix(3).contains(0x22) else { return nil }
        let from = document.span(Int(tokens[k - 1].end)..<Int(tokens[k - 1].end)).start
        return replacing(from..<originalRange(t..<(t + 1)).upperBound, with: "")
    }

    /// Swaps the first verb or adjective that has a WordNet antonym for it ("approved" -> "disapproved").
    func swapForAntonym() -> String? {
        for t in document.tokens.indices where !document.tokens[t].flags.contains(.capitalized) && document.tokens[t].isContent {
            let w = word(t)
            // "many" / "few", "at least" / "at most": a scope or hedge change, not a swap of meaning.
            if Self.otherKindWords.contains(w) { continue }
            if let opposite = Lexicon.shared.antonym(of: w) { return replacing(originalRange(t..<(t + 1)), with: opposite) }
            // A regular past tense: "approved" -> "disapproved".
            if w.hasSuffix("ed"), let opposite = Lexicon.shared.antonym(of: String(w.dropLast(1))) ?? Lexicon.shared.antonym(of: String(w.dropLast(2))),
               opposite.hasSuffix("e") || !w.dropLast(1).hasSuffix("e") {
                return replacing(originalRange(t..<(t + 1)), with: opposite.hasSuffix("e") ? opposite + "d" : opposite + "ed")
            }
        }
        return nil
    }

    /// Gives a figure another unit: "$5" -> "£5", "10 miles" -> "10 kilometres".
    func changeUnit() -> String? {
        if let dollar = original.firstIndex(of: 0x24), dollar + 1 < original.count, (0x30...0x39).contains(original[dollar + 1]) {
            return replacing(dollar..<(dollar + 1), with: "£")
        }
        let swaps = ["miles": "kilometres", "kilometres": "miles", "kilometers": "miles", "pounds": "kilograms", "feet": "metres", "tons": "litres"]
        for t in document.tokens.indices.dropFirst() where document.tokens[t - 1].flags.contains(.number) {
            if let other = swaps[word(t)] { return replacing(originalRange(t..<(t + 1)), with: other) }
        }
        return nil
    }
}

extension Int {
    /// "28500" -> "28,500".
    func formatted(grouping: Bool) -> String {
        let digits = String(Swift.abs(self))
        guard grouping, digits.count > 3 else { return String(self) }
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + String(out.reversed())
    }
}
