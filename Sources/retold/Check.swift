import ArgumentParser
import Foundation
import RetoldCore
import RetoldIngest
import RetoldReport

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check one text with no source at hand: contradictions, impossible ties, debris.",
        discussion: "Exit 0 whether or not there are findings; with --fail-on LEVEL, 3 when findings at or above LEVEL exist."
    )

    @Argument(help: "The text to check: a text, HTML, JSONL or WARC file holding one document, or - for standard input.")
    var input: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var failOn: FailOnOption

    func run() throws {
        let text = try DocumentReader().readOne(input)
        var analyzer = TextAnalyzer()
        let document = analyzer.analyze(text.text)
        let findings = DocumentChecker().check(document)
        let report = CheckReport(document, findings: findings, name: text.origin.description)
        switch output.format {
        case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
        case .text: emit(CheckRenderer.render(document, findings: findings, name: text.origin.description, style: output.style))
        }
        try failOn.exitIfNeeded(report.counts)
    }
}
