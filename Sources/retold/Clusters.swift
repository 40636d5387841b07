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
        """
    )

    @OptionGroup var index: IndexOptions

    @Option(help: "Use only links where at least this share of one document is found in the other (0 to 1).")
    var minCoverage: Double = 0.2

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (0...1).contains(minCoverage) else { throw ValidationError("--min-coverage must be between 0 and 1") }
    }

    func run() async throws {
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
}
