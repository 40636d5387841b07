import RetoldCore

/// How a finding reads in the terminal: its severity as a coloured tag, then its sentence.
enum FindingLine {
    static func render(_ finding: Finding, style: TerminalStyle, indent: String) -> String {
        let tag: String
        switch finding.severity {
        case .high: tag = style.paint("HIGH", "1;31")
        case .medium: tag = style.paint("MED ", "1;33")
        case .low: tag = style.paint("LOW ", "2")
        }
        return "\(indent)\(tag) \(style.bold(finding.kind.rawValue))  \(finding.explanation)\n"
    }
}

/// The human-readable report of `retold check`.
public enum CheckRenderer {
    public static func render(_ document: Document, findings: [Finding], name: String, style: TerminalStyle) -> String {
        var out = "\(style.bold(name))  \(style.dim("· \(document.tokens.count) words, \(document.sentences.count) sentences"))\n\n"
        if findings.isEmpty {
            return out + "No findings.\n"
        }
        let counts = Dictionary(grouping: findings, by: \.severity).mapValues(\.count)
        let summary = Finding.Severity.allCases.reversed().compactMap { severity in
            counts[severity].map { "\($0) \(severity.rawValue)" }
        }.joined(separator: ", ")
        out += "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(summary))\n\n"
        for finding in findings {
            out += FindingLine.render(finding, style: style, indent: "")
            for range in [finding.a, finding.b].compactMap({ $0 }) {
                let line = document.text.lineNumber(at: range.lowerBound)
                out += style.dim("     line \(line): ") + excerpt(document.text.originalText(range)) + "\n"
            }
        }
        return out
    }

    static func excerpt(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 100 ? String(flat.prefix(97)) + "..." : flat
    }
}
