import Foundation
import RetoldCore
import RetoldIngest

/// Whether findings flag the model-written summary sentences people judged unsupported by their
/// article (QAGS: JSONL of {"article", "summary_sentences": [{"sentence", "responses": [{"response": "yes"|"no"}]}]}).
///
/// Each sentence is compared with its article by the `Comparer` a user runs, which also holds a
/// short text's claims against the whole article (`ClaimChecker`); "has a medium or high finding"
/// predicts "unsupported", scored against the majority of the human votes.
public struct SummaryClaimEvaluation: Sendable {
    public struct Claim: Sendable {
        public var article: String
        public var sentence: String
        /// The majority vote: true when most annotators said the sentence is supported.
        public var supported: Bool
    }

    public struct Result: Sendable {
        public var claims: Int
        public var unsupported: Int
        /// Unsupported claims flagged, supported claims left alone.
        public var truePositives: Int
        public var trueNegatives: Int
        public var flaggedKinds: [String: Int]

        public var sensitivity: Double { unsupported == 0 ? 0 : Double(truePositives) / Double(unsupported) }
        public var specificity: Double { claims == unsupported ? 0 : Double(trueNegatives) / Double(claims - unsupported) }
        public var balancedAccuracy: Double { (sensitivity + specificity) / 2 }
    }

    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    struct Line: Decodable {
        struct Sentence: Decodable {
            struct Response: Decodable { var response: String }
            var sentence: String
            var responses: [Response]
        }
        var article: String
        var summary_sentences: [Sentence]
    }

    /// Reads a QAGS JSONL file.
    public static func read(path: String) throws -> [Claim] {
        let text = try TextInput.read(path: path).text
        var claims: [Claim] = []
        for (n, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
            guard let parsed = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)) else {
                throw FormatError(description: "\(path):\(n + 1): not a QAGS line (article, summary_sentences[sentence, responses[response]])")
            }
            for sentence in parsed.summary_sentences {
                let yes = sentence.responses.filter { $0.response == "yes" }.count
                claims.append(Claim(article: parsed.article, sentence: sentence.sentence, supported: yes * 2 > sentence.responses.count))
            }
        }
        return claims
    }

    public var comparer: Comparer

    public init(comparer: Comparer = Comparer()) {
        self.comparer = comparer
    }

    public func run(_ claims: [Claim]) -> Result {
        var analyzer = TextAnalyzer()
        var result = Result(claims: claims.count, unsupported: 0, truePositives: 0, trueNegatives: 0, flaggedKinds: [:])
        for claim in claims {
            let comparison = comparer.compare(analyzer.analyze(claim.article), analyzer.analyze(claim.sentence))
            let findings = comparison.findings.filter { $0.severity >= .medium }
            for kind in Set(findings.map(\.kind.rawValue)) { result.flaggedKinds[kind, default: 0] += 1 }
            if !claim.supported { result.unsupported += 1 }
            if !claim.supported && !findings.isEmpty { result.truePositives += 1 }
            if claim.supported && findings.isEmpty { result.trueNegatives += 1 }
        }
        return result
    }
}
