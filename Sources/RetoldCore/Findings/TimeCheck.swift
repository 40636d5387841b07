/// Dates and times that differ between aligned sentences: "Friday and Saturday" / "Friday",
/// "earlier this month" / "last week", "in 2019" / "in 2018".
///
/// Times are compared when both sides say when. A time dropped is a detail lost, not a change,
/// unless B also puts the dated verb in the present perfect ("India on Wednesday became" /
/// "India has become"): then the event is told as if it had just happened.
enum TimeCheck {
    static func check(_ pair: AlignedPair) -> [Finding] {
        let timesA = TimeMention.all(pair.a, pair.tokensA)
        guard !timesA.isEmpty else { return [] }
        let timesB = TimeMention.all(pair.b, pair.tokensB)
        guard !timesB.isEmpty else { return madeCurrent(pair, timesA).map { [$0] } ?? [] }
        // Like with like: "today" and "Thursday" may be the same day; "October" and
        // "Wednesday, October" only add detail. A change is a difference within one type.
        for type in TimeMention.Kind.allCases {
            let a = timesA.filter { $0.kind == type }, b = timesB.filter { $0.kind == type }
            guard !a.isEmpty, !b.isEmpty, Set(a.map(\.canonical)) != Set(b.map(\.canonical)) else { continue }
            let namesB = Set(b.map(\.canonical)), namesA = Set(a.map(\.canonical))
            let bytesA = (a.first { !namesB.contains($0.canonical) } ?? a[0]).bytes
            let bytesB = (b.first { !namesA.contains($0.canonical) } ?? b[0]).bytes
            return [Finding(kind: .timeChanged, severity: .medium, a: bytesA, b: bytesB,
                            explanation: "A says \(a.map(\.text).joined(separator: ", ")); B says \(b.map(\.text).joined(separator: ", ")).")]
        }
        // A day or date made relative ("on Friday" / "yesterday"): right only on the day B was
        // published, and unverifiable from B alone.
        let datedA = timesA.filter { $0.kind == .weekday || $0.kind == .month }
        let relativeB = timesB.filter { $0.kind == .relative && TimeMention.deictic.contains(StableHash.fnv1a($0.canonical)) }
        if let dated = datedA.first, let relative = relativeB.first, !timesB.contains(where: { $0.kind == dated.kind }),
           !timesA.contains(where: { $0.canonical == relative.canonical }) {
            return [Finding(kind: .timeChanged, severity: .medium, a: dated.bytes, b: relative.bytes,
                            explanation: "A says \(dated.text); B says \(relative.text): a date made relative to when B was published.")]
        }
        return []
    }

    static let perfect: WordSet = ["has", "have"]
    static let perfectOrPast: WordSet = ["has", "have", "had"]
    static let been = Word("been")

    /// "on Wednesday became" / "has become", "reported late on Thursday" / "have reported": a
    /// verb next to A's day or date, in the present perfect in B, whose sentence gives no time.
    /// Republished copy is freshened this way; the day it happened is lost.
    static func madeCurrent(_ pair: AlignedPair, _ timesA: [TimeMention]) -> Finding? {
        let dated = timesA.filter { $0.kind == .weekday || $0.kind == .month }
        guard !dated.isEmpty else { return nil }
        let lexicon = Lexicon.shared
        let a = pair.a.tokens, b = pair.b.tokens
        for u in pair.tokensB where perfect.contains(b[u]) {
            // "has become", "has been rescued".
            var v = u + 1
            if v < pair.tokensB.upperBound, b[v].is(been) { v += 1 }
            guard v < pair.tokensB.upperBound, b[v].isContent, !b[v].flags.contains(.capitalized), !b[v].flags.contains(.hasDigit) else { continue }
            let lemma = lexicon.lemma(b[v])
            for time in dated {
                // A's tokens of the time, and the words within three of it.
                guard let first = pair.tokensA.first(where: { Int(a[$0].end) > time.bytes.lowerBound }),
                      let last = pair.tokensA.last(where: { Int(a[$0].start) < time.bytes.upperBound }) else { continue }
                let near = max(pair.tokensA.lowerBound, first - 3)..<min(pair.tokensA.upperBound, last + 4)
                // The same verb in A, not itself a perfect ("has reported on Monday").
                guard let k = near.first(where: { k in
                    (k < first || k > last) && a[k].isContent && !a[k].flags.contains(.capitalized) && lexicon.lemma(a[k]) == lemma
                        && !(k > pair.tokensA.lowerBound && perfectOrPast.contains(a[k - 1]))
                }) else { continue }
                let spanA = min(time.bytes.lowerBound, Int(a[k].start))..<max(time.bytes.upperBound, Int(a[k].end))
                let spanB = Int(b[u].start)..<Int(b[v].end)
                return Finding(kind: .timeChanged, severity: .medium, a: spanA, b: spanB,
                               explanation: "A says \"\(pair.a.text.text(spanA))\", B says \"\(pair.b.text.text(spanB))\": the day is dropped and the event told as if it had just happened.")
            }
        }
        return nil
    }
}

/// A stated time: a weekday, a month (with its day), a year, or a relative time ("last week").
struct TimeMention: Equatable {
    enum Kind: CaseIterable { case weekday, month, year, relative }
    var kind: Kind
    /// What it means, comparable across texts: "friday", "september 12", "2019", "last week".
    var canonical: String
    var bytes: Range<Int>
    var text: String

