import ArgumentParser
import Foundation
import RetoldCore
import RetoldEvaluation
import RetoldReport

/// `retold eval changes`: whether findings catch the factual changes annotators noted in real
/// copies of wire stories, and stay silent on copies with none.
struct EvalWireChanges: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Share of real wire copies whose noted factual changes get a medium or high finding.",
        discussion: """
        Reads a folder of wire-cluster files (cluster-NN.json) and compares each copy \
        (verbatim-copy, edited-copy, paraphrase) with its cluster's wire-original. A copy with noted \
        changes is caught when it gets a medium or high finding, and located when such a finding's \
        span overlaps the noted words; a copy with no noted change that gets one is a false alarm.
        """
    )

    @Argument(help: "A folder of wire-cluster JSON files.")
    var directory: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "List each copy's findings and noted changes.")
    var verbose = false

    func run() throws {
        let corpus = try WireClusterCorpus.open(directory)
        let result = WireChangeEvaluation().run(corpus)
        switch format {
        case .json: emit(JSONOutput.encode(WireChangeReport(result), pretty: true) + "\n")
        case .text: emit(table(result) + (verbose ? details(result) : ""))
        }
    }

    func table(_ result: WireChangeEvaluation.Result) -> String {
        let changed = result.changed, unchanged = result.unchanged
        var out = String(format: "copies with noted changes: %d; caught (medium or high finding): %d (%.2f); located (spans overlap the noted words): %d (%.2f)\n",
                         changed.count, changed.filter(\.caught).count, result.caughtShare, changed.filter(\.located).count, result.locatedShare)
        out += String(format: "copies with no noted change: %d; with a medium or high finding: %d (%.2f)\n\n",
                      unchanged.count, unchanged.filter(\.caught).count, result.falseAlarmShare)
        out += "kind                  findings  overlap note  changed copies  unchanged copies\n"
        for row in result.rows {
            out += row.kind.padding(toLength: 20, withPad: " ", startingAt: 0)
            out += String(format: "%10d  %12d  %14d  %16d\n", row.findingsOnChanged, row.overlappingNote, row.changedCopies, row.unchangedCopies)
        }
        return out
    }

    func details(_ result: WireChangeEvaluation.Result) -> String {
        var out = ""
        for copy in result.copies {
            out += "\n\(copy.id) (\(copy.label.rawValue)): \(copy.caught ? "caught" : "missed")\(copy.located ? ", located" : "")\n"
            for note in copy.notedChanges { out += "  noted: \(note.note)\n" }
            for (finding, overlaps) in copy.findings {
                out += "  \(overlaps ? "+" : "-") \(finding.severity.rawValue) \(finding.kind.rawValue): \(finding.explanation)\n"
            }
        }
        return out
    }
}

/// JSON form of `retold eval changes`.
struct WireChangeReport: Encodable {
    struct CopyLine: Encodable {
        var id: String
        var label: String
        var notedChanges: Int
        var caught: Bool
        var located: Bool
        var findings: [String]
    }

    var copiesWithChanges: Int
    var caught: Double
    var located: Double
    var copiesWithoutChanges: Int
    var falseAlarms: Double
    var kinds: [WireChangeEvaluation.KindRow]
    var copies: [CopyLine]

    init(_ result: WireChangeEvaluation.Result) {
        copiesWithChanges = result.changed.count
        caught = result.caughtShare
        located = result.locatedShare
        copiesWithoutChanges = result.unchanged.count
        falseAlarms = result.falseAlarmShare
        kinds = result.rows
        copies = result.copies.map { copy in
            CopyLine(id: copy.id, label: copy.label.rawValue, notedChanges: copy.notedChanges.count, caught: copy.caught,
                     located: copy.located, findings: copy.findings.map { "\($0.finding.severity.rawValue) \($0.finding.kind.rawValue)" })
        }
    }
}
