/// Sentences of A aligned with sentences of B: one sentence with one, or a merged or split
/// counterpart (two sentences rewritten as one).
public struct SentenceAlignment: Sendable, Equatable {
    /// Sentence indexes in A (contiguous).
    public var a: Range<Int>
    /// Sentence indexes in B (contiguous).
    public var b: Range<Int>
    /// The sentence-pair model's probability that one side reuses the other's wording.
    public var probability: Double
    /// tf-isf cosine of the two sides' content words.
    public var similarity: Double
    /// Verbatim, edited or paraphrased, from the word diff.
    public var kind: ReuseKind
    /// Which words of each side the other keeps, in order.
    public var diff: WordDiff
    /// What changed between the two sides that a reader should check (filled by `ChangeDetector`).
    public var findings: [Finding] = []
}

/// A run of aligned sentences that reads as one reused passage, in both documents.
public struct Passage: Sendable, Equatable {
    /// Sentence range in A, including small unaligned gaps inside the passage.
    public var a: Range<Int>
    /// Sentence range in B, including small unaligned gaps inside the passage.
    public var b: Range<Int>
    /// The aligned sentence groups, in A's order.
    public var alignments: [SentenceAlignment]
    /// The passage's kind, from its alignments' kinds weighted by characters
    /// (`ReuseKind.dominant`).
    public var kind: ReuseKind
    /// Character-weighted mean similarity of the aligned sentences.
    public var similarity: Double
    /// Character-weighted mean probability of the aligned sentences.
    public var probability: Double
}
