import ArgumentParser
import Foundation
import RetoldEvaluation
import RetoldReport
import RetoldIndex

/// `retold eval planted`: the index benchmark on a synthetic corpus with planted copies
/// (Benchmarks/planted-index.sh runs generate, index add and search in one go).
struct EvalPlanted: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "planted",
        abstract: "Generate a synthetic news corpus with planted copies, and score search on its index.",
        subcommands: [Generate.self, Search.self]
    )

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write corpus.jsonl and truth.tsv: unrelated articles plus verbatim, edited and rewritten (20-40% of words) copies."
        )

        @Option(help: "Number of documents, copies included.")
        var documents = 100_000

        @Option(help: "Seed; the same seed writes the same corpus on every machine.")
        var seed: UInt64 = 20_261_123

        @Option(help: "Folder to write into.")
        var out: String

        func run() async throws {
            guard documents > 0 else { throw ValidationError("--documents must be positive") }
            let summary = try PlantedCorpus(.init(documents: documents, seed: seed)).write(to: out)
            let kinds = PlantedCorpus.Kind.allCases.map { "\(summary.kinds[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
            emit(String(format: "%@: %d documents (%@), %d families with copies, %.1f MB of text\n",
                        out, summary.documents, kinds, summary.families, Double(summary.bytes) / 1e6))
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search an index of a planted corpus with planted copies and unrelated articles; report recall, precision and latency."
        )

        @Option(help: "The folder written by `generate` (corpus.jsonl, truth.tsv), already indexed into --db.")
        var corpus: String

        @OptionGroup var index: IndexOptions

        @Option(help: "Number of queries (a fifth verbatim copies, a quarter edited, 30% rewrites, a quarter unrelated).")
        var queries = 1_000

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        @Flag(help: "List missed copies and false hits.")
        var verbose = false

        func run() async throws {
            let index = try await self.index.openExisting()
            let truth: [PlantedCorpus.Member]
            do {
                truth = try PlantedCorpus.readTruth(corpus + "/truth.tsv")
            } catch {
                throw CommandFailure("\(error)")
            }
            let report = try await PlantedEvaluation(corpus: corpus + "/corpus.jsonl", truth: truth).run(index: index, queries: queries)
            switch format {
            case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
            case .text:
                var lines = ["\(report.documents) documents indexed, \(report.queries) queries"]
                for group in report.groups {
                    let relationships = group.relationships.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                    let found = group.name == "unrelated" ? "" : String(format: "  original found %d/%d = %.3f  (%@)", group.originalFound, group.queries, group.recall, relationships)
                    lines.append(String(format: "%@ %4d queries  %4d hits, %d false%@", group.name.padding(toLength: 15, withPad: " ", startingAt: 0), group.queries, group.hits, group.falseHits, found))
                }
                lines.append(String(format: "precision %.4f (%d of %d hits outside the query's family)", report.precision, report.falseHits, report.hits))
                lines.append(String(format: "search time: p50 %.1f ms, p99 %.1f ms, mean %.1f ms", report.p50Milliseconds, report.p99Milliseconds, report.meanMilliseconds))
                if verbose { lines += report.misses.map { "  " + $0 } }
                emit(lines.joined(separator: "\n") + "\n")
            }
        }
    }
}
