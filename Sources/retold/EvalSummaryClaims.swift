import ArgumentParser
import Foundation
import RetoldCore
import RetoldEvaluation
import RetoldReport

/// `retold eval qags`: balanced accuracy of "has a medium or high finding" against human votes
/// on whether a model-written summary sentence is supported by its article.
struct EvalSummaryClaims: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qags",
        abstract: "Balanced accuracy of findings on summary sentences people judged supported or not (QAGS JSONL).",
        discussion: """
        Each summary sentence is compared with its article as `retold compare` does (the aligned \
        pairs' findings, and the sentence's figures and names held against the whole article); a \
        medium or high finding predicts "unsupported", scored against the majority of the \
        annotators' votes.
        """
    )

    @Argument(help: "A QAGS JSONL file (article, summary_sentences[sentence, responses]).")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let claims: [SummaryClaimEvaluation.Claim]
        do {
            claims = try SummaryClaimEvaluation.read(path: file)
        } catch {
            throw CommandFailure("\(error)")
        }
        let result = SummaryClaimEvaluation().run(claims)
        switch format {
        case .json:
            emit(JSONOutput.encode(SummaryClaimReport(result), pretty: true) + "\n")
        case .text:
            var out = String(format: "sentences: %d (unsupported by majority vote: %d)\n", result.claims, result.unsupported)
            out += String(format: "flagged unsupported: %d of %d (%.3f); left supported alone: %d of %d (%.3f)\n",
                          result.truePositives, result.unsupported, result.sensitivity,
                          result.trueNegatives, result.claims - result.unsupported, result.specificity)
            out += String(format: "balanced accuracy: %.3f\n", result.balancedAccuracy)
            for (kind, count) in result.flaggedKinds.sorted(by: { $0.key < $1.key }) { out += "  \(kind): \(count) sentences\n" }
            emit(out)
        }
    }
}

/// JSON form of `retold eval qags`.
struct SummaryClaimReport: Encodable {
    var sentences: Int
    var unsupported: Int
    var sensitivity: Double
    var specificity: Double
    var balancedAccuracy: Double
    var flaggedKinds: [String: Int]

    init(_ result: SummaryClaimEvaluation.Result) {
        sentences = result.claims
        unsupported = result.unsupported
        sensitivity = result.sensitivity
        specificity = result.specificity
        balancedAccuracy = result.balancedAccuracy
        flaggedKinds = result.flaggedKinds
    }
}
