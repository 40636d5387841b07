import Foundation
import RetoldCore

/// A made-up news language for scale benchmarks: English function words, a Zipf vocabulary of
/// invented content words, recurring people, places and organisations, figures, quotes, stock
/// phrases that many unrelated articles share ("said in a statement"), and outlets that stamp
/// the same footer on everything they publish. Unrelated articles therefore share names, common
/// words and boilerplate, as real news does, which is what makes precision hard.
///
/// Articles are kept as tokens that know what they are, so a rewrite can substitute ordinary
/// words and leave names and figures alone, as spinners do.
struct SyntheticNews: Sendable {
    struct Token: Sendable {
        var text: String
        /// Vocabulary rank of an ordinary word; nil for names and figures, which rewriters keep.
        var rank: Int?
        var comma = false
    }

    struct Sentence: Sendable {
        var tokens: [Token]
        /// Quoted sentences end in `," Surname said.`
        var speaker: String?
    }

    struct Article: Sendable {
        var title: [Token]
        var paragraphs: [[Sentence]]
        var outlet: Int
        /// Who and where the article is about; an editor's added sentence is about them too.
        var cast: [(first: String, last: String)] = []
        var places: [String] = []
        var organisations: [String] = []
    }

    struct Outlet: Sendable {
        var name: String
        var footer: String?
        var curlyQuotes: Bool
    }

    static let functionWords = """
        the of and to a in that for on is was said with he it as at by his from be have has are an \
        they but not this who were had been their will would after which its she or also more we about \
        than one over her there up out when into last year two new could some all other if no our can \
        them while before because first those only since during under against between three what most \
        such where any so did these him through week may people government officials told state country \
        percent told added according month report including police city minister president group
        """.split(separator: " ").map(String.init)

    let vocabulary: [String]
    let wordSampler: ZipfSampler
    let people: [(first: String, last: String)]
    let personSampler: ZipfSampler
    let places: [String]
    let placeSampler: ZipfSampler
    let organisations: [String]
    let organisationSampler: ZipfSampler
    let phrases: [[Token]]
    let phraseSampler: ZipfSampler
    let outlets: [Outlet]

    init(seed: UInt64, contentWords: Int = 40_000) {
        var random = SeededRandom(seed: seed)
        var seen = Set(Self.functionWords)
        var words = Self.functionWords
        while words.count < Self.functionWords.count + contentWords {
            let word = Self.inventWord(&random)
            if seen.insert(word).inserted { words.append(word) }
        }
        vocabulary = words
        wordSampler = ZipfSampler(count: words.count, exponent: 1.0)

        func names(_ count: Int) -> [String] {
            var out: [String] = [], taken = Set<String>()
            while out.count < count {
                let name = Self.capitalized(Self.inventWord(&random))
                if !seen.contains(name.lowercased()), taken.insert(name).inserted { out.append(name) }
            }
            return out
        }
        let firstNames = names(1_500), surnames = names(8_000)
        people = (0..<30_000).map { _ in (random.pick(firstNames), random.pick(surnames)) }
        personSampler = ZipfSampler(count: people.count, exponent: 0.9)
        places = names(2_000)
        placeSampler = ZipfSampler(count: places.count, exponent: 1.0)
        let orgWords = names(600)
        organisations = (0..<1_000).map { _ in random.pick(orgWords) + " " + random.pick(["Ministry", "Council", "Group", "Bank", "Party", "Agency", "Institute"]) }
        organisationSampler = ZipfSampler(count: organisations.count, exponent: 1.0)

        // Stock phrases are drawn from the commonest words, as "said in a statement on" is.
        let common = ZipfSampler(count: 400, exponent: 0.8)
        phrases = (0..<400).map { _ in
            (0..<random.between(4...7)).map { _ in let rank = common.sample(&random); return Token(text: words[rank], rank: rank) }
        }
        phraseSampler = ZipfSampler(count: phrases.count, exponent: 1.0)

        let outletNames = names(300)
        let suffixes = ["Daily", "Herald", "Post", "News", "Times", "Gazette", "Tribune", "Online", "Observer", "Wire"]
        outlets = outletNames.map { name in
            let full = "\(name) \(random.pick(suffixes))"
            let footer: String? = random.chance(0.5)
                ? "Copyright \(full). All rights reserved. Follow \(full) for more \(words[random.between(60...400)]) news."
                : nil
            return Outlet(name: full, footer: footer, curlyQuotes: random.chance(0.3))
        }
    }

