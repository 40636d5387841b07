import ArgumentParser
import Foundation
import RetoldCore
import RetoldEncoder
import RetoldIngest
import RetoldReport
import RetoldIndex

struct Search: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the indexed documents that share text with a text: its sources and its copies.",
        discussion: """
        Candidates come from two paths (MinHash LSH bands for near-copies, rare anchor terms for rewrites and \
        reused passages); each is aligned with the query before it is reported. Results are ranked by score \
        (0.75 × the larger coverage + 0.25 × the smaller), with the relationship, coverage both ways, and \
        which side most likely came first.
        """
    )

    @Argument(help: "The text to search with: a text, HTML, JSONL or WARC file holding one document, or - for standard input.")
    var input: String

    @OptionGroup var index: IndexOptions

    @Option(name: [.customShort("k"), .long], help: "How many results to show.")
    var limit: Int = 10

    @Flag(help: "Show each result's aligned passages and findings.")
    var passages = false

    @Flag(help: "Also list documents that report the same event without reusing its wording.")
    var sameEvent = false

    @Flag(help: "List an indexed document with exactly the query's text as a result (by default it is only noted).")
    var includeIdentical = false

    @Flag(help: "Leave out documents from the query's own outlet (from its metadata).")
    var excludeOwnOutlet = false

    @Flag(help: "Also verify the strongest candidates by meaning with the sentence encoder (needs `retold model install`): rewordings that share few words are aligned too.")
    var semantic = false

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        // A missing model is said before anything is opened.
        let encoder = semantic ? try SemanticEncoding.load() : nil
        let store = try await index.openExisting()
        let query = try DocumentReader().readOne(input)
        var options = SearchOptions(limit: limit, withPassages: passages, includeSameEvent: sameEvent, filter: filters.filter)
        options.includeIdentical = includeIdentical
        if let encoder {
            options.sentenceVectors = { encoder.vectors($0) }
            options.semanticScreen = SemanticEncoding.screen(encoder)
        }
        if excludeOwnOutlet {
            guard let outlet = query.outlet else {
                throw CommandFailure("\(query.origin): --exclude-own-outlet needs the query's outlet, and its metadata has none")
            }
            options.filter.excludedOutlets.insert(outlet)
        }
        let result: SearchResult, document: Document
        do {
            (result, document) = try await IndexSearcher(index: store).search(
                query.text, publishedAt: query.published.flatMap(ISO8601.parse)?.timeIntervalSince1970, options: options)
        } catch {
            throw CommandFailure(index.describe(error))
        }
        let report = SearchReport(result, queryName: query.origin.description, query: document,
                                  semanticModel: semantic ? ModelDirectory.modelName : nil)
        switch output.format {
        case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
        case .text: emit(SearchRenderer.render(report, result: result, style: output.style))
        }
    }
}
