import Foundation
import RetoldCore
import RetoldEvaluation

/// The figures of `retold eval relationship`, as JSON and as a terminal table.
struct RelationshipEvaluationReport: Encodable {
    struct Figure: Encodable {
        var model: Double
        var baseline: Double?
    }

    var pairs: Int
    var folds: Int
    /// Rows: labelled relationship; columns: predicted, in `labels` order.
    var labels: [String]
    var confusion: [[Int]]
    var reuseAccuracy: Figure
    var independentCalledReuse: Figure
    var unrelatedCalledReuse: Figure
    var paraphraseRecalled: Figure
    var editedRecalled: Figure
    var verbatimRecalled: Figure
    var verbatimLabelled: Double
    var exactAccuracy: Double
    var expectedCalibrationError: Double
    var reliability: [RelationshipEvaluation.Reliability]
    var reuseConfusion: [String: Int]
    var baselineConfusion: [String: Int]

    enum CodingKeys: String, CodingKey {
        case pairs, folds, labels, confusion, reliability
        case reuseAccuracy = "reuse_accuracy"
        case independentCalledReuse = "independent_called_reuse"
        case unrelatedCalledReuse = "unrelated_called_reuse"
        case paraphraseRecalled = "paraphrase_recalled"
        case editedRecalled = "edited_recalled"
        case verbatimRecalled = "verbatim_recalled"
        case verbatimLabelled = "verbatim_labelled"
        case exactAccuracy = "exact_accuracy"
        case expectedCalibrationError = "expected_calibration_error"
        case reuseConfusion = "reuse_confusion"
        case baselineConfusion = "baseline_confusion"
    }

    init(_ result: RelationshipEvaluation.Result) {
        pairs = result.predictions.count
        folds = result.folds
        let order = Relationship.allCases
        labels = order.map(\.rawValue)
        let table = result.confusion
        confusion = order.map { truth in order.map { table[truth]?[$0] ?? 0 } }
        reuseAccuracy = Figure(model: result.reuseMetrics.accuracy, baseline: result.baselineMetrics.accuracy)
        independentCalledReuse = Figure(model: result.calledReuse(.sameEvent), baseline: result.calledReuse(.sameEvent, baseline: true))
        unrelatedCalledReuse = Figure(model: result.calledReuse(.unrelated), baseline: result.calledReuse(.unrelated, baseline: true))
        paraphraseRecalled = Figure(model: result.calledReuse(.paraphrase), baseline: result.calledReuse(.paraphrase, baseline: true))
        editedRecalled = Figure(model: result.calledReuse(.editedCopy), baseline: result.calledReuse(.editedCopy, baseline: true))
        verbatimRecalled = Figure(model: result.calledReuse(.verbatimCopy), baseline: result.calledReuse(.verbatimCopy, baseline: true))
        verbatimLabelled = result.agreement(.verbatimCopy)
        exactAccuracy = result.accuracy
        expectedCalibrationError = result.expectedCalibrationError
        reliability = result.reliability
        func counts(_ m: BinaryMetrics) -> [String: Int] {
            ["tp": m.truePositives, "fp": m.falsePositives, "tn": m.trueNegatives, "fn": m.falseNegatives]
        }
        reuseConfusion = counts(result.reuseMetrics)
        baselineConfusion = counts(result.baselineMetrics)
    }

    var text: String {
        var out = "\(pairs) wire-to-document pairs, \(folds) folds grouped by cluster\n\n"
        let short = ["verbatim", "edited", "paraphrase", "same-event", "unrelated"]
        out += "labelled \\ called".padding(toLength: 18, withPad: " ", startingAt: 0)
        out += short.map { $0.leftPadded(11) }.joined() + "\n"
        for (row, label) in confusion.enumerated() {
            out += short[row].padding(toLength: 18, withPad: " ", startingAt: 0) + label.map { "\($0)".leftPadded(11) }.joined() + "\n"
        }
        out += "\n" + "".padding(toLength: 34, withPad: " ", startingAt: 0) + "model".leftPadded(8) + "bigram baseline".leftPadded(17) + "\n"
        func line(_ name: String, _ figure: Figure) -> String {
            name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.3f", figure.model)
                + (figure.baseline.map { String(format: "%17.3f", $0) } ?? "") + "\n"
        }
        out += line("reused vs not, accuracy", reuseAccuracy)
        out += line("independent reports called reuse", independentCalledReuse)
        out += line("unrelated items called reuse", unrelatedCalledReuse)
        out += line("paraphrases recalled as reuse", paraphraseRecalled)
        out += line("edited copies recalled as reuse", editedRecalled)
        out += line("verbatim copies recalled as reuse", verbatimRecalled)
        out += line("verbatim copies called verbatim", Figure(model: verbatimLabelled))
        out += line("exact relationship, accuracy", Figure(model: exactAccuracy))
        out += line("expected calibration error", Figure(model: expectedCalibrationError))
        out += "\nconfidence   pairs   mean confidence   observed right\n"
        for bin in reliability {
            out += String(format: "%.1f-%.1f  %7d   %15.3f   %14.3f\n", bin.low, bin.high, bin.count, bin.meanConfidence, bin.observed)
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
