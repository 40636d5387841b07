import ArgumentParser
import Foundation
import RetoldEvaluation
import RetoldReport
import RetoldIndex
import RetoldSQLite

/// `retold eval search`: source retrieval on the PAN 2013 text-alignment corpus.
struct EvalSearch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Index PAN-13 source documents, search with each suspicious document and passage, and rank the gold sources."
    )

    @Option(help: "The PAN-13 folder (with src/, susp/ and 02-no-obfuscation/).")
    var pan: String

    @Option(help: "Index file to build or reuse (default: a temporary file, removed afterwards).")
    var db: String?

    @Flag(help: "Skip the passage queries (whole suspicious documents only).")
    var documentsOnly = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "List every gold pair or passage whose source was not first.")
    var verbose = false

    func run() async throws {
        let path = db ?? NSTemporaryDirectory() + "retold-eval-search-\(getpid()).db"
        defer {
            if db == nil { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        }
        let index = try SQLiteIndex(path: path)
        if try await index.count() == 0 {
            let summary = try await IndexWriter(index: index).add([pan + "/src"])
            printError("indexed \(summary.progress.added) source documents")
        }
        let report = try await SearchEvaluation(folder: pan).run(index: index, passageQueries: !documentsOnly)
        switch format {
        case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
        case .text:
            func pct(_ a: Int, _ b: Int) -> String { String(format: "%d / %d (%.1f%%)", a, b, b == 0 ? 0 : 100 * Double(a) / Double(b)) }
            var lines = [
                "PAN-13 no-obfuscation: \(report.sources) source documents indexed, \(report.suspiciousDocuments) suspicious documents, \(report.goldPairs) gold pairs",
                "gold source ranked within its document's gold count:  \(pct(report.documentsTopN, report.goldPairs))",
                "gold source found at any rank:                        \(pct(report.documentsFound, report.goldPairs))",
                "single-source documents with the source at rank 1:    \(pct(report.singleSourceRank1, report.singleSourceDocuments))",
            ]
            if !documentsOnly {
                lines.append("reused passages with their source at rank 1:          \(pct(report.passagesRank1, report.passages))"
                             + " (\(report.passages) of \(report.goldPassages) gold passages located in this ASCII copy)")
            }
            lines.append(String(format: "search time per suspicious document: p50 %.1f ms, p99 %.1f ms (%.1f s in all)",
                                report.p50Milliseconds, report.p99Milliseconds, report.seconds))
            if verbose { lines += report.misses.map { "  " + $0 } }
            emit(lines.joined(separator: "\n") + "\n")
        }
    }
}
