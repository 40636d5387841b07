import Foundation

/// A synthetic news corpus with planted copies, for the index benchmark: mostly unrelated
/// articles, and families of one original with copies of three kinds:
/// - verbatim: the same text republished by another outlet, under its dateline and footer;
/// - edited: sentences dropped or added, words and figures changed, the end cut;
/// - rewrite: a share of the words (20-40% by default) swapped for synonyms, names and figures
///   kept, as a spinner does.
/// Everything follows from the seed: the same configuration writes the same bytes everywhere.
public struct PlantedCorpus: Sendable {
    public struct Configuration: Sendable {
        public var documents = 100_000
        public var seed: UInt64 = 20_261_123
        /// Chance that an original gets copies (about 2.5 each), so about a fifth of the corpus is copies.
        public var copiedShare = 0.1
        /// Share of all words a rewrite substitutes, drawn uniformly from this range.
        public var rewriteRates: ClosedRange<Double> = 0.2...0.4

        public init(documents: Int = 100_000, seed: UInt64 = 20_261_123) {
            self.documents = documents
            self.seed = seed
        }
    }

    public enum Kind: String, Sendable, CaseIterable {
        case original, verbatim, edited, rewrite
    }

    /// What the generator planted: one line of `truth.tsv`.
    public struct Member: Sendable, Equatable {
        public var id: String
        /// Every member of a family shares this number; an original without copies is alone in its family.
        public var family: Int
        public var kind: Kind
        /// Share of the copy's words substituted (rewrites) or changed (edited); 0 otherwise.
        public var changed: Double

        public init(id: String, family: Int, kind: Kind, changed: Double) {
            self.id = id
            self.family = family
            self.kind = kind
            self.changed = changed
        }
    }

    public struct Summary: Sendable {
        public var documents = 0
        public var families = 0
        public var bytes = 0
        public var kinds: [Kind: Int] = [:]
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration = Configuration()) { self.configuration = configuration }

    /// Writes `corpus.jsonl` and `truth.tsv` into `folder` (created if needed).
    @discardableResult
    public func write(to folder: String) throws -> Summary {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var random = SeededRandom(seed: configuration.seed)
        let news = SyntheticNews(seed: configuration.seed &+ 1)
        let epoch = 1_735_689_600.0  // 2025-01-01T00:00:00Z
        var lines: [String] = []
        var truth: [Member] = []
        lines.reserveCapacity(configuration.documents)
        var summary = Summary()

        func emit(_ member: Member, text: String, title: String, outlet: String, published: Double) {
            lines.append(#"{"id":"\#(member.id)","outlet":"\#(outlet)","published":"\#(Self.iso8601(published))","title":\#(Self.jsonString(title)),"text":\#(Self.jsonString(text))}"#)
            truth.append(member)
            summary.bytes += text.utf8.count
            summary.kinds[member.kind, default: 0] += 1
        }

        var family = 0
        while lines.count < configuration.documents {
            family += 1
            let words = Self.articleLength(&random)
            let article = news.article(words: words, &random)
            let published = epoch + random.unit() * 365 * 86_400
            let title = news.render(SyntheticNews.Article(title: [], paragraphs: [[.init(tokens: article.title)]], outlet: article.outlet), footer: false)
            emit(Member(id: "a\(family)", family: family, kind: .original, changed: 0),
                 text: news.render(article, footer: random.chance(0.5)), title: title,
                 outlet: news.outlets[article.outlet].name, published: published)
            guard random.chance(configuration.copiedShare) else { continue }

            var copies: [(Kind, Double)] = []
            if random.chance(0.6) { copies.append((.verbatim, 0)) }
            if random.chance(0.8) { copies.append((.edited, 0)) }
            if random.chance(0.8) { copies.append((.rewrite, 0)) }
            if random.chance(0.3) { copies.append((.rewrite, 0)) }
            if copies.isEmpty { copies.append((.edited, 0)) }
            for (number, (kind, _)) in copies.enumerated() where lines.count < configuration.documents {
                var copy = article
                copy.outlet = (article.outlet + 1 + random.below(news.outlets.count - 1)) % news.outlets.count
                var changed = 0.0
                switch kind {
                case .verbatim, .original: break
                case .edited: changed = Self.edit(&copy, news: news, &random)
                case .rewrite:
                    let rate = configuration.rewriteRates.lowerBound
                        + random.unit() * (configuration.rewriteRates.upperBound - configuration.rewriteRates.lowerBound)
                    changed = Self.rewrite(&copy, rate: rate, news: news, &random)
                }
                let outlet = news.outlets[copy.outlet].name
                // A republished page always differs somewhere (dateline or footer); byte-identical
                // text would be a duplicate, which the index skips by content hash.
                let dateline = news.outlets[copy.outlet].footer == nil || random.chance(0.5) ? "\(news.places[news.placeSampler.sample(&random)].uppercased()) (\(outlet)) \u{2014} " : nil
                emit(Member(id: "a\(family)-\(number + 1)", family: family, kind: kind, changed: changed),
                     text: news.render(copy, dateline: dateline, footer: true), title: title, outlet: outlet,
                     published: published + 3_600 + random.unit() * 3 * 86_400)
            }
            summary.families += 1
        }
        summary.documents = lines.count

        // Shuffled, so that copies are not next to their originals in the input.
        var order = Array(lines.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, random.below(i + 1)) }
        // Written in 1 MB pieces: a million documents are 3.7 GB, not worth a second copy in memory.
        let path = folder + "/corpus.jsonl"
        guard FileManager.default.createFile(atPath: path, contents: nil), let file = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { try? file.close() }
        var chunk = ""
        chunk.reserveCapacity(1 << 21)
        for i in order {
            chunk += lines[i]
            chunk += "\n"
            if chunk.utf8.count >= 1 << 20 {
                try file.write(contentsOf: Data(chunk.utf8))
                chunk.removeAll(keepingCapacity: true)
            }
        }
        try file.write(contentsOf: Data(chunk.utf8))
        var table = "id\tfamily\tkind\tchanged\n"
        for member in truth { table += "\(member.id)\t\(member.family)\t\(member.kind.rawValue)\t\(String(format: "%.3f", member.changed))\n" }
        try table.write(toFile: folder + "/truth.tsv", atomically: true, encoding: .utf8)
        return summary
    }

