import RetoldCore

/// The human-readable report of `retold compare`.
public enum CompareRenderer {
    /// Order, set-aside alignments, ordinary wording and the model's reuse probability, on one
    /// line: the terminal's and the HTML report's, from the report's values.
    static func evidenceLine(_ e: CompareReport.EvidenceReport) -> String {
        var parts = ["\(e.inOrder) of \(e.alignedSentences) aligned sentences in A's order"]
        if e.sharedQuotations > 0 { parts.append("\(e.sharedQuotations) shared quotation\(e.sharedQuotations == 1 ? "" : "s") set aside") }
        if e.furniture > 0 { parts.append("\(e.furniture) headline or short line\(e.furniture == 1 ? "" : "s") set aside") }
        parts.append("ordinary wording shared \(percentage(e.ordinaryWording.aInB)) of A, \(percentage(e.ordinaryWording.bFromA)) of B")
        parts.append("P(reuse) \(format(e.reuseProbability))")
        return parts.joined(separator: " · ")
    }

    public static func render(_ comparison: Comparison, nameA: String, nameB: String, style: TerminalStyle) -> String {
        var out = ""
        let a = comparison.a, b = comparison.b
        out += "\(style.bold("A"))  \(nameA)  \(style.dim("· \(a.tokens.count) words, \(a.sentences.count) sentences"))\n"
        out += "\(style.bold("B"))  \(nameB)  \(style.dim("· \(b.tokens.count) words, \(b.sentences.count) sentences"))\n\n"
        let relationshipColor = comparison.relationship.isReuse ? "1;33" : "1"
        out += "\(style.paint(comparison.relationship.rawValue, relationshipColor))  "
        out += style.dim("confidence \(format(comparison.confidence))") + "\n"
        out += comparison.reason + "\n\n"
        out += "Coverage  A found in B   \(percent(comparison.coverageA))  \(bar(comparison.coverageA, style))\n"
        out += "          B taken from A \(percent(comparison.coverageB))  \(bar(comparison.coverageB, style))\n"
        if !comparison.sharedAnchors.isEmpty {
            out += "Shared    \(comparison.sharedAnchors.joined(separator: ", "))\n"
        }
        out += "Evidence  \(evidenceLine(CompareReport.EvidenceReport(comparison)))\n"
        let findings = comparison.passages.flatMap(\.alignments).flatMap(\.findings)
        if !findings.isEmpty {
            out += "Findings  \(findings.count): what B changed in passages it took from A\n"
            for finding in findings where finding.severity == .high { out += FindingLine.render(finding, style: style, indent: "          ") }
        }
        if !comparison.claims.isEmpty {
            out += "Claims    \(comparison.claims.count): what B says that A supports nowhere\n"
            for finding in comparison.claims { out += FindingLine.render(finding, style: style, indent: "          ") }
        }
        let alignments = comparison.passages.flatMap { passage in passage.alignments.map { (passage, $0) } }
        if comparison.passages.isEmpty {
            out += "\nNo aligned passages.\n"
            return out
        }
        out += "\n" + style.bold("Passages (\(comparison.passages.count), \(alignments.count) aligned sentence groups)")
        out += style.color ? "  words only in A in red, only in B in green\n" : "  [-only in A-] {+only in B+}\n"
        for (index, passage) in comparison.passages.enumerated() {
            out += "\n" + style.bold("\(index + 1). \(passage.kind.rawValue)")
            out += style.dim("  similarity \(format(passage.similarity)) · A sentences \(range(passage.a)) · B sentences \(range(passage.b))") + "\n"
            for alignment in passage.alignments {
                let (keptA, keptB) = DifferingWords.kept(alignment, a, b)
                let left = MarkedText(a, sentences: alignment.a, kept: keptA)
                let right = MarkedText(b, sentences: alignment.b, kept: keptB)
                if passage.alignments.count > 1 {
                    out += style.dim("   \(alignment.kind.rawValue), A \(range(alignment.a)) ↔ B \(range(alignment.b))") + "\n"
                }
                out += columns(left, right, style)
                for finding in alignment.findings { out += FindingLine.render(finding, style: style, indent: "   ") }
            }
        }
        return out
    }

    static func columns(_ left: MarkedText, _ right: MarkedText, _ style: TerminalStyle) -> String {
        let markWidth = style.color ? 0 : 4
        if style.sideBySide {
            let column = (style.width - 7) / 2
            let l = left.wrapped(width: column, mark: style.removed, markWidth: markWidth)
            let r = right.wrapped(width: column, mark: style.added, markWidth: markWidth)
            var out = ""
            for row in 0..<max(l.count, r.count) {
                let leftLine: (line: String, visible: Int) = row < l.count ? l[row] : (line: "", visible: 0)
                let rightLine = row < r.count ? r[row].line : ""
                out += "   " + leftLine.line + String(repeating: " ", count: max(0, column - leftLine.visible)) + " │ " + rightLine + "\n"
            }
            return out
        }
        var out = ""
        let width = style.width - 7
        for (n, (line, _)) in left.wrapped(width: width, mark: style.removed, markWidth: markWidth).enumerated() {
            out += (n == 0 ? "   A │ " : "     │ ") + line + "\n"
        }
        for (n, (line, _)) in right.wrapped(width: width, mark: style.added, markWidth: markWidth).enumerated() {
            out += (n == 0 ? "   B │ " : "     │ ") + line + "\n"
        }
        return out
    }

    static func range(_ sentences: Range<Int>) -> String {
        sentences.count == 1 ? "\(sentences.lowerBound + 1)" : "\(sentences.lowerBound + 1)-\(sentences.upperBound)"
    }

    /// A share as a whole percentage, "48%".
    static func percentage(_ value: Double) -> String { "\(Int((value * 100).rounded()))%" }

    /// The same, right-aligned in four columns for the terminal's tables.
    static func percent(_ value: Double) -> String {
        let text = percentage(value)
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    static func bar(_ value: Double, _ style: TerminalStyle) -> String {
        let filled = Int((value * 20).rounded())
        return style.paint(String(repeating: "█", count: filled), "36") + style.dim(String(repeating: "░", count: 20 - filled))
    }
}
