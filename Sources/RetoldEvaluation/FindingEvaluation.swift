import RetoldCore

/// Precision and recall of the findings on pairs with one planted change each.
///
/// The set is built on the fly from a paraphrase corpus (so no corpus text is stored):
/// - "copy": a sentence against itself with one controlled edit (`FindingEdit`);
/// - "paraphrase": sentence 1 of a paraphrase pair against sentence 2 with the edit, which is
///   harder: the change hides among the rewording;
/// - "untouched": paraphrase pairs and identical pairs without edits, which should raise nothing.
/// Every pair goes through the same `Comparer` a user runs, so a pair that fails to align
/// counts against recall.
///
/// A row's negatives are those of its style: a copy is a sentence against its edited self, so its
/// negatives are copies planted with other edits and identical pairs; a paraphrase row's are
/// paraphrases planted with other edits and untouched paraphrase pairs. Untouched paraphrase
/// pairs often genuinely differ (one outlet drops the hedge or the attribution the other kept), so
/// counting them against the copy style measured the corpus, not the check; each row still shows
/// the share of them that got its kind.
public struct FindingEvaluation: Sendable {
    public struct Row: Sendable {
        public var edit: FindingEdit
        public var style: String
        public var pairs: Int
        /// Altered pairs that got the expected kind.
        public var found: Int
        /// Negatives of this style (pairs altered with another edit, and identical pairs for a copy
        /// or untouched paraphrase pairs for a paraphrase) that got this kind anyway.
        public var falseAlarms: Int
        /// Untouched paraphrase pairs that got this kind, whatever the row's style.
        public var untouchedWithKind: Int
        public var untouchedPairs: Int
        public var recall: Double { pairs == 0 ? 0 : Double(found) / Double(pairs) }
        public var precision: Double { found + falseAlarms == 0 ? 0 : Double(found) / Double(found + falseAlarms) }
        /// The share of untouched paraphrase pairs that got this kind.
        public var untouchedShare: Double { untouchedPairs == 0 ? 0 : Double(untouchedWithKind) / Double(untouchedPairs) }
    }

    public struct Result: Sendable {
        public var rows: [Row]
        public var untouchedPairs: Int
        /// Untouched paraphrase pairs with any high-severity finding.
        public var untouchedWithHigh: Int
        /// Examples of misses and false alarms, for diagnosis.
        public var misses: [String]
    }

    public var perKind: Int

    /// True when the first difference between the two texts lies between quotation marks.
    static func changeIsQuoted(_ source: String, _ edited: String) -> Bool {
        let a = Array(source.unicodeScalars), b = Array(edited.unicodeScalars)
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        let quotes = a[..<min(i, a.count)].filter { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }.count
        return quotes % 2 == 1
    }

    /// How many misses and false alarms to keep per kind and style in `Result.misses`.
    public var examplesPerKind: Int

    public init(perKind: Int = 250, examplesPerKind: Int = 1) {
        self.perKind = perKind
        self.examplesPerKind = examplesPerKind
    }

    public func run(paraphrasePairs: [LabelledPair]) -> Result {
        let positives = paraphrasePairs.filter(\.label)
        // Person names to swap in: full names from the corpus, in corpus order, deduplicated.
        var analyzer = TextAnalyzer()
        var people: [String] = [], seen = Set<String>()
        for pair in positives.prefix(2_000) {
            for mention in NameFinder(analyzer.analyze(pair.a)).mentions
            where mention.tokens.count >= 2 && mention.country == nil && !mention.possessive
                && mention.text.allSatisfy({ $0.isLetter || $0 == " " }) {
                if seen.insert(NameMention.key(mention.text)).inserted { people.append(mention.text) }
            }
        }
        let pools = FindingEdit.Pools(people: people)
        let comparer = Comparer()
        func findings(_ a: String, _ b: String) -> [Finding] {
            comparer.compare(analyzer.analyze(a), analyzer.analyze(b)).passages.flatMap(\.alignments).flatMap(\.findings)
        }

        // Planted pairs, and the kinds found on each.
        struct Trial {
            var edit: FindingEdit?; var style: String; var kinds: Set<Finding.Kind>; var high: Bool; var text: String
            /// The edit fell inside quotation marks, where any change also alters the quote.
            var insideQuote = false
            func reports(_ kind: Finding.Kind) -> Bool {
                guard let edit else { return false }
                return edit.acceptedKinds.contains(kind) || (insideQuote && kind == .quoteAltered)
            }
        }
        var trials: [Trial] = []
        for edit in FindingEdit.allCases {
            for style in ["copy", "paraphrase"] {
                var made = 0
                for (index, pair) in positives.enumerated() where made < perKind {
                    let source = style == "copy" ? pair.a : pair.b
                    guard let edited = edit.apply(to: source, pools: pools, seed: index), edited != source else { continue }
                    let left = style == "copy" ? pair.a : pair.a
                    let found = findings(left, edited)
                    trials.append(Trial(edit: edit, style: style, kinds: Set(found.map(\.kind)), high: found.contains { $0.severity == .high },
                                        text: "\(left)  ->  \(edited)", insideQuote: Self.changeIsQuoted(source, edited)))
                    made += 1
                }
            }
        }
        var untouched = 0, untouchedHigh = 0
        for pair in positives.prefix(perKind * 2) {
            let found = findings(pair.a, pair.b)
            trials.append(Trial(edit: nil, style: "untouched", kinds: Set(found.map(\.kind)), high: found.contains { $0.severity == .high },
                                text: "\(pair.a)  ->  \(pair.b)"))
            untouched += 1
            if found.contains(where: { $0.severity == .high }) { untouchedHigh += 1 }
        }
        for pair in positives.prefix(perKind) {
            let found = findings(pair.a, pair.a)
            trials.append(Trial(edit: nil, style: "identical", kinds: Set(found.map(\.kind)), high: false, text: pair.a))
        }

        var rows: [Row] = []
        var misses: [String] = []
        for edit in FindingEdit.allCases {
            for style in ["copy", "paraphrase"] {
                let planted = trials.filter { $0.edit == edit && $0.style == style }
                let found = planted.filter { !$0.kinds.isDisjoint(with: edit.acceptedKinds) }.count
                // False alarms: this kind on pairs of the same style planted with an edit it does not
                // report, or on the unedited pairs of that style.
                let unedited = style == "copy" ? "identical" : "untouched"
                let others = trials.filter { trial in
                    (trial.edit != nil && trial.style == style && !trial.reports(edit.expectedKind)) || trial.style == unedited
                }
                let alarms = others.filter { $0.kinds.contains(edit.expectedKind) }
                let untouchedWithKind = trials.filter { $0.style == "untouched" && $0.kinds.contains(edit.expectedKind) }.count
                rows.append(Row(edit: edit, style: style, pairs: planted.count, found: found, falseAlarms: alarms.count,
                                untouchedWithKind: untouchedWithKind, untouchedPairs: untouched))
                for miss in planted.filter({ $0.kinds.isDisjoint(with: edit.acceptedKinds) }).prefix(examplesPerKind) {
                    misses.append("missed \(edit.rawValue) (\(style)): \(miss.text)")
                }
                for alarm in alarms.prefix(examplesPerKind) { misses.append("false \(edit.expectedKind.rawValue) (\(alarm.style)): \(alarm.text)") }
            }
        }
        return Result(rows: rows, untouchedPairs: untouched, untouchedWithHigh: untouchedHigh, misses: misses)
    }
}
