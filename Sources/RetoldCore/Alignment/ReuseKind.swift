/// How an aligned passage was reused.
public enum ReuseKind: String, Sendable, Codable, CaseIterable {
    /// The same words in the same order (case, quotes, dashes and spacing aside).
    case verbatim
    /// Mostly the same words: a few inserted, dropped or replaced.
    case edited
    /// The same content in substantially different words: rewritten, spun or paraphrased.
    case paraphrased

    /// Word-overlap share at or above which a non-identical pair counts as edited.
    public static let editedOverlap = 0.6

    /// The kind of an aligned pair from its word diff: verbatim when both sides have the same words,
    /// edited when the common words reach ``editedOverlap`` of the longer side, else paraphrased.
    public init(diff: WordDiff) {
        if diff.isIdentical { self = .verbatim }
        else if diff.overlap >= Self.editedOverlap { self = .edited }
        else { self = .paraphrased }
    }

    /// The kind of a mix of aligned text, given the weight (characters) of each kind: verbatim
    /// when nearly all of it is, edited when most of it keeps its wording, else paraphrased.
    /// Passages and whole comparisons use the same rule, so they never disagree.
    public static func dominant(_ weights: [ReuseKind: Double]) -> ReuseKind {
        let total = weights.values.reduce(0, +)
        guard total > 0 else { return .paraphrased }
        let verbatim = (weights[.verbatim] ?? 0) / total, edited = (weights[.edited] ?? 0) / total
        return verbatim >= 0.9 ? .verbatim : verbatim + edited >= 0.6 ? .edited : .paraphrased
    }
}
