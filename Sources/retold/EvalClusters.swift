import ArgumentParser
import Foundation
import RetoldEvaluation
import RetoldReport

/// `retold eval clusters DIR`: `retold clusters` on labelled wire clusters, scored against the story families.
struct EvalClusters: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Index labelled wire-story clusters, cluster them as `retold clusters` does, and score the clusters.",
        discussion: """
        Every document goes into a fresh index in a temporary folder, without publication dates. \
        Pairwise precision and recall of "same cluster" against "same story family" (the wire text \
        and its verbatim, edited and paraphrased copies), and how often the earliest member of a \
        story's cluster is its wire text. Errors are put down to their causes: wrongly clustered \
        pairs by kind, and family pairs left apart by whether a stored link reached the family, \
        above the coverage cut or not.
        """
    )

    @Argument(help: "A folder of cluster-NN.json files.")
    var directory: String

    @Option(help: "Use only links where at least this share of one document is found in the other (0 to 1), as `retold clusters --min-coverage`.")
    var minCoverage: Double = 0.2

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (0...1).contains(minCoverage) else { throw ValidationError("--min-coverage must be between 0 and 1") }
    }

    func run() async throws {
        let result: ClusterEvaluation.Result
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("retold-eval-clusters-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            let corpus = try WireClusterCorpus(directory: directory)
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            result = try await ClusterEvaluation(minimumCoverage: minCoverage).run(corpus, directory: scratch.path)
        } catch {
            throw CommandFailure("\(error)")
        }
        switch format {
        case .json: emit(JSONOutput.encode(result, pretty: true) + "\n")
        case .text:
            emit(String(format: """
                %d documents indexed, %d verified links, %d clusters
                pairwise precision  %.3f  (%d of %d clustered pairs are of one story family)
                  with a family member  %.3f  (%d of %d such pairs; two independent reports may share another source)
                pairwise recall     %.3f  (%d of %d family pairs clustered together)
                earliest member is the wire text in %d of %d stories (%.2f); %d wire texts in no cluster
                wrongly clustered pairs: %d family with independent or unrelated, %d two families, %d of no family
                family pairs left apart: %d with no stored link to the family, %d with links below the coverage cut, %d not joined

                """, result.documents, result.links, result.clusters, result.precision, result.familyPairsClustered,
                result.clusteredPairs, result.familyTouchingPrecision, result.familyPairsClustered, result.familyTouchingPairs, result.recall, result.familyPairsClustered, result.familyPairs,
                result.wireEarliest, result.stories, result.wireEarliestShare, result.wireUnclustered,
                result.familyWithOtherPairs, result.twoFamilyPairs, result.noFamilyPairs,
                result.missedWithoutLink, result.missedBelowCut, result.missedNotJoined))
        }
    }
}
