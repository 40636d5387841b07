import ArgumentParser
import Foundation
import RetoldCore
import RetoldEvaluation
import RetoldReport

/// `retold eval relationship DIR`: the relationship decision on labelled wire clusters.
struct EvalRelationship: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relationship",
        abstract: "Cross-validated figures of the relationship decision on labelled wire-story clusters.",
        discussion: """
        Folds are grouped by cluster, so no story is in both the training and the test folds; each \
        fold's model and its calibration are fitted without the clusters it is scored on. Scored pairs \
        are each cluster's wire text against its other documents. Beside every figure: the baseline of \
        word-bigram containment with a threshold tuned in the same training folds.
        --emit-model fits on every cluster and prints the Swift source of the shipped model.
        """
    )

    @Argument(help: "A folder of cluster-NN.json files (wire-original, copies, independent reports, unrelated items).")
    var directory: String

    @Option(help: "Number of cross-validation folds, grouped by cluster (default and at most: one per cluster).")
    var folds: Int = 100

    @Flag(name: .customLong("emit-model"), help: "Fit on all clusters and print the Swift source of the model.")
    var emitModel = false

    @Option(name: .customLong("features"), help: "Also write every pair's evidence features to this TSV file.")
    var featuresFile: String?

    @Flag(help: "List the pairs the model gets wrong.")
    var verbose = false

    @Flag(help: "Also evaluate with the sentence encoder (needs `retold model install`): the semantic evidence and a model refitted on it, beside the lexical figures of the same run.")
    var semantic = false

    @Option(help: .hidden)
    var semanticFeatures: String?

    @Option(help: .hidden)
    var semanticCandidate: Double?

    @Option(help: .hidden)
    var semanticSeed: Double?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (2...100).contains(folds) else { throw ValidationError("--folds must be between 2 and 100") }
    }

    func run() throws {
        let corpus = try WireClusterCorpus.open(directory)
        let pairs = RelationshipPairs(corpus)
        if let featuresFile {
            var tsv = (["cluster", "a", "b", "reuse", "relationship", "from_wire"] + DerivationEvidence.featureNames).joined(separator: "\t") + "\n"
            for p in pairs.pairs {
                let head = ["\(p.cluster)", p.a, p.b, p.isReuse ? "1" : "0", p.relationship?.rawValue ?? "", p.fromWire ? "1" : "0"]
                tsv += (head + p.features.map { "\($0)" }).joined(separator: "\t") + "\n"
            }
            do { try tsv.write(toFile: featuresFile, atomically: true, encoding: .utf8) } catch {
                throw CommandFailure("\(featuresFile): cannot write (\(error.localizedDescription))")
            }
        }
        if emitModel {
            emit(RelationshipModelSource.swiftSource(RelationshipTrainer().fit(pairs.pairs), pairs: pairs))
            return
        }
        let result = RelationshipEvaluation(folds: folds).run(pairs)
        let report = RelationshipEvaluationReport(result)
        if semantic {
            let encoder = try SemanticEncoding.load()
            var aligner = PassageAligner()
            if let semanticCandidate { aligner.options.semanticCandidateSimilarity = semanticCandidate }
            if let semanticSeed { aligner.options.semanticSeedSimilarity = semanticSeed }
            let semanticPairs = RelationshipPairs(corpus, comparer: Comparer(aligner: aligner), embed: { encoder.vectors($0.sentenceTexts) })
            var evaluation = RelationshipEvaluation(folds: folds)
            evaluation.trainer = RelationshipTrainer.semantic()
            if let semanticFeatures {
                // branch=name,name;branch=...: for trying feature sets.
                for part in semanticFeatures.split(separator: ";") {
                    let sides = part.split(separator: "=", maxSplits: 1).map(String.init)
                    guard sides.count == 2 else { continue }
                    let names = sides[1].split(separator: ",").map(String.init)
                    switch sides[0] {
                    case "reuse": evaluation.trainer.reuseFeatures = names
                    case "paraphrase": evaluation.trainer.paraphraseFeatures = names
                    case "verbatim": evaluation.trainer.verbatimFeatures = names
                    case "same": evaluation.trainer.sameEventFeatures = names
                    default: throw ValidationError("--semantic-features: unknown branch \(sides[0])")
                    }
                }
            }
            let semanticResult = evaluation.run(semanticPairs)
            emit("== lexical\n" + report.text + "\n== with the sentence encoder (\(evaluation.trainer.reuseFeatures.joined(separator: ",")))\n"
                 + RelationshipEvaluationReport(semanticResult).text)
            return
        }
        switch format {
        case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
        case .text:
            var out = report.text
            if verbose {
                out += "\nwrong:\n"
                for p in result.predictions where p.decision.relationship != p.pair.relationship {
                    out += "  \(p.pair.b)  labelled \(p.pair.relationship!.rawValue), called \(p.decision.relationship.rawValue) "
                    out += String(format: "(confidence %.2f)\n", p.decision.confidence)
                }
            }
            emit(out)
        }
    }
}
