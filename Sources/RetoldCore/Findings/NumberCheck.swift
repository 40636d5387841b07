/// Figures that differ between aligned sentences: "28,500 troops" / "80,000 troops",
/// "2.5 years" / "two years". Formatting never counts: "28,500" = "28500", "six months" = "6 months".
///
/// A figure is compared only with the figure that counts the same thing on the other side
/// (the same noun after it, or the same unit), so a number dropped or added is not a change.
enum NumberCheck {
    static func check(_ pair: AlignedPair) -> [Finding] {
        let figuresA = pair.figuresA, figuresB = pair.figuresB
        guard !figuresA.isEmpty, !figuresB.isEmpty else { return [] }
        var findings: [Finding] = []
        var usedB = Set<Int>()
        for x in figuresA {
            // The counterpart: same counted noun, else the only figure of the same unit on both sides.
            var match = figuresB.indices.first { !usedB.contains($0) && x.noun != nil && figuresB[$0].noun == x.noun && figuresB[$0].unit == x.unit }
            if match == nil, x.noun == nil || !figuresB.contains(where: { $0.noun == x.noun }) {
                // Without a noun: the figures of one unit pair up in order when both sides have as many
                // ("rose $2.11 ... to $21.51" / "jumped $1.63 ... to $21.03").
                let sameUnitA = figuresA.filter { $0.unit == x.unit && $0.noun == nil }
                let sameUnitB = figuresB.indices.filter { figuresB[$0].unit == x.unit && figuresB[$0].noun == nil }
                if x.noun == nil, sameUnitA.count == sameUnitB.count, let position = sameUnitA.firstIndex(of: x),
                   !usedB.contains(sameUnitB[position]) {
                    match = sameUnitB[position]
                }
            }
            guard let k = match else { continue }
            usedB.insert(k)
            let y = figuresB[k]
            guard !x.sameAmount(as: y) else { continue }
            // Under 5% apart reads as rounding ("$34 billion" / "$33.4 billion"): worth a look, not an alarm.
            let relative = abs(x.value - y.value) / max(abs(x.value), abs(y.value))
            findings.append(Finding(kind: .numberChanged, severity: relative < 0.05 ? .medium : .high, a: x.bytes, b: y.bytes,
                                    explanation: "A says \(x.text), B says \(y.text)."))
        }
        return findings
    }
}

/// A figure stated in text: its value after normalization, what it counts, and where it is.
struct StatedNumber: Equatable {
    enum Unit: Equatable { case plain, percent, money(String) }
    var value: Double
    var unit: Unit
    /// Stem of the counted noun right after the figure ("troops", "months"), if any.
    var noun: UInt64?
    var bytes: Range<Int>
    var text: String
    /// The end of a range ("5-10", "1914-18"): the figure is `value` to `upper`.
    var upper: Double? = nil
    /// "12-500" is 12,500 with a hyphen for the thousands separator, or the range 12 to 500:
    /// the range reading, kept so either matches the other side.
    var rangeReading: ClosedRange<Double>? = nil

    func sameAmount(as other: StatedNumber) -> Bool {
        guard unit == other.unit else { return false }
        func close(_ x: Double, _ y: Double) -> Bool { abs(x - y) <= 0.005 * max(abs(x), abs(y)) }
        func same(_ x: Double, _ xUpper: Double?, _ y: Double, _ yUpper: Double?) -> Bool {
            guard close(x, y) else { return false }
            switch (xUpper, yUpper) {
            case (nil, nil): return true
            case let (p?, q?): return close(p, q)
            default: return false
            }
        }
        if same(value, upper, other.value, other.upper) { return true }
        if let r = rangeReading, same(r.lowerBound, r.upperBound, other.value, other.upper) { return true }
        if let r = other.rangeReading, same(value, upper, r.lowerBound, r.upperBound) { return true }
        return false
    }

