import ArgumentParser
import Foundation
import RetoldCore
import RetoldIngest

/// `retold eval fingerprint`: end-to-end MinHash speed (text → normalize → tokenize → word
/// 5-grams → 128-value signature) on one core, for comparison with other MinHash libraries on
/// the same documents (Benchmarks/compare-minhash.sh).
struct EvalFingerprint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "Time MinHash signatures of a JSONL corpus on one core (texts are read into memory first)."
    )

    @Argument(help: "A JSONL file with a \"text\" field per line.")
    var corpus: String

    @Option(help: "Timed passes over the corpus; the fastest is reported.")
    var repeats: Int = 3

    func run() throws {
        var texts: [String] = []
        let summary = try DocumentReader().read([corpus]) { texts.append($0.text) }
        guard summary.issues.isEmpty, !texts.isEmpty else {
            for issue in summary.issues { printError(issue.description) }
            throw CommandFailure("\(corpus): no documents to time")
        }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let fingerprinter = Fingerprinter()
        var best = Double.infinity
        var checksum: UInt32 = 0
        for _ in 0..<max(1, repeats) {
            let start = DispatchTime.now().uptimeNanoseconds
            for text in texts { checksum ^= fingerprinter.signature(text).values[0] }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        emit(String(format: "retold  %d docs  %.1f MB  %.3f s  %.0f docs/s  %.1f MB/s  (checksum %u)\n",
                    texts.count, Double(bytes) / 1e6, best, Double(texts.count) / best, Double(bytes) / 1e6 / best, checksum))
    }
}
