/// Thresholds of the passage aligner. The defaults are the ones evaluated in the README.
public struct AlignmentOptions: Sendable, Equatable {
    /// A sentence pair is scored by the model only if its tf-isf cosine or its content-word
    /// Dice coefficient reaches this: a cheap filter before the features.
    public var candidateSimilarity: Double = 0.2
    /// Each sentence keeps only its this-many most similar partners (by cosine) for the model to
    /// score: a sentence is reused once, rarely more, and the model is the costly step.
    public var candidatesPerSentence: Int = 3
    /// Model probability at which a sentence pair seeds a passage on its own.
    public var seedProbability: Double = 0.5
    /// And the tf-isf cosine a seed needs besides: two sentences that share only words common
    /// in both texts ("said", "officials") are not a restatement however the model scores them.
    public var seedSimilarity: Double = 0.15
    /// A looser tier for spun rewrites, which the sentence model (calibrated on paraphrase
    /// corpora, where both sentences report the same event) scores between 0.2 and 0.5: such a
    /// pair is accepted when its tf-isf cosine within the two documents is high. Inverse
    /// sentence frequency is only informative across many sentences, so isolated sentence
    /// pairs rarely reach this cosine and keep the model's own decision.
    public var contextualProbability: Double = 0.2
    /// The tf-isf cosine a pair of the looser tier needs besides ``contextualProbability``.
    public var contextualSimilarity: Double = 0.4
    /// Share of a neighbour sentence's content words that must appear in the counterpart before
    /// the two are tried as one merged sentence.
    public var mergeContainment: Double = 0.5
    /// The sentences right after (or before) an alignment on both sides continue it when they
    /// share this many content words and the model gives them at least `continuationProbability`:
    /// a rewriter keeps the order of a passage even where it rewrites a sentence beyond recognition.
    public var continuationSharedWords: Int = 2
    /// The least model probability a continuing pair needs (see ``continuationSharedWords``).
    public var continuationProbability: Double = 0.05
    /// Largest merged or split group, in sentences.
    public var maxGroupSize: Int = 3
    /// Unaligned sentences a passage may bridge on either side.
    public var maxGap: Int = 1
    /// A sentence alignment needs this many shared content words, unless it is verbatim.
    public var minimumSharedContentWords: Int = 2

    /// With sentence vectors: a sentence's closest partner in meaning is a candidate at this
    /// encoder similarity or above.
    public var semanticCandidateSimilarity: Double = 0.75
    /// And a candidate this close in meaning seeds an alignment whatever the sentence model says
    /// (it still needs ``minimumSharedContentWords``).
    public var semanticSeedSimilarity: Double = 0.95

    /// The default thresholds.
    public init() {}
}