    static let weekdays: WordSet = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months: [UInt64: String] = {
        let pairs: [(String, String)] = [
            ("january", "january"), ("jan", "january"), ("february", "february"), ("feb", "february"), ("march", "march"),
            ("april", "april"), ("apr", "april"), ("may", "may"), ("june", "june"), ("jun", "june"), ("july", "july"),
            ("jul", "july"), ("august", "august"), ("aug", "august"), ("september", "september"), ("sept", "september"),
            ("sep", "september"), ("october", "october"), ("oct", "october"), ("november", "november"), ("nov", "november"),
            ("december", "december"), ("dec", "december"),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.map { (StableHash.fnv1a($0.0), $0.1) })
    }()
    static let deictic: WordSet = ["yesterday", "today", "tomorrow", "tonight", "overnight", "recently"]
    static let relativeOpeners: WordSet = ["last", "this", "next", "earlier", "later", "past"]
    static let periods: WordSet = ["week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "spring", "summer", "autumn", "fall", "winter"]
    static let this = Word("this")
    /// Words that make "May" or "March" a month: "in May", "since March", "last May", "early March".
    /// Not "by" or "from" ("a speech by May"), which introduce a person as often as a date.
    static let monthLeads: WordSet = ["in", "since", "until", "till", "through", "last", "next", "early", "late", "mid"]

    /// Whether token `t` is followed by a possessive "'s".
    static func isPossessive(_ document: Document, _ t: Int) -> Bool {
        let bytes = document.text.bytes, end = Int(document.tokens[t].end)
        guard end < bytes.count else { return false }
        if bytes[end] == 0x27 { return true }
        // "’" is E2 80 99.
        return end + 2 < bytes.count && bytes[end] == 0xE2 && bytes[end + 1] == 0x80 && bytes[end + 2] == 0x99
    }

    static let yearPrepositions: WordSet = ["in", "by", "since", "until", "from", "through", "before", "after", "of"]

    static func all(_ document: Document, _ range: Range<Int>) -> [TimeMention] {
        let tokens = document.tokens
        var result: [TimeMention] = []
        func add(_ from: Int, _ to: Int, _ canonical: String, _ kind: Kind) {
            let bytes = Int(tokens[from].start)..<Int(tokens[to].end)
            result.append(TimeMention(kind: kind, canonical: canonical, bytes: bytes, text: document.text.text(bytes)))
        }
        var t = range.lowerBound
        while t < range.upperBound {
            let token = tokens[t]
            let lower = { document.string(of: tokens[$0]).lowercased() }
            if weekdays.contains(token) && token.flags.contains(.capitalized) {
                add(t, t, lower(t), .weekday); t += 1; continue
            }
            if token.flags.contains(.capitalized), let month = months[token.key],
               // "May" and "March" are words (and a name) too: a month needs a number after it or a
               // word of time before it ("in May", "since March"), and no possessive ("in May's cabinet").
               month != "may" && month != "march" || (t + 1 < range.upperBound && tokens[t + 1].flags.contains(.number))
                || (t > range.lowerBound && monthLeads.contains(tokens[t - 1]) && !isPossessive(document, t)) {
                if t + 1 < range.upperBound, tokens[t + 1].flags.contains(.number), let day = Int(document.string(of: tokens[t + 1])), day <= 31 {
                    add(t, t + 1, "\(month) \(day)", .month); t += 2; continue
                }
                add(t, t, month, .month); t += 1; continue
            }
            // "27 December", "on 11 September": the day first, as British and agency copy writes it.
            if token.flags.contains(.number), t + 1 < range.upperBound, tokens[t + 1].flags.contains(.capitalized),
               let month = months[tokens[t + 1].key], let day = Int(document.string(of: token)), (1...31).contains(day) {
                add(t, t + 1, "\(month) \(day)", .month); t += 2; continue
            }
            if deictic.contains(token) { add(t, t, lower(t), .relative); t += 1; continue }
            if relativeOpeners.contains(token), t + 1 < range.upperBound {
                // "earlier this month", "last week", "this year", "last Friday".
                var k = t + 1
                if tokens[k].is(this), k + 1 < range.upperBound { k += 1 }
                if periods.contains(tokens[k]) {
                    add(t, k, (t...k).map(lower).joined(separator: " "), .relative); t = k + 1; continue
                }
                if weekdays.contains(tokens[k]) {
                    add(t, k, lower(k), .weekday); t = k + 1; continue
                }
            }
            // A year: 1900-2100 not counting a noun after it ("2,000 troops"), or after "in", "by", "since".
            // "Euro 2020" and "COVID-19" name things; their digits say nothing about when.
            if token.flags.contains(.number), let year = Int(document.string(of: token)), (1900...2100).contains(year),
               !StatedNumber.isPartOfName(document, t, from: range.lowerBound),
               t + 1 >= range.upperBound || !tokens[t + 1].isContent || tokens[t + 1].flags.contains(.capitalized)
                || (t > range.lowerBound && yearPrepositions.contains(tokens[t - 1]))
                || document.text.bytes[Int(token.end)..<Int(tokens[t + 1].start)].contains(where: { $0 != 0x20 }) {
                add(t, t, String(year), .year); t += 1; continue
            }
            t += 1
        }
        return result
    }
}
