import RetoldCore

/// Fits a `RelationshipModel` on labelled pairs: the four branch models on the pairs each
/// applies to, classes balanced by weight (verbatim copies are few), and the calibration on
/// held-out scores from an inner cross-validation grouped by story.
public struct RelationshipTrainer: Sendable {
    public var logistic = LogisticTrainer(l2: 1.0)
    /// Folds of the inner cross-validation that produces held-out scores for calibration
    /// (at most one per cluster).
    public var calibrationFolds = 100

    public init() {}

    /// The evidence each branch reads: a few measures per question, chosen by forward selection
    /// under cross-validation grouped by story on the development clusters and kept only where
    /// the measure bears on the question (order and aligned sentences for reuse, since spun copies
    /// keep little else, and the content words both texts use; the shares of verbatim and edited
    /// sentences for paraphrase or copy; letters rather than words kept for verbatim or edited,
    /// since house style changes a word in most sentences of a verbatim copy).
    public var reuseFeatures = ["ordinary_min", "bigrams_max", "quoted_share", "verbatim_alignments", "in_order", "order_share"]
    public var paraphraseFeatures = ["verbatim_share", "edited_share", "near_verbatim_share"]
    public var verbatimFeatures = ["character_similarity", "bigrams_max", "content_dice", "ordinary_min"]
    public var sameEventFeatures = ["bigrams_max", "bigrams_min", "anchor_dice", "content_dice"]

    /// A trainer for comparisons with sentence vectors: each branch reads its lexical measures
    /// and, where cross-validation kept them, the semantic ones (`SemanticOrder`).
    public static func semantic() -> RelationshipTrainer {
        var trainer = RelationshipTrainer()
        trainer.reuseFeatures += semanticReuseFeatures
        trainer.paraphraseFeatures += semanticParaphraseFeatures
        trainer.sameEventFeatures += semanticSameEventFeatures
        return trainer
    }

    public static let semanticReuseFeatures = ["semantic_order_share", "semantic_in_order"]
    public static let semanticParaphraseFeatures: [String] = []
    public static let semanticSameEventFeatures: [String] = ["semantic_share_max"]

    /// The four branch models, uncalibrated.
    public func fitBranches(_ pairs: [RelationshipPairs.Pair]) -> RelationshipModel {
        func fit(_ rows: [RelationshipPairs.Pair], _ names: [String], _ positive: (RelationshipPairs.Pair) -> Bool) -> RelationshipModel.Branch {
            let labels = rows.map(positive)
            let positives = Double(labels.filter { $0 }.count), negatives = Double(labels.count) - positives
            // Balanced weights: each class weighs half; a branch with one class only learns its bias.
            let weights = labels.map { label in
                let n = label ? positives : negatives
                return n > 0 ? Double(labels.count) / (2 * n) : 1
            }
            let positions = names.map { DerivationEvidence.featureNames.firstIndex(of: $0)! }
            let model = logistic.fit(rows.map { row in positions.map { row.features[$0] } }, labels: labels, weights: weights)
            return RelationshipModel.Branch(features: names, model: model)
        }
        let copies = pairs.filter { $0.relationship?.isReuse == true }
        let verbatimOrEdited = copies.filter { $0.relationship != .paraphrase }
        let notReuse = pairs.filter { !$0.isReuse && $0.relationship != nil }
        return RelationshipModel(
            reuse: fit(pairs, reuseFeatures, \.isReuse),
            paraphrase: fit(copies, paraphraseFeatures) { $0.relationship == .paraphrase },
            verbatim: fit(verbatimOrEdited, verbatimFeatures) { $0.relationship == .verbatimCopy },
            sameEvent: fit(notReuse, sameEventFeatures) { $0.relationship == .sameEvent },
            calibration: .identity)
    }

    /// The branch models fitted on all pairs, calibrated on the held-out scores of an inner
    /// cross-validation over the same pairs, grouped by cluster.
    public func fit(_ pairs: [RelationshipPairs.Pair]) -> RelationshipModel {
        var model = fitBranches(pairs)
        let held = heldOutScores(pairs)
        model.calibration = PlattCalibration.fit(scores: held.map(\.score), outcomes: held.map(\.right))
        return model
    }

    /// For each fully labelled pair, the uncalibrated score of the verdict a model fitted
    /// without its cluster gives, and whether that verdict is right.
    func heldOutScores(_ pairs: [RelationshipPairs.Pair]) -> [(score: Double, right: Bool)] {
        let folds = GroupedFolds(clusters: pairs.map(\.cluster), folds: calibrationFolds)
        var result: [(Double, Bool)] = []
        for fold in 0..<folds.count {
            let model = fitBranches(pairs.indices.filter { folds.fold(of: pairs[$0].cluster) != fold }.map { pairs[$0] })
            // Calibrated on the pairs a user asks about (a text against its possible source), not
            // on the implied pairs, whose mix of easy and hard cases differs.
            for pair in pairs where pair.fromWire && folds.fold(of: pair.cluster) == fold {
                guard let truth = pair.relationship else { continue }
                let decision = model.decide(pair.evidence)
                result.append((decision.score, decision.relationship == truth))
            }
        }
        return result
    }
}

/// Folds that keep every cluster whole: clusters shuffled with a fixed seed, then dealt round
/// robin, so no story is in both training and test folds.
public struct GroupedFolds: Sendable {
    public let count: Int
    let assignment: [Int: Int]

    public init(clusters: [Int], folds: Int, seed: UInt64 = 20_120_603) {
        let distinct = Array(Set(clusters)).sorted()
        let order = CrossValidation.folds(count: distinct.count, folds: min(folds, distinct.count), seed: seed)
        count = min(folds, distinct.count)
        assignment = Dictionary(uniqueKeysWithValues: zip(distinct, order))
    }

    public func fold(of cluster: Int) -> Int { assignment[cluster]! }
}
