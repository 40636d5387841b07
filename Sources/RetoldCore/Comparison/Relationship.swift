/// What two texts are to each other.
///
/// The raw value is the name reports use ("verbatim-copy", "same-event").
///
/// ### Example
///
/// ```swift
/// let comparison = Comparer().compare(a, b)
/// if comparison.relationship.isReuse {
///     print("\(comparison.relationship.rawValue) (confidence \(comparison.confidence)): \(comparison.reason)")
/// }
/// ```
public enum Relationship: String, Sendable, Codable, CaseIterable {
    /// One repeats the other (or a part of it) word for word.
    case verbatimCopy = "verbatim-copy"
    /// One copies the other with light edits: words inserted, dropped or replaced here and there.
    case editedCopy = "edited-copy"
    /// One rewrites the other: paraphrased or spun, the same sentences in other words.
    case paraphrase
    /// The same story written independently: shared names and facts, no reused wording.
    case sameEvent = "same-event"
    /// Nothing in common worth reporting.
    case unrelated

    /// True for the three relationships in which text was reused.
    public var isReuse: Bool { self == .verbatimCopy || self == .editedCopy || self == .paraphrase }
}
