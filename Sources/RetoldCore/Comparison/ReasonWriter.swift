import Foundation

/// Writes the one-sentence reason behind a relationship.
enum ReasonWriter {
    static func reason(relationship: Relationship, passages: [Passage], alignments: [SentenceAlignment],
                       coverageA: Double, coverageB: Double, anchors: [String]) -> String {
        let pa = percent(coverageA), pb = percent(coverageB)
        let sentences = alignments.reduce(0) { $0 + $1.b.count }
        let passageCount = passages.count == 1 ? "1 passage" : "\(passages.count) passages"
        let whole = coverageA >= 0.95 && coverageB >= 0.95
        switch relationship {
        case .verbatimCopy:
            if whole { return "A and B are the same text word for word (\(pa) of A in B, \(pb) of B from A)." }
            return "B repeats \(pb) of its text word for word from A in \(passageCount), covering \(pa) of A."
        case .editedCopy:
            return "B copies A with light edits: \(passageCount) with words inserted, dropped or replaced, covering \(pa) of A and \(pb) of B."
        case .paraphrase:
            let plural = sentences == 1 ? "sentence" : "sentences"
            return "B rewrites A in other words: \(sentences) \(plural) of B restate sentences of A (\(pb) of B, \(pa) of A), in \(passageCount)."
        case .sameEvent:
            let named = anchors.isEmpty ? "" : " (\(anchors.prefix(4).joined(separator: ", ")))"
            if alignments.isEmpty {
                return "A and B report the same story independently: they share names, figures and vocabulary\(named) but no reused wording."
            }
            return "A and B report the same story and share only \(passageCount) (\(pa) of A, \(pb) of B), too little to call a copy\(named)."
        case .unrelated:
            return "A and B share no passages and hardly any names or figures."
        }
    }

    static func percent(_ value: Double) -> String {
        "\(Int((value * 100).rounded()))%"
    }
}
