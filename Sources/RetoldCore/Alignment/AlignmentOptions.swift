/// Thresholds of the passage aligner. The defaults are the ones evaluated in the README.
public struct AlignmentOptions: Sendable, Equatable {
    /// A sentence pair is scored by the model only if its tf-isf cosine or its content-word
    /// Dice coefficient reaches this: a cheap filter before the features.
    public var candidateSimilarity: Double = 0.2
    /// Model probability at which a sentence pair seeds a passage.
    public var seedProbability: Double = 0.5
    /// Share of a neighbour sentence's content words that must appear in the counterpart before
    /// the two are tried as one merged sentence.
    public var mergeContainment: Double = 0.5
    /// Largest merged or split group, in sentences.
    public var maxGroupSize: Int = 3
    /// Unaligned sentences a passage may bridge on either side.
    public var maxGap: Int = 1
    /// A sentence alignment needs this many shared content words, unless it is verbatim.
    public var minimumSharedContentWords: Int = 3

    public init() {}
}