    static func inventWord(_ random: inout SeededRandom) -> String {
        // About six letters on average, one word in six nine letters or longer, as in English news.
        let onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "st", "tr", "ch"]
        let vowels = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ou"]
        let codas = ["", "", "", "", "n", "r", "s", "t", "l", "nd"]
        let roll = random.unit()
        let syllables = roll < 0.25 ? 1 : roll < 0.75 ? 2 : roll < 0.97 ? 3 : 4
        var word = ""
        for _ in 0..<syllables { word += random.pick(onsets) + random.pick(vowels) + random.pick(codas) }
        return word
    }

    static func capitalized(_ word: String) -> String { word.prefix(1).uppercased() + word.dropFirst() }

    /// One article of about `words` words.
    func article(words target: Int, _ random: inout SeededRandom) -> Article {
        let cast = (0..<random.between(2...5)).map { _ in people[personSampler.sample(&random)] }
        let settings = (0..<random.between(1...3)).map { _ in places[placeSampler.sample(&random)] }
        let bodies = (0..<random.between(0...2)).map { _ in organisations[organisationSampler.sample(&random)] }
        var introduced = Set<Int>()
        var paragraphs: [[Sentence]] = []
        var count = 0
        while count < target {
            var paragraph: [Sentence] = []
            for _ in 0..<random.between(1...3) {
                let sentence = self.sentence(cast: cast, places: settings, organisations: bodies, introduced: &introduced, &random)
                count += sentence.tokens.count
                paragraph.append(sentence)
            }
            paragraphs.append(paragraph)
        }
        let title = (0..<random.between(6...10)).map { _ in word(&random) }
        return Article(title: title, paragraphs: paragraphs, outlet: random.below(outlets.count),
                       cast: cast, places: settings, organisations: bodies)
    }

    func word(_ random: inout SeededRandom) -> Token {
        let rank = wordSampler.sample(&random)
        return Token(text: vocabulary[rank], rank: rank)
    }

    func sentence(cast: [(first: String, last: String)], places: [String], organisations: [String],
                  introduced: inout Set<Int>, _ random: inout SeededRandom) -> Sentence {
        var tokens: [Token] = []
        func person() -> [Token] {
            let index = random.below(cast.count)
            let (first, last) = cast[index]
            if introduced.insert(index).inserted { return [Token(text: first), Token(text: last)] }
            return [Token(text: last)]
        }
        let length = random.between(8...30)
        if random.chance(0.45) { tokens += person() }
        while tokens.count < length {
            let roll = random.unit()
            if roll < 0.06 {
                tokens += person()
            } else if roll < 0.09, !places.isEmpty {
                tokens.append(Token(text: random.pick(places)))
            } else if roll < 0.105, !organisations.isEmpty {
                tokens += random.pick(organisations).split(separator: " ").map { Token(text: String($0)) }
            } else if roll < 0.13 {
                tokens.append(Token(text: Self.figure(&random)))
            } else if roll < 0.145 {
                tokens += phrases[phraseSampler.sample(&random)]
            } else {
                var token = word(&random)
                token.comma = random.chance(0.06)
                tokens.append(token)
            }
        }
        tokens[tokens.count - 1].comma = false
        let speaker = random.chance(0.15) ? cast[random.below(cast.count)].last : nil
        return Sentence(tokens: tokens, speaker: speaker)
    }

    static func figure(_ random: inout SeededRandom) -> String {
        switch random.below(6) {
        case 0: return String(random.between(2...99))
        case 1: return String(random.between(100...999))
        case 2: return "\(random.between(1...99)),\(String(format: "%03d", random.below(1000)))"
        case 3: return "\(random.between(1...40)).\(random.below(10))"
        case 4: return String(random.between(1990...2025))
        default: return "$\(random.between(1...900))"
        }
    }

    func render(_ article: Article, dateline: String? = nil, footer: Bool) -> String {
        let outlet = outlets[article.outlet]
        let (open, close) = outlet.curlyQuotes ? ("\u{201C}", "\u{201D}") : ("\"", "\"")
        var text = ""
        text.reserveCapacity(article.paragraphs.count * 200)
        if let dateline { text += dateline }
        for (p, paragraph) in article.paragraphs.enumerated() {
            if p > 0 { text += "\n\n" }
            for (s, sentence) in paragraph.enumerated() {
                if s > 0 { text += " " }
                if sentence.speaker != nil { text += open }
                for (t, token) in sentence.tokens.enumerated() {
                    if t > 0 { text += " " }
                    text += t == 0 ? Self.capitalized(token.text) : token.text
                    if token.comma { text += "," }
                }
                if let speaker = sentence.speaker { text += "," + close + " " + speaker + " said." } else { text += "." }
            }
        }
        if footer, let note = outlet.footer { text += "\n\n" + note }
        return text
    }

    /// A synonym for the word of this rank: one of three words of similar frequency, fixed per
    /// word (spinners draw from a thesaurus entry; `choice` picks the entry's member).
    func synonym(of rank: Int, choice: Int) -> Int {
        let span = max(4, rank / 2)
        let low = max(0, rank - span / 2)
        var candidate = low + Int(StableHash.mix(UInt64(rank) &* 4 &+ UInt64(choice)) % UInt64(span))
        candidate = min(candidate, vocabulary.count - 1)
        return candidate == rank ? min(vocabulary.count - 1, rank + 1 + choice) : candidate
    }
}
