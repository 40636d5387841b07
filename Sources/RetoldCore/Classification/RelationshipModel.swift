/// The document-level decision: from the derivation evidence of a pair to a relationship and
/// the probability that it is right.
///
/// Four logistic models, in a tree that follows the questions a reader asks: was text reused
/// at all? If so, rewritten or copied, and if copied, word for word or edited? If not, the same
/// event or nothing in common? The verdict follows the branches, each answered by its more
/// probable side: reuse first, since a reader acts on that answer before any other. Each branch reads the few measures that answer its question
/// (`Branch.features`), chosen by cross-validation grouped by story: with a few hundred
/// labelled pairs, every measure more is a chance to fit noise. The probability of each
/// relationship is the product along its branch, and the
/// verdict's confidence is its probability mapped through a Platt calibration fitted on held-out
/// folds (`retold eval relationship --emit-model`).
public struct RelationshipModel: Sendable, Equatable {
    /// One binary question: a logistic model over named evidence features.
    public struct Branch: Sendable, Equatable {
        /// The names of the features the model reads, in its order (from `DerivationEvidence.featureNames`).
        public var features: [String]
        /// The logistic model over ``features``, in their order.
        public var model: LogisticModel
        /// Positions of `features` in `DerivationEvidence.features`.
        let positions: [Int]

        /// A branch over named features. Every name must be one of
        /// ``DerivationEvidence/featureNames``, and the model must read as many features as are named.
        public init(features: [String], model: LogisticModel) {
            precondition(model.featureCount == features.count, "the model reads the named features")
            self.features = features
            self.model = model
            positions = features.map { name in
                guard let position = DerivationEvidence.featureNames.firstIndex(of: name) else {
                    preconditionFailure("unknown evidence feature \(name): refit with `retold eval relationship --emit-model`")
                }
                return position
            }
        }

        /// The probability of the branch's "yes", from a full ``DerivationEvidence/features`` vector.
        public func probability(_ evidence: [Double]) -> Double {
            model.probability(positions.map { evidence[$0] })
        }
    }

    /// P(reuse): verbatim, edited or paraphrased, against same event or unrelated.
    public var reuse: Branch
    /// P(paraphrase | reuse).
    public var paraphrase: Branch
    /// P(verbatim | copied, not paraphrased).
    public var verbatim: Branch
    /// P(same event | not reuse).
    public var sameEvent: Branch
    /// Raw probability of the verdict to the observed rate of being right.
    public var calibration: PlattCalibration

    /// A model from its four branches and its calibration; ``shipped`` is the fitted one.
    public init(reuse: Branch, paraphrase: Branch, verbatim: Branch, sameEvent: Branch, calibration: PlattCalibration) {
        self.reuse = reuse
        self.paraphrase = paraphrase
        self.verbatim = verbatim
        self.sameEvent = sameEvent
        self.calibration = calibration
    }

    /// A relationship with the probability of every relationship.
    public struct Decision: Sendable, Equatable {
        /// The verdict.
        public var relationship: Relationship
        /// The uncalibrated probability of `relationship`.
        public var score: Double
        /// The calibrated probability that `relationship` is right.
        public var confidence: Double
        /// P(reuse) from the first branch.
        public var reuseProbability: Double
        /// Uncalibrated probability of each relationship, summing to one.
        public var probabilities: [Relationship: Double]
    }

    /// A run of this many words copied word for word outside shared quotations
    /// (``DerivationEvidence/longestCopiedRun``) is reuse whatever else the evidence says: independent reports of one event share no run
    /// over 18 words in the development clusters, and a copied paragraph inside a long text is
    /// reuse at any share of it (the model, fitted on news excerpts, has seen few long texts).
    public static let decisiveCopiedRun = 40
    /// P(reuse) when a decisive copied run is present.
    static let decisiveReuseProbability = 0.99

    /// The relationship the evidence points to, with its calibrated confidence.
    public func decide(_ evidence: DerivationEvidence) -> Decision {
        decide(evidence.features, longestCopiedRun: evidence.longestCopiedRun)
    }

    /// Decides from `DerivationEvidence.features` and the longest copied run in words.
    public func decide(_ features: [Double], longestCopiedRun: Int) -> Decision {
        var r = reuse.probability(features)
        if longestCopiedRun >= Self.decisiveCopiedRun { r = max(r, Self.decisiveReuseProbability) }
        let p = paraphrase.probability(features), v = verbatim.probability(features), s = sameEvent.probability(features)
        let probabilities = Self.probabilities(reuse: r, paraphrase: p, verbatim: v, sameEvent: s)
        let verdict: Relationship
        if r >= 0.5 {
            verdict = p >= 0.5 ? .paraphrase : v >= 0.5 ? .verbatimCopy : .editedCopy
        } else {
            verdict = s >= 0.5 ? .sameEvent : .unrelated
        }
        let score = probabilities[verdict]!
        return Decision(relationship: verdict, score: score, confidence: calibration(score),
                        reuseProbability: r, probabilities: probabilities)
    }

    /// The hierarchy's leaves: each relationship's probability from the four branches'.
    static func probabilities(reuse r: Double, paraphrase p: Double, verbatim v: Double, sameEvent s: Double) -> [Relationship: Double] {
        [
            .verbatimCopy: r * (1 - p) * v,
            .editedCopy: r * (1 - p) * (1 - v),
            .paraphrase: r * p,
            .sameEvent: (1 - r) * s,
            .unrelated: (1 - r) * (1 - s),
        ]
    }
}
