import ArgumentParser
import Foundation
import RetoldEvaluation
import RetoldIngest

struct EvalExtraction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extraction",
        abstract: "Precision, recall and F1 of article extraction on the article-extraction benchmark.",
        discussion: """
        Reads <dir>/ground-truth.json ({id: {articleBody, url}}) and <dir>/html/<id>.html.gz, extracts \
        each page as `retold extract` does, and scores it the benchmark's way: word 4-gram shingles \
        compared per page, precision and recall averaged over pages.
        """
    )

    @Argument(help: "The benchmark folder (ground-truth.json and html/).")
    var directory: String

    @Option(help: "List this many pages with the lowest F1.")
    var worst: Int = 0

    func run() throws {
        let folder = URL(fileURLWithPath: directory)
        let truth: [String: Any]
        do {
            let data = try Data(contentsOf: folder.appendingPathComponent("ground-truth.json"))
            guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw CocoaError(.fileReadCorruptFile) }
            truth = object
        } catch {
            throw CommandFailure("cannot read \(directory)/ground-truth.json: \(error.localizedDescription)")
        }
        var pages: [(id: String, page: ExtractionScore.Page)] = []
        var htmlBytes = 0, seconds = 0.0
        for id in truth.keys.sorted() {
            guard let gold = (truth[id] as? [String: Any])?["articleBody"] as? String else { continue }
            let path = folder.appendingPathComponent("html/\(id).html.gz").path
            guard let compressed = FileManager.default.contents(atPath: path) else {
                printError("\(path): missing; skipped")
                continue
            }
            let html = try Gzip.decompress([UInt8](compressed), limit: 256 << 20)
            htmlBytes += html.count
            let start = DispatchTime.now().uptimeNanoseconds
            let text = HTMLArticleReader.read(html)?.article.text ?? ""
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            pages.append((id, ExtractionScore.page(predicted: text, gold: gold)))
        }
        let score = ExtractionScore.combine(pages.map(\.page))
        var out = String(format: "pages %d  F1 %.3f  precision %.3f  recall %.3f  accuracy %.3f\n",
                         score.pages, score.f1, score.precision, score.recall, score.accuracy)
        out += String(format: "extraction time %.2f s: %.0f pages/s, %.1f MB/s of HTML on one core\n",
                      seconds, Double(pages.count) / seconds, Double(htmlBytes) / 1e6 / seconds)
        if worst > 0 {
            let ranked = pages.sorted { $0.page.f1 < $1.page.f1 }.prefix(worst)
            for (id, page) in ranked {
                out += String(format: "%@  P %.2f  R %.2f\n", id, page.precision ?? 0, page.recall)
            }
        }
        print(out, terminator: "")
    }
}