    /// Whether the number token at `t` is part of a name: joined by a hyphen to a word
    /// ("COVID-19", "F-16", "Chandrayaan-3"), or after a title-case word ("Apollo 11", "Euro 2020").
    static func isPartOfName(_ document: Document, _ t: Int, from lowest: Int) -> Bool {
        guard t > lowest else { return false }
        let tokens = document.tokens, bytes = document.text.bytes
        let previous = tokens[t - 1]
        let gap = Int(previous.end)..<Int(tokens[t].start)
        guard gap.count == 1, !previous.flags.contains(.number) else { return false }
        if bytes[gap.lowerBound] == 0x2D { return !previous.flags.contains(.hasDigit) }
        // A possessive before a figure ("Farben's 500 properties") owns it; it does not name it.
        let possessive = previous.range.count > 2 && bytes[Int(previous.end) - 2] == 0x27 && bytes[Int(previous.end) - 1] == 0x73
        guard bytes[gap.lowerBound] == 0x20, !possessive, previous.flags.contains(.capitalized), !previous.flags.contains(.sentenceInitial),
              !previous.flags.contains(.dottedAbbreviation), !previous.flags.contains(.nonASCII),
              TimeMention.months[previous.key] == nil, !TimeMention.weekdays.contains(previous) else { return false }
        // Title case only: "NBA 2010 finals" and "U.S. 2020 election" keep their year.
        let second = Int(previous.start) + 1
        return second < Int(previous.end) && bytes[second] >= 0x61 && bytes[second] <= 0x7A
    }

    /// "June 4", "4 June": a day of a month, which is a time.
    static func isDatePart(_ document: Document, _ t: Int, _ range: Range<Int>) -> Bool {
        let tokens = document.tokens
        guard tokens[t].range.count <= 2 else { return false }
        if t > range.lowerBound, TimeMention.months[tokens[t - 1].key] != nil, tokens[t - 1].flags.contains(.capitalized) { return true }
        if t + 1 < range.upperBound, TimeMention.months[tokens[t + 1].key] != nil, tokens[t + 1].flags.contains(.capitalized) { return true }
        return false
    }

    /// The digits after a period inside a larger token ("$US207.05" tokenizes as "US207" and "05").
    static func isDecimalTail(_ document: Document, _ t: Int) -> Bool {
        let start = Int(document.tokens[t].start), bytes = document.text.bytes
        guard start >= 2, bytes[start - 1] == 0x2E else { return false }
        let before = bytes[start - 2]
        return (before >= 0x30 && before <= 0x39) || (before | 0x20 >= 0x61 && before | 0x20 <= 0x7A)
    }

    /// A number written with a hyphen, a space or a slash joining two digit groups, starting at `t`:
    /// "12 500" (12,500), "12-500" (12,500, or 12 to 500), "1914-18" (1914 to 1918), "5-10",
    /// "9/11" (a date naming an event, not a figure). The tokens it covers and its reading.
    static func joined(_ document: Document, _ t: Int, _ range: Range<Int>) -> (end: Int, value: Double?, upper: Double?, rangeReading: ClosedRange<Double>?)? {
        let tokens = document.tokens, bytes = document.text.bytes
        guard t + 1 < range.upperBound, tokens[t].flags.contains(.number), tokens[t + 1].flags.contains(.number) else { return nil }
        let gap = Int(tokens[t].end)..<Int(tokens[t + 1].start)
        guard gap.count == 1 else { return nil }
        func digits(_ k: Int) -> Int? {
            let token = tokens[k]
            for i in Int(token.start)..<Int(token.end) where bytes[i] < 0x30 || bytes[i] > 0x39 { return nil }
            return token.range.count
        }
        func number(_ k: Int) -> Double { Double(document.string(of: tokens[k]))! }
        guard let left = digits(t), let right = digits(t + 1) else { return nil }
        switch bytes[gap.lowerBound] {
        case 0x2F:  // "9/11", "24/7"
            return (t + 1, nil, nil, nil)
        case 0x20 where left <= 3 && right == 3:
            // "12 500", "1 250 000": groups of three after a space.
            var value = number(t) * 1_000 + number(t + 1), end = t + 1
            while end + 1 < range.upperBound, Int(tokens[end + 1].start) == Int(tokens[end].end) + 1,
                  bytes[Int(tokens[end].end)] == 0x20, digits(end + 1) == 3 {
                value = value * 1_000 + number(end + 1); end += 1
            }
            return (end, value, nil, nil)
        case 0x2D where left <= 3 && right == 3:
            return (t + 1, number(t) * 1_000 + number(t + 1), nil, number(t)...max(number(t), number(t + 1)))
        case 0x2D where left == 4 && right == 2:
            // "2020-01-26": a date, not a range.
            if t + 2 < range.upperBound, Int(tokens[t + 2].start) == Int(tokens[t + 1].end) + 1,
               bytes[Int(tokens[t + 1].end)] == 0x2D, digits(t + 2) == 2 {
                return (t + 2, nil, nil, nil)
            }
            // "1914-18": the second year abbreviated.
            let upper = number(t + 1) + (number(t) / 100).rounded(.down) * 100
            return (t + 1, number(t), upper, nil)
        case 0x2D:
            // A range: "5-10".
            return (t + 1, number(t), number(t + 1), nil)
        default:
            return nil
        }
    }

