import ArgumentParser
import Foundation
import RetoldCore
import RetoldIngest
import RetoldIndex
import RetoldReport

/// `retold fingerprint`: the index's view of each document, one JSON line each, for batch jobs
/// that find reuse across many machines without an index (docs/spark.md).
struct Fingerprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write each document's fingerprint (content hash, LSH band keys, anchor and passage keys) as one JSON line.",
        discussion: """
        Reads files, folders, JSONL or WARC (gzipped or not) as `retold index add` does and fingerprints every \
        document with a new index's settings. Each line holds the source id, content hash, word count, date, \
        outlet and the keys (schemas/retold.fingerprint.v1.json); with --with-text, the text too. Documents \
        with no words and bad files, lines or records are reported on standard error, one line each, and \
        reading goes on; the exit status is then 1.
        """
    )

    @Argument(help: "Files, folders (read recursively) or - for standard input.")
    var inputs: [String]

    @Flag(help: "Include each document's text (what candidate pairs are verified with).")
    var withText = false

    @Flag(help: "Only list the files the inputs expand to, one a line, in the order they are read (folders sorted, hidden files and unknown extensions left out).")
    var listFiles = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one file or folder to fingerprint") }
    }

    func run() throws {
        if listFiles {
            for file in DocumentReader.files(inputs) { emit(file + "\n") }
            return
        }
        let fingerprinter = IndexSettings(Fingerprinter()).fingerprinter
        var issues = 0
        var written = 0
        let summary = try DocumentReader().read(inputs) { document in
            let fingerprint = fingerprinter.fingerprint(document.text)
            // As `index add`: a text with no words can never be found again.
            guard fingerprint.words > 0 else {
                printError(IngestIssue(document.origin, "no words to index").description)
                issues += 1
                return
            }
            emit(JSONOutput.encode(FingerprintLine(document, fingerprint: fingerprint, withText: withText), pretty: false) + "\n")
            written += 1
        }
        for issue in summary.issues { printError(issue.description) }
        issues += summary.issues.count
        printError("\(written) document\(written == 1 ? "" : "s") fingerprinted" + (issues > 0 ? ", \(issues) problem\(issues == 1 ? "" : "s")" : ""))
        if issues > 0 { throw ExitCode(1) }
    }
}
