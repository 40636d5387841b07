/// Which of two related texts most likely came first.
///
/// Publication times decide when both are known and differ. Otherwise containment does: the text
/// more fully found in the other is taken as the copy, as a republished wire story is trimmed or
/// lightly extended and so lies almost wholly inside its source's wording, while the source
/// carries text the copy dropped. When neither tells (equal times, near-equal coverage), the
/// order is unknown.
public enum CopyDirection: String, Sendable, Codable {
    /// A came first: B is the copy.
    case aFirst = "a-first"
    /// B came first: A is the copy.
    case bFirst = "b-first"
    /// Neither dates nor containment tell.
    case unknown

    /// What decided a direction.
    public enum Basis: String, Sendable, Codable {
        /// Publication times, known for both and different.
        case published
        /// One text lies clearly more inside the other than the other way round.
        case containment
        /// Nothing: the direction is unknown.
        case none
    }

    /// Containment decides only when the copy lies at least this much inside the other text. A
    /// compilation of passages from many texts lies little inside any one of them, and then the
    /// order stays unknown.
    public static let containmentMinimum = 0.4
    /// And only when it lies inside the other by this margin more than the other way round.
    public static let containmentMargin = 0.15

    /// Which of A and B came first, and on what basis: publication times when both are known and
    /// differ, else containment (`coverageA` is the share of A found in B), else unknown.
    public static func decide(publishedA: Double?, publishedB: Double?, coverageA: Double, coverageB: Double) -> (CopyDirection, Basis) {
        if let a = publishedA, let b = publishedB, a != b {
            return (a < b ? .aFirst : .bFirst, .published)
        }
        // coverageA: share of A found in B. A mostly inside B means A is the copy, B first.
        if coverageA >= containmentMinimum && coverageA - coverageB >= containmentMargin { return (.bFirst, .containment) }
        if coverageB >= containmentMinimum && coverageB - coverageA >= containmentMargin { return (.aFirst, .containment) }
        return (.unknown, .none)
    }
}
