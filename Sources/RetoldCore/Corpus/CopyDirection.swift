/// Which of two related texts most likely came first.
///
/// Publication times decide when both are known and differ. Otherwise containment does: the text
/// more fully found in the other is taken as the copy, as a republished wire story is trimmed or
/// lightly extended and so lies almost wholly inside its source's wording, while the source
/// carries text the copy dropped. When neither tells (equal times, near-equal coverage), the
/// order is unknown.
public enum CopyDirection: String, Sendable, Codable {
    case aFirst = "a-first"
    case bFirst = "b-first"
    case unknown

    public enum Basis: String, Sendable, Codable {
        case published
        case containment
        case none
    }

    /// Containment decides only when the copy lies at least this much inside the other text,
    /// and by this margin more than the other way round. A compilation of passages from many
    /// texts lies little inside any one of them, and then the order stays unknown.
    public static let containmentMinimum = 0.4
    public static let containmentMargin = 0.15

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
