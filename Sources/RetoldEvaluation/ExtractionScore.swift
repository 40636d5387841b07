/// The article-extraction benchmark's scoring: word 4-gram shingles compared as multisets,
/// per page, then precision and recall averaged over pages.
///
/// Words are runs of Unicode letters, digits and underscores (Python's `\w`), case kept. A text
/// of one to three words counts as one shingle. A page with an empty prediction adds nothing to
/// precision and zero to recall; F1 is the harmonic mean of the two averages.
public struct ExtractionScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Share of pages whose word lists are exactly equal.
    public var accuracy: Double
    public var pages: Int

    public struct Page: Sendable, Equatable {
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int
        public var exact: Bool
        public var precision: Double? { truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives) }
        /// F1 of this page alone (0 for an empty prediction), for finding the worst pages.
        public var f1: Double {
            let p = precision ?? 0
            return p + recall == 0 ? 0 : 2 * p * recall / (p + recall)
        }
    }

    public static func page(predicted: String, gold: String) -> Page {
        let p = words(predicted), g = words(gold)
        var counts: [[Substring]: Int] = [:]
        for shingle in shingles(g) { counts[shingle, default: 0] += 1 }
        let goldCount = counts.values.reduce(0, +)
        var tp = 0, predictedCount = 0
        for shingle in shingles(p) {
            predictedCount += 1
            if let left = counts[shingle], left > 0 { counts[shingle] = left - 1; tp += 1 }
        }
        return Page(truePositives: tp, falsePositives: predictedCount - tp, falseNegatives: goldCount - tp, exact: p == g)
    }

    public static func combine(_ pages: [Page]) -> ExtractionScore {
        let precisions = pages.compactMap(\.precision)
        let precision = precisions.isEmpty ? 0 : precisions.reduce(0, +) / Double(precisions.count)
        let recall = pages.isEmpty ? 0 : pages.map(\.recall).reduce(0, +) / Double(pages.count)
        let accuracy = pages.isEmpty ? 0 : Double(pages.filter(\.exact).count) / Double(pages.count)
        return ExtractionScore(precision: precision, recall: recall, accuracy: accuracy, pages: pages.count)
    }

    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        for scalar in text.unicodeScalars {
            let next = text.unicodeScalars.index(after: index)
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let s = start {
                result.append(text[s..<index])
                start = nil
            }
            index = next
        }
        if let s = start { result.append(text[s...]) }
        return result
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func shingles(_ words: [Substring]) -> [[Substring]] {
        if words.isEmpty { return [] }
        if words.count < 4 { return [words] }
        return (0...(words.count - 4)).map { Array(words[$0..<($0 + 4)]) }
    }
}