    static let wordValues: [UInt64: Double] = {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty": 20.0, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                    "dozen": 12, "hundred": 100]
        var values: [UInt64: Double] = [:]
        for (n, word) in words.enumerated() { values[StableHash.fnv1a(word)] = Double(n) }
        for (word, value) in tens { values[StableHash.fnv1a(word)] = value }
        return values
    }()
    static let scales: [UInt64: Double] = [
        StableHash.fnv1a("hundred"): 100, StableHash.fnv1a("thousand"): 1_000, StableHash.fnv1a("million"): 1_000_000,
        StableHash.fnv1a("billion"): 1_000_000_000, StableHash.fnv1a("trillion"): 1_000_000_000_000,
    ]
    static let percentWords: WordSet = ["percent", "per", "pct"]
    static let currencyWords: [UInt64: String] = [
        StableHash.fnv1a("dollars"): "USD", StableHash.fnv1a("dollar"): "USD", StableHash.fnv1a("euros"): "EUR",
        StableHash.fnv1a("euro"): "EUR", StableHash.fnv1a("pounds"): "GBP", StableHash.fnv1a("yen"): "JPY",
        StableHash.fnv1a("won"): "KRW", StableHash.fnv1a("yuan"): "CNY",
    ]
    static let of = Word("of")

    /// Words between a figure and its noun that say nothing about what is counted.
    static let skippable: WordSet = ["more", "than", "of", "the", "additional", "extra", "new", "other", "such", "some"]

