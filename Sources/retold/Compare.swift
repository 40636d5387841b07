import ArgumentParser
import Foundation
import RetoldCore
import RetoldEncoder
import RetoldIndex
import RetoldIngest
import RetoldReport

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two texts: what was reused, how, and where.",
        discussion: """
        Reports the relationship (verbatim-copy, edited-copy, paraphrase, same-event or unrelated), \
        the coverage in each direction, and the aligned passages with character offsets.
        With --pairs FILE.jsonl, compares one pair per line ({"id": ..., "a": "...", "b": "..."} or \
        a_path/b_path) and writes one JSON result per line; bad lines are reported and skipped. \
        With --as-link as well, each pair is verified as index link building verifies a candidate (A the \
        later document, B the earlier one): alignment, then shared word 5-grams, and each line holds the \
        link's fields (see docs/spark.md).
        With --format html, writes one page (inline CSS, no script) with the verdict, the findings and both \
        texts side by side: `retold compare A B --format html > report.html`.
        """
    )

    @Argument(help: "The two texts, A then B: text, HTML, JSONL or WARC files holding one document each, or - for standard input.")
    var inputs: [String] = []

    @Option(help: "A JSONL file of pairs to compare (- for standard input).")
    var pairs: String?

    @Flag(help: "With --pairs: verify each pair as link building does (A the later document, B the earlier) and write the link's fields.")
    var asLink = false

    @Option(help: "Output format: text (a readable report), json (the documented schema) or html (one self-contained page to share or print).")
    var format: CompareFormat = .text

    @Flag(help: "Also match sentences by meaning with the sentence encoder (needs `retold model install`): rewordings that share few words are aligned too.")
    var semantic = false

    @OptionGroup var terminal: TerminalOptions
    @OptionGroup var failOn: FailOnOption

    func validate() throws {
        if let pairs {
            guard inputs.isEmpty else { throw ValidationError("give either two inputs or --pairs \(pairs), not both") }
            guard !(asLink && semantic) else { throw ValidationError("--as-link verifies by wording, as link building does; leave out --semantic") }
            guard format != .html else { throw ValidationError("--format html writes one comparison; --pairs writes JSON lines") }
        } else {
            guard !asLink else { throw ValidationError("--as-link needs --pairs FILE") }
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
            embeddings = SemanticEncoding.embeddings(encoder, documentA.sentenceTexts, documentB.sentenceTexts)
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
        let comparer = asLink ? ReuseVerification.linkComparer : Comparer()
        let shingleSize = IndexSettings(Fingerprinter()).shingleSize
        var compared = 0
        var counts = FindingCounts()
        var failures: [PairLineError] = []
        try PairsFile.forEachRecord(path: path) { _, result in
            switch result {
            case .success(let record) where asLink:
                let query = analyzer.analyze(record.a.text), candidate = analyzer.analyze(record.b.text)
                let verification = ReuseVerification.verify(
                    query: query, queryShingles: Set(WordShingles.hashes(query.tokens, size: shingleSize)),
                    candidate: candidate, shingleSize: shingleSize, comparer: comparer)
                emit(JSONOutput.encode(LinkVerificationLine(verification, id: record.id), pretty: false) + "\n")
                compared += 1
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

/// One pair verified as link building verifies it (`compare --pairs --as-link`): A is the query
/// (the later document), B the candidate. Coverages keep full precision, as stored links do.
struct LinkVerificationLine: Encodable {
    var id: String?
    /// Whether link building would keep the pair as a link (any kind of reuse).
    var reuse: Bool
    var relationship: Relationship
    var coverageA: Double
    var coverageB: Double
    var confidence: Double
    var reuseProbability: Double
    /// What ranks a query's links: only its best 50 by score (then by candidate id) are kept.
    var score: Double
    var verifiedBy: SearchHit.Verifier

    enum CodingKeys: String, CodingKey {
        case id, reuse, relationship, confidence, score
        case coverageA = "coverage_a", coverageB = "coverage_b", reuseProbability = "reuse_probability", verifiedBy = "verified_by"
    }

    init(_ verification: ReuseVerification, id: String?) {
        self.id = id
        reuse = verification.relationship.isReuse
        relationship = verification.relationship
        coverageA = verification.coverageQuery
        coverageB = verification.coverageCandidate
        confidence = verification.confidence
        reuseProbability = verification.reuseProbability
        score = verification.score
        verifiedBy = verification.verifiedBy
    }
}
