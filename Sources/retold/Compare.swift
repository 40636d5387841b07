import ArgumentParser
import Foundation
import RetoldCore
import RetoldEncoder
import RetoldIngest
import RetoldReport

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two texts: what was reused, how, and where.",
        discussion: """
        Reports the relationship (verbatim-copy, edited-copy, paraphrase, same-event or unrelated), \
        the coverage in each direction, and the aligned passages with character offsets.
        With --pairs FILE.jsonl, compares one pair per line ({"id": ..., "a": "...", "b": "..."} or \
        a_path/b_path) and writes one JSON result per line; bad lines are reported and skipped.
        With --format html, writes one page (inline CSS, no script) with the verdict, the findings and both \
        texts side by side: `retold compare A B --format html > report.html`.
        """
    )

    @Argument(help: "The two texts, A then B: text, HTML, JSONL or WARC files holding one document each, or - for standard input.")
    var inputs: [String] = []

    @Option(help: "A JSONL file of pairs to compare (- for standard input).")
    var pairs: String?

    @Option(help: "Output format: text (a readable report), json (the documented schema) or html (one self-contained page to share or print).")
    var format: CompareFormat = .text

    @Flag(help: "Also match sentences by meaning with the sentence encoder (needs `retold model install`): rewordings that share few words are aligned too.")
    var semantic = false

    @OptionGroup var terminal: TerminalOptions
    @OptionGroup var failOn: FailOnOption

    func validate() throws {
        if let pairs {
            guard inputs.isEmpty else { throw ValidationError("give either two inputs or --pairs \(pairs), not both") }
            guard format != .html else { throw ValidationError("--format html writes one comparison; --pairs writes JSON lines") }
        } else {
            guard inputs.count == 2 else { throw ValidationError("compare needs two inputs, A and B (or --pairs FILE)") }
            guard !(inputs[0] == "-" && inputs[1] == "-") else { throw ValidationError("only one input can be standard input (-)") }
        }
    }

    func run() throws {
        if let pairs { return try runPairs(pairs) }
        let reader = DocumentReader()
        let a = try reader.readOne(inputs[0])
        let b = try reader.readOne(inputs[1])
        var analyzer = TextAnalyzer()
        let documentA = analyzer.analyze(a.text), documentB = analyzer.analyze(b.text)
        var embeddings: SentenceEmbeddings?
        if semantic {
            let encoder = try SemanticEncoding.load()
            embeddings = SentenceEmbeddings(a: encoder.vectors(documentA.sentenceTexts), b: encoder.vectors(documentB.sentenceTexts))
        }
        let comparison = Comparer().compare(documentA, documentB, embeddings: embeddings)
        let semanticModel = semantic ? ModelDirectory.modelName : nil
        var report = CompareReport(comparison, nameA: a.origin.description, nameB: b.origin.description)
        report.semanticModel = semanticModel
        switch format {
        case .json:
            emit(JSONOutput.encode(report, pretty: true) + "\n")
        case .text:
            var text = CompareRenderer.render(comparison, nameA: a.origin.description, nameB: b.origin.description, style: terminal.style)
            if semantic { text += SemanticEncoding.summary(comparison.evidence) }
            emit(text)
        case .html:
            emit(CompareHTMLRenderer.render(comparison, nameA: a.origin.description, nameB: b.origin.description, semanticModel: semanticModel))
        }
        try failOn.exitIfNeeded(report.findingCounts)
    }

    /// One JSON line per input line: a result, or `{"id", "line", "error"}` for a bad line.
    func runPairs(_ path: String) throws {
        var analyzer = TextAnalyzer()
        let comparer = Comparer()
        var compared = 0
        var counts = FindingCounts()
        var failures: [PairLineError] = []
        try PairsFile.forEachRecord(path: path) { _, result in
            switch result {
            case .success(let record):
                let comparison = comparer.compare(analyzer.analyze(record.a.text), analyzer.analyze(record.b.text))
                let report = CompareReport(comparison, nameA: record.a.name, nameB: record.b.name, id: record.id)
                emit(JSONOutput.encode(report, pretty: false) + "\n")
                counts.add(report.findingCounts)
                compared += 1
            case .failure(let error):
                printError("\(path): \(error.description)")
                emit(JSONOutput.encode(PairErrorLine(error), pretty: false) + "\n")
                failures.append(error)
            }
        }
        let summary = "\(compared) pair\(compared == 1 ? "" : "s") compared"
        if failures.isEmpty {
            printError(summary)
            try failOn.exitIfNeeded(counts)
        } else {
            let lines = failures.prefix(10).map { String($0.line) }.joined(separator: ", ")
            throw CommandFailure("\(summary), \(failures.count) line\(failures.count == 1 ? "" : "s") rejected (\(lines)\(failures.count > 10 ? ", ..." : ""))")
        }
    }
}

/// The JSON line written in place of a result for a pairs line that could not be compared.
struct PairErrorLine: Encodable {
    var id: String?
    var line: Int
    var error: String
    init(_ failure: PairLineError) {
        id = failure.id; line = failure.line; error = failure.message
    }
}