    /// The figures among the tokens in `range`. Years (1900-2100 without a counted noun) are
    /// times, not figures: `TimeCheck` compares them.
    static func all(_ document: Document, _ range: Range<Int>) -> [StatedNumber] {
        let tokens = document.tokens, bytes = document.text.bytes
        var result: [StatedNumber] = []
        var t = range.lowerBound
        while t < range.upperBound {
            let token = tokens[t]
            var value: Double
            var upper: Double?, rangeReading: ClosedRange<Double>?, joinedEnd: Int?
            if token.flags.contains(.number), isPartOfName(document, t, from: range.lowerBound) || isDatePart(document, t, range)
                || isDecimalTail(document, t) {
                t += 1; continue
            }
            if let join = joined(document, t, range) {
                guard let joinedValue = join.value else { t = join.end + 1; continue }
                value = joinedValue
                (upper, rangeReading, joinedEnd) = (join.upper, join.rangeReading, join.end)
            } else if token.flags.contains(.number), let parsed = parseDigits(document.string(of: token)) {
                value = parsed
                // ".85 cent": a decimal without its leading zero.
                let s = Int(token.start)
                if s >= 1, bytes[s - 1] == 0x2E, s < 2 || !(bytes[s - 2] >= 0x30 && bytes[s - 2] <= 0x39), !document.string(of: token).contains("."),
                   let fraction = Double("0." + document.string(of: token).filter { $0 != "," }) { value = fraction }
            } else if let word = wordValues[token.key], !token.flags.contains(.capitalized) || token.flags.contains(.sentenceInitial),
                      // "one of the symptoms" picks one out; it does not count them.
                      !(word == 1 && t + 1 < range.upperBound && tokens[t + 1].is(of)) {
                value = word
                // "twenty five"
                if value >= 20, value < 100, t + 1 < range.upperBound, let unit = wordValues[tokens[t + 1].key], unit < 10 { value += unit; t += 1 }
            } else {
                t += 1; continue
            }
            let start = t
            var end = joinedEnd ?? t
            // Scale words: "2.5 million", "two hundred".
            while end + 1 < range.upperBound, let scale = scales[tokens[end + 1].key] { value *= scale; end += 1 }
            var unit = Unit.plain
            switch currencySignWidth(bytes, before: Int(tokens[start].start)) {
            case 1?: unit = .money("USD")
            case 2?: unit = .money("GBP")
            case 3?: unit = .money("EUR")
            default: break
            }
            let afterByte = Int(tokens[end].end) < bytes.count ? bytes[Int(tokens[end].end)] : 0
            if afterByte == 0x25 { unit = .percent }
            if end + 1 < range.upperBound, percentWords.contains(tokens[end + 1]) { unit = .percent; end += 1 }
            if end + 1 < range.upperBound, let currency = currencyWords[tokens[end + 1].key] { unit = .money(currency); end += 1 }
            // The counted noun: the next content word, skipping a few function words.
            var noun: UInt64?
            var k = end + 1
            while k < range.upperBound, k - end <= 3, skippable.contains(tokens[k]) { k += 1 }
            // The noun follows without punctuation: in "July 4, 2012, calling it", nothing is counted.
            let punctuated = k < range.upperBound && bytes[Int(tokens[end].end)..<Int(tokens[k].start)].contains { $0 != 0x20 && $0 != 0x2D }
            if unit == .plain, k < range.upperBound, !punctuated, tokens[k].isContent, !tokens[k].flags.contains(.number), scales[tokens[k].key] == nil {
                noun = tokens[k].stem
            }
            let isYear = unit == .plain && value >= 1900 && value <= 2100 && value == value.rounded() && token.flags.contains(.number)
                && (noun == nil || TimeWords.names.contains(tokens[k]) || (upper ?? 0) >= 1900) && rangeReading == nil
            let isTime = document.string(of: token).contains(":")
            if !isYear && !isTime {
                // The figure with its currency sign or percent sign; the text shown adds the noun counted.
                var symbolWidth = 0
                if case .money = unit, let sign = currencySignWidth(bytes, before: Int(tokens[start].start)) { symbolWidth = sign }
                let span = (Int(tokens[start].start) - symbolWidth)..<(Int(tokens[end].end) + (afterByte == 0x25 ? 1 : 0))
                let shownEnd = noun != nil ? Int(tokens[k].end) : span.upperBound
                result.append(StatedNumber(value: value, unit: unit, noun: noun, bytes: span,
                                           text: document.text.text(span.lowerBound..<max(span.upperBound, shownEnd)),
                                           upper: upper, rangeReading: rangeReading))
            }
            t = end + 1
        }
        return result
    }

    /// Bytes of a currency sign ending right before `offset` ($ 1, £ 2, € 3), if any.
    static func currencySignWidth(_ bytes: [UInt8], before offset: Int) -> Int? {
        if offset >= 1, bytes[offset - 1] == 0x24 { return 1 }
        if offset >= 2, bytes[offset - 2] == 0xC2, bytes[offset - 1] == 0xA3 { return 2 }
        if offset >= 3, bytes[offset - 3] == 0xE2, bytes[offset - 2] == 0x82, bytes[offset - 1] == 0xAC { return 3 }
        return nil
    }

    /// "28,500" -> 28500, "2.5" -> 2.5.
    static func parseDigits(_ text: String) -> Double? {
        Double(text.filter { $0 != "," })
    }
}
