import ArgumentParser
import Foundation
import RetoldIngest
import RetoldReport

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what Retold reads from files, pages, feeds and crawls: the text and its metadata.",
        discussion: """
        Inputs may be plain text, HTML pages, JSONL (one document per line with "id" and "text" or "html"), \
        or WARC crawls, each optionally gzipped, and folders of them (read recursively); - reads standard input. \
        The format comes from the content. Findings' offsets refer to the text shown here.
        With --format json, one JSON object per document per line (schema retold.document v1).
        Bad files, lines and records are reported on standard error and skipped; the exit status is then 1.
        """
    )

    @Argument(help: "Files, folders, or - for standard input.")
    var inputs: [String]

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one file or folder to extract") }
    }

    func run() throws {
        let style = output.style
        let summary = try DocumentReader().read(inputs) { document in
            switch output.format {
            case .json: emit(JSONOutput.encode(DocumentReport(document), pretty: false) + "\n")
            case .text: emit(DocumentRenderer.render(document, style: style))
            }
        }
        for issue in summary.issues { printError(issue.description) }
        if summary.files > 1 || !summary.issues.isEmpty || !summary.skipped.isEmpty {
            FileHandle.standardError.write(Data(("retold: " + summary.line + "\n").utf8))
        }
        if !summary.issues.isEmpty { throw ExitCode(1) }
    }
}
