/// The same amount in another unit: "€40,000" / "40,000" (a currency dropped), "$3" / "£3",
/// "a 3-pound bird" / "a £3 bird", "15 miles" / "15 kilometres".
///
/// Only the same figure is compared; a figure that changed is the number check's business.
enum UnitCheck {
    /// Units of measure, by stem: a figure counting one of these is a quantity, not a count.
    static let measures: [UInt64: String] = {
        let groups: [String: [String]] = [
            "length": ["mile", "miles", "kilometre", "kilometres", "kilometer", "kilometers", "km", "metre", "metres", "meter",
                       "meters", "foot", "feet", "inch", "inches", "yard", "yards", "centimetre", "centimetres", "centimeter", "centimeters", "cm", "mm"],
            "weight": ["pound", "pounds", "lb", "lbs", "kilogram", "kilograms", "kg", "kilo", "kilos", "gram", "grams", "ounce", "ounces",
                       "ton", "tons", "tonne", "tonnes", "stone"],
            "area": ["acre", "acres", "hectare", "hectares"],
            "volume": ["litre", "litres", "liter", "liters", "gallon", "gallons", "barrel", "barrels"],
            "temperature": ["celsius", "fahrenheit"],
        ]
        var table: [UInt64: String] = [:]
        let stemmer = EnglishStemmer()
        for words in groups.values {
            for word in words { table[StableHash.fnv1a(stemmer.stem(word))] = word }
        }
        return table
    }()

    static func check(_ pair: AlignedPair) -> [Finding] {
        let a = pair.figuresA, b = pair.figuresB
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var findings: [Finding] = []
        var used = Set<Int>()
        for x in a {
            // Already stated the same way on the other side: nothing changed.
            if b.contains(where: { $0.sameAmount(as: x) && $0.noun == x.noun }) { continue }
            guard let k = b.indices.first(where: { !used.contains($0) && sameValue(b[$0], x) && describe(b[$0]) != describe(x) }) else { continue }
            let y = b[k]
            // Both plain counts of different things ("40 homes" / "40 people") are not a unit change.
            guard isMeasured(x) || isMeasured(y) else { continue }
            used.insert(k)
            let textA = pair.a.text.text(x.bytes.lowerBound..<max(x.bytes.upperBound, x.bytes.lowerBound + x.text.utf8.count))
            let textB = pair.b.text.text(y.bytes.lowerBound..<max(y.bytes.upperBound, y.bytes.lowerBound + y.text.utf8.count))
            findings.append(Finding(kind: .unitChanged, severity: .medium, a: x.bytes, b: y.bytes,
                                    explanation: "A says \"\(textA)\" (\(describe(x))), B says \"\(textB)\" (\(describe(y))): the same figure in another unit."))
        }
        return findings
    }

    static func sameValue(_ x: StatedNumber, _ y: StatedNumber) -> Bool {
        abs(x.value - y.value) <= 0.005 * max(abs(x.value), abs(y.value))
    }

    /// Whether a figure carries a currency, a percent sign or a unit of measure.
    static func isMeasured(_ figure: StatedNumber) -> Bool {
        if case .plain = figure.unit { return figure.noun.map { measures[$0] != nil } ?? false }
        return true
    }

    /// The unit in words: "euros", "percent", "pounds (weight)", "no unit".
    static func describe(_ figure: StatedNumber) -> String {
        switch figure.unit {
        case .money(let code): return code
        case .percent: return "percent"
        case .plain: return figure.noun.flatMap { measures[$0] } ?? "no unit"
        }
    }
}
