import ArgumentParser
import Foundation
import RetoldCore
import RetoldEvaluation
import RetoldReport

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure Retold on labelled data.",
        subcommands: [EvalParaphrase.self, EvalRelationship.self, EvalClusters.self, EvalChanges.self, EvalWireChanges.self,
                      EvalSummaryClaims.self, EvalExtraction.self, EvalSearch.self, EvalFingerprint.self, EvalPlanted.self, EvalStatic.self]
    )
}

struct EvalParaphrase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paraphrase",
        abstract: "Accuracy, precision, recall and F1 of the sentence-pair model on paraphrase corpora.",
        discussion: """
        By default the model is retrained inside each fold (k-fold cross-validation), so no figure \
        comes from data the model was fitted on. With two corpora, cross-corpus and joint figures follow.
        --shipped scores the model built into retold, for test sets it was not fitted on \
        (it was fitted on MSRP train and the PAN sentence training pairs).
        """
    )

    @Option(help: "An MSRP-format file (Quality, #1 ID, #2 ID, #1 String, #2 String).")
    var msrp: String?

    @Option(name: .customLong("pan-sentences"), help: "A folder with <prefix>_s1.txt, <prefix>_s2.txt and <prefix>.labels.")
    var panSentences: String?

    @Option(help: "Number of cross-validation folds.")
    var folds: Int = 10

    @Flag(help: "Score the shipped model as is, and the whole compare pipeline, instead of cross-validating.")
    var shipped = false

    @Flag(name: .customLong("emit-model"), help: "Fit on all given corpora and print the Swift source of the model.")
    var emitModel = false

    @Flag(help: "Also cross-validate with the sentence encoder's cosine as a feature (needs `retold model install`), beside the lexical figures of the same folds.")
    var semantic = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard !(semantic && (shipped || emitModel)) else { throw ValidationError("--semantic cross-validates; it does not go with --shipped or --emit-model") }
        guard msrp != nil || panSentences != nil else { throw ValidationError("give --msrp FILE and/or --pan-sentences DIR") }
        guard (2...100).contains(folds) else { throw ValidationError("--folds must be between 2 and 100") }
        guard !(shipped && emitModel) else { throw ValidationError("--shipped and --emit-model do not go together") }
    }

    func run() throws {
        var corpora: [ParaphraseEvaluation.Corpus] = []
        do {
            if let msrp { corpora.append(.init(name: "MSRP", pairs: try ParaphraseCorpus.msrp(path: msrp))) }
            if let panSentences { corpora.append(.init(name: "PAN", pairs: try ParaphraseCorpus.panSentences(directory: panSentences))) }
        } catch {
            throw CommandFailure("\(error)")
        }
        let evaluation = ParaphraseEvaluation(folds: folds)
        if emitModel {
            emit(ParaphraseEvaluation.swiftSource(evaluation.fit(corpora), trainedOn: corpora))
            return
        }
        var results = shipped
            ? corpora.flatMap { [ParaphraseEvaluation.fixed($0), ParaphraseEvaluation.pipeline($0)] }
            : evaluation.crossValidated(corpora)
        if semantic {
            let encoder = try SemanticEncoding.load()
            results += evaluation.crossValidated(corpora, embed: { encoder.vectors($0) }).map { result in
                var result = result
                result.setting += ", with the encoder"
                return result
            }
        }
        switch format {
        case .json:
            emit(JSONOutput.encode(results.map(EvalResultReport.init), pretty: true) + "\n")
        case .text:
            emit(table(results))
        }
    }

    func table(_ results: [ParaphraseEvaluation.Result]) -> String {
        let header = ["setting", "tested on", "pairs", "accuracy", "precision", "recall", "F1"]
        let rows = results.map { r in
            [r.setting, r.corpus, "\(r.metrics.count)", percent(r.metrics.accuracy), percent(r.metrics.precision),
             percent(r.metrics.recall), percent(r.metrics.f1)]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max()! }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                c < 2 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                      : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ") + "\n"
        }
        return line(header) + rows.map(line).joined()
    }

    func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}

/// JSON form of one evaluation line.
struct EvalResultReport: Encodable {
    var setting: String
    var corpus: String
    var pairs: Int
    var accuracy: Double
    var precision: Double
    var recall: Double
    var f1: Double
    var confusion: [String: Int]

    init(_ result: ParaphraseEvaluation.Result) {
        let m = result.metrics
        setting = result.setting; corpus = result.corpus; pairs = m.count
        accuracy = m.accuracy; precision = m.precision; recall = m.recall; f1 = m.f1
        confusion = ["tp": m.truePositives, "fp": m.falsePositives, "tn": m.trueNegatives, "fn": m.falseNegatives]
    }
}