    /// Reads `truth.tsv`.
    public static func readTruth(_ path: String) throws -> [Member] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t")
            guard fields.count == 4, let family = Int(fields[1]), let kind = Kind(rawValue: String(fields[2])),
                  let changed = Double(fields[3]) else { return nil }
            return Member(id: String(fields[0]), family: family, kind: kind, changed: changed)
        }
    }

    /// News-like lengths: most articles 250-700 words, some short, a few long.
    static func articleLength(_ random: inout SeededRandom) -> Int {
        let roll = random.unit()
        if roll < 0.15 { return random.between(120...250) }
        if roll < 0.85 { return random.between(250...700) }
        return random.between(700...1_500)
    }

    /// Light editing: sentences dropped and added, a word or figure changed here and there, and
    /// sometimes the last paragraphs cut. Returns the share of the original's words touched.
    static func edit(_ article: inout SyntheticNews.Article, news: SyntheticNews, _ random: inout SeededRandom) -> Double {
        let total = article.paragraphs.joined().reduce(0) { $0 + $1.tokens.count }
        var touched = 0
        if random.chance(0.3), article.paragraphs.count > 3 {
            let keep = max(3, Int(Double(article.paragraphs.count) * (0.7 + 0.3 * random.unit())))
            touched += article.paragraphs[keep...].joined().reduce(0) { $0 + $1.tokens.count }
            article.paragraphs.removeLast(article.paragraphs.count - keep)
        }
        // The people are already introduced by now: an added sentence names them by surname.
        var introduced = Set(article.cast.indices)
        for p in article.paragraphs.indices {
            var sentences: [SyntheticNews.Sentence] = []
            for var sentence in article.paragraphs[p] {
                if random.chance(0.08) && article.paragraphs[p].count > 1 {
                    touched += sentence.tokens.count
                    continue
                }
                if random.chance(0.2) {
                    let at = random.below(sentence.tokens.count)
                    if sentence.tokens[at].rank == nil, sentence.tokens[at].text.first?.isNumber == true {
                        sentence.tokens[at].text = SyntheticNews.figure(&random)
                    } else {
                        sentence.tokens[at] = news.word(&random)
                    }
                    touched += 1
                }
                sentences.append(sentence)
                if random.chance(0.04) {
                    let added = news.sentence(cast: article.cast, places: article.places, organisations: article.organisations,
                                              introduced: &introduced, &random)
                    touched += added.tokens.count
                    sentences.append(added)
                }
            }
            article.paragraphs[p] = sentences
        }
        return Double(touched) / Double(max(1, total))
    }

    /// Spinning: each ordinary word is swapped for a synonym with the probability that makes the
    /// expected share of all words substituted equal `rate`; names and figures are kept. Returns
    /// the share actually substituted.
    static func rewrite(_ article: inout SyntheticNews.Article, rate: Double, news: SyntheticNews, _ random: inout SeededRandom) -> Double {
        let tokens = article.paragraphs.joined().flatMap(\.tokens)
        let ordinary = tokens.filter { $0.rank != nil }.count
        let probability = min(1, rate * Double(tokens.count) / Double(max(1, ordinary)))
        var substituted = 0
        for p in article.paragraphs.indices {
            for s in article.paragraphs[p].indices {
                for t in article.paragraphs[p][s].tokens.indices {
                    guard let rank = article.paragraphs[p][s].tokens[t].rank, random.chance(probability) else { continue }
                    let replacement = news.synonym(of: rank, choice: random.below(3))
                    article.paragraphs[p][s].tokens[t].text = news.vocabulary[replacement]
                    article.paragraphs[p][s].tokens[t].rank = replacement
                    substituted += 1
                }
            }
        }
        return Double(substituted) / Double(max(1, tokens.count))
    }

    /// `2025-03-04T05:06:07Z`.
    static func iso8601(_ seconds: Double) -> String {
        let total = Int(seconds)
        let days = total / 86_400, second = total % 86_400
        // Civil date from days since 1970 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, second / 3_600, second / 60 % 60, second % 60)
    }

    /// A JSON string literal; the generated text has no control characters but newlines.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
