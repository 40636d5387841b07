import ArgumentParser
import Foundation
import RetoldCore
import RetoldReport
import RetoldIndex

struct Clusters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Group the indexed documents into clusters of copies, each with its earliest member and a copy tree.",
        discussion: """
        First brings the verified reuse links up to date: every document added since the last run is searched \
        against those stored before it (progress is saved as it goes). Clusters grow from those links, \
        strongest first; only a link the model is three-to-one sure is derivation proposes a join, a group \
        joins another only through links from half its members, and a lone document through one decisive \
        link or through links to two members of one group and no other, so one doubtful link does not chain two stories together. The earliest member is decided by publication time, or when dates are missing by the \
        texts: a member carrying an agency credit first, then the one lying most inside another and \
        holding the most of another; the tree says who most likely copied from whom.
        With --links and --documents, clusters links computed without an index (a batch job's, docs/spark.md) \
        over the documents they join, and writes what an index holding them would list.
        """
    )

    @OptionGroup var index: IndexOptions

    @Option(name: .customLong("links"), help: ArgumentHelp("A JSONL file of verified links, as a batch job writes them (repeat for several parts); with --documents, no index is used.", valueName: "file"))
    var linkFiles: [String] = []

    @Option(name: .customLong("documents"), help: ArgumentHelp("A JSONL file of the documents the links join (repeat for several parts).", valueName: "file"))
    var documentFiles: [String] = []

    @Option(help: "Use only links where at least this share of one document is found in the other (0 to 1).")
    var minCoverage: Double = 0.2

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...1).contains(minCoverage) else { throw ValidationError("--min-coverage must be between 0 and 1") }
        guard linkFiles.isEmpty == documentFiles.isEmpty else { throw ValidationError("--links and --documents go together") }
        guard linkFiles.isEmpty || index.given == nil else { throw ValidationError("give either --db or --links with --documents, not both") }
    }

    func run() async throws {
        if !linkFiles.isEmpty { return try runFiles() }
        let store = try await index.openExisting()
        let bar = ProgressBar()
        let report: ClustersReport
        do {
            try await LinkBuilder(index: store).update { checked, pending in
                bar.update(items: checked, noun: "documents linked", fraction: pending > 0 ? Double(checked) / Double(pending) : nil)
            }
            report = ClustersReport(try await ClusterListing(index: store, filter: filters.filter, minimumCoverage: minCoverage))
        } catch {
            bar.finish()
            throw CommandFailure(index.describe(error))
        }
        bar.finish()
        switch output.format {
        case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
        case .text: emit(ClustersRenderer.render(report, style: output.style))
        }
    }

    /// Clusters from link and document files, as `ClusterListing` lists an index's.
    func runFiles() throws {
        let documents = try BatchLines.read(DocumentLine.self, from: documentFiles)
        let links = try BatchLines.read(LinkLine.self, from: linkFiles).map(\.storedLink).sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        let filter = filters.filter
        let members = try documents.map { try $0.member() }.sorted { $0.document.id < $1.document.id }
        for (previous, next) in zip(members, members.dropFirst()) where previous.document.id == next.document.id {
            throw CommandFailure("document id \(next.document.id) is given twice")
        }
        let listing = ClusterListing(members: members.filter { filter.admits($0.document) }, links: links,
                                     indexed: documents.count, pending: 0, minimumCoverage: minCoverage)
        let report = ClustersReport(listing)
        switch output.format {
        case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
        case .text: emit(ClustersRenderer.render(report, style: output.style))
        }
    }
}
