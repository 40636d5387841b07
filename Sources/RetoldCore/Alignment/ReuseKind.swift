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

    public init(diff: WordDiff) {
        if diff.isIdentical { self = .verbatim }
        else if diff.overlap >= Self.editedOverlap { self = .edited }
        else { self = .paraphrased }
    }
}
