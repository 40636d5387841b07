import Foundation

/// Writes the one-sentence reason behind a relationship, naming the evidence it rests on.
enum ReasonWriter {
    static func reason(_ relationship: Relationship, evidence e: DerivationEvidence, anchors: [String]) -> String {
        let pa = percent(e.coverageA), pb = percent(e.coverageB)
        let coverage = "\(pa) of A in B, \(pb) of B from A"
        let order = e.bodyAlignments == 1
            ? "1 aligned sentence"
            : "A's order in \(e.inOrder) of \(count(e.bodyAlignments, "aligned sentence"))"
        let verbatim = e.verbatimAlignments == 0 ? "" : ", \(e.verbatimAlignments) of them word for word"
        var aside = ""
        if e.sharedQuotations > 0 { aside += "; \(count(e.sharedQuotations, "shared quotation")) set aside" }
        if relationship.isReuse && e.bodyAlignments == 0 {
            // Reuse decided on wording and anchors alone: say so, rather than "0 of 0 aligned sentences".
            let named = e.sharedAnchorWords == 0 ? ""
                : ", and \(e.anchorsInOrder) of the \(count(e.sharedAnchorWords, "word")) of names and figures both give come in A's order"
            return "B rewrites A in other words, though none of its sentences restates one of A's closely enough to align: "
                + "it shares \(percent(e.ordinaryA)) of A's wording outside names and figures\(named)\(aside)."
        }
        switch relationship {
        case .verbatimCopy:
            if e.coverageA >= 0.95 && e.coverageB >= 0.95 { return "A and B are the same text word for word (\(coverage))\(aside)." }
            return "B repeats A word for word: it follows \(order)\(verbatim) (\(coverage))\(aside)."
        case .editedCopy:
            return "B copies A with light edits: it follows \(order)\(verbatim) (\(coverage))\(aside)."
        case .paraphrase:
            return "B rewrites A in other words: it follows \(order)\(verbatim) (\(coverage))\(aside)."
        case .sameEvent:
            let named = anchors.isEmpty ? "" : ", naming \(anchors.prefix(4).joined(separator: ", "))"
            var restated = ""
            if e.bodyAlignments > 0 {
                restated = e.bodyAlignments == 1
                    ? " (1 sentence restates one of the other's)"
                    : " (\(e.bodyAlignments) sentences restate each other, \(e.inOrder) in A's order)"
            }
            return "A and B state the same facts in their own order and wording: independent reports\(restated)\(named)\(aside)."
        case .unrelated:
            return "A and B share no reused wording and hardly any names or figures\(aside)."
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }
}
