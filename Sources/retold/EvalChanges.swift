import ArgumentParser
import Foundation
import RetoldCore
import RetoldEvaluation
import RetoldReport

/// `retold eval findings`: precision and recall of each finding kind on planted changes.
struct EvalChanges: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "Precision and recall of each finding kind, on changes planted in paraphrase pairs.",
        discussion: """
        Builds the test set on the fly from an MSRP-format corpus: for each kind, sentences with one \
        controlled edit (a name, a figure, a negation, a time, a scope word, a quoted word, a speaker), \
        against themselves ("copy") and against their paraphrase ("paraphrase"); plus untouched pairs. \
        A copy row's false alarms are on copies with other edits and identical pairs; a paraphrase \
        row's on paraphrases with other edits and untouched paraphrase pairs. "untouched" is the \
        share of untouched paraphrase pairs that got the kind.
        """
    )

    @Option(help: "An MSRP-format file (Quality, #1 ID, #2 ID, #1 String, #2 String).")
    var msrp: String

    @Option(name: .customLong("per-kind"), help: "Planted pairs per kind and style.")
    var perKind: Int = 250

    @Flag(help: "Print missed pairs and false alarms per kind (see --examples).")
    var verbose = false

    @Option(help: "With --verbose, how many misses and false alarms to print per kind and style.")
    var examples: Int = 1

    func validate() throws {
        guard (1...5_000).contains(perKind) else { throw ValidationError("--per-kind must be between 1 and 5000") }
    }

    func run() throws {
        let pairs: [LabelledPair]
        do {
            pairs = try ParaphraseCorpus.msrp(path: msrp)
        } catch {
            throw CommandFailure("\(error)")
        }
        let result = FindingEvaluation(perKind: perKind, examplesPerKind: max(0, examples)).run(paraphrasePairs: pairs)
        // "untouched": the share of untouched paraphrase pairs that got the kind, which counts
        // against the paraphrase style's precision only but is shown for both.
        var out = "kind                 style       pairs  precision  recall  untouched\n"
        for row in result.rows {
            out += row.edit.expectedKind.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0)
            out += row.style.padding(toLength: 10, withPad: " ", startingAt: 0)
            out += String(format: "%7d  %9.3f  %6.3f  %9.3f\n", row.pairs, row.precision, row.recall, row.untouchedShare)
        }
        out += String(format: "untouched paraphrase pairs with a high-severity finding: %d of %d (%.1f%%)\n",
                      result.untouchedWithHigh, result.untouchedPairs, 100 * Double(result.untouchedWithHigh) / Double(max(1, result.untouchedPairs)))
        if verbose { out += "\n" + result.misses.joined(separator: "\n") + "\n" }
        emit(out)
    }
}
