import RetoldCore

/// `retold compare --format html`: one comparison as a self-contained page to share or print.
///
/// Everything the page states is read from the comparison's `CompareReport`, the values
/// `--format json` prints, and the words it marks as changed are the ones the terminal report
/// marks (``DifferingWords``). It has inline CSS only, no script and nothing loaded from
/// elsewhere, and declares a Content-Security-Policy that forbids both, so it reads the same
/// offline, from a mail attachment and with scripts off. Every name and every piece of article
/// text is escaped.
public enum CompareHTMLRenderer {
    /// What the page may load and run: its own inline styles, nothing else.
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

    /// The page of `comparison`; `semanticModel` names the sentence encoder when it was used.
    public static func render(_ comparison: Comparison, nameA: String, nameB: String, semanticModel: String? = nil) -> String {
        var report = CompareReport(comparison, nameA: nameA, nameB: nameB)
        report.semanticModel = semanticModel
        // The texts the offsets point into, as the API's include_text returns them.
        report.a.text = comparison.a.original
        report.b.text = comparison.b.original
        let offsetsA = CharacterOffsets(comparison.a.original), offsetsB = CharacterOffsets(comparison.b.original)
        let changed = comparison.passages.map { passage in
            passage.alignments.map { DifferingWords.runs($0, comparison.a, offsetsA, comparison.b, offsetsB) }
        }
        return render(report, changed: changed)
    }

    /// The page of `report`, whose documents carry their texts. `changed[p][k]` holds the
    /// differing words of alignment `k` of passage `p`.
    static func render(_ report: CompareReport, changed: [[DifferingWords.Runs]]) -> String {
        let findings = numberedFindings(report)
        let title = "\(report.a.name) and \(report.b.name)"
        var out = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Retold: \(escape(title))</title>
            <style>
            \(css)
            </style>
            </head>
            <body>

            """
        out += header(report)
        out += "<main>\n"
        out += verdict(report, findings: findings.count)
        out += findingsSection(findings)
        out += passagesSection(report, changed: changed, findings: findings)
        out += textsSection(report, changed: changed, findings: findings)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Sections

    static func header(_ report: CompareReport) -> String {
        func document(_ side: Side, _ summary: CompareReport.DocumentSummary) -> String {
            "<div><dt>\(side.label)</dt><dd><a href=\"#text-\(side.id)\">\(escape(summary.name))</a> "
                + "<span class=\"muted\">· \(summary.words) words, \(summary.sentences) sentences</span></dd></div>\n"
        }
        return "<header>\n<p class=\"muted\">Retold comparison report</p>\n"
            + "<h1>\(escape(report.a.name)) <span class=\"muted\">and</span> \(escape(report.b.name))</h1>\n"
            + "<dl class=\"documents\">\n" + document(.a, report.a) + document(.b, report.b) + "</dl>\n</header>\n"
    }

    static func verdict(_ report: CompareReport, findings: Int) -> String {
        var out = "<section id=\"verdict\" aria-labelledby=\"verdict-heading\">\n<h2 id=\"verdict-heading\">Verdict</h2>\n"
        out += "<p class=\"verdict\"><strong>\(escape(words(report.relationship)))</strong> "
            + "<span class=\"muted\">confidence \(CompareRenderer.format(report.confidence))</span></p>\n"
        out += "<p>\(escape(report.reason))</p>\n"
        out += "<table class=\"coverage\">\n<caption>Coverage</caption>\n"
        for (label, value) in [("A found in B", report.coverage.aInB), ("B taken from A", report.coverage.bFromA)] {
            out += "<tr><th scope=\"row\">\(label)</th><td>\(CompareRenderer.percentage(value))</td>"
                + "<td><span class=\"bar\" aria-hidden=\"true\"><span style=\"width: \(CompareRenderer.percentage(value))\"></span></span></td></tr>\n"
        }
        out += "</table>\n"
        let counts = report.findingCounts
        out += "<p class=\"counts\"><strong>\(findings) finding\(findings == 1 ? "" : "s")</strong>: "
            + "<span class=\"high\">\(counts.high) high</span>, <span class=\"medium\">\(counts.medium) medium</span>, "
            + "<span class=\"low\">\(counts.low) low</span></p>\n"
        if !report.sharedAnchors.isEmpty {
            out += "<p><span class=\"label\">Shared names and figures</span> \(escape(report.sharedAnchors.joined(separator: ", ")))</p>\n"
        }
        out += "<p><span class=\"label\">Evidence</span> \(escape(CompareRenderer.evidenceLine(report.evidence)))</p>\n"
        if let model = report.semanticModel {
            out += "<p><span class=\"label\">Semantic matching</span> sentences were also paired by meaning with \(escape(model))</p>\n"
        }
        return out + "</section>\n"
    }

    static func findingsSection(_ findings: [NumberedFinding]) -> String {
        var out = "<section id=\"findings\" aria-labelledby=\"findings-heading\">\n<h2 id=\"findings-heading\">Findings</h2>\n"
        guard !findings.isEmpty else {
            return out + "<p>No changes that matter were found in the aligned passages.</p>\n</section>\n"
        }
        let hint = findings.contains { $0.passage == nil }
            ? "What B changed in passages it took from A, and what B claims that A supports nowhere." : "What B changed in passages it took from A."
        out += "<p class=\"hint\">\(hint) A and B lead to the words in each text.</p>\n<ol class=\"findings\">\n"
        for item in findings {
            let finding = item.finding
            out += "<li id=\"\(item.id)\" class=\"\(finding.severity.rawValue)\">\n"
            out += "<p><span class=\"severity\">\(finding.severity.rawValue)</span> <span class=\"kind\">\(escape(words(finding.kind)))</span> "
                + "\(escape(finding.explanation))</p>\n"
            for (side, span) in [(Side.a, finding.a), (Side.b, finding.b)] {
                guard let span else { continue }
                out += "<p class=\"quote\"><a class=\"side\" href=\"#\(item.id)-\(side.id)\">\(side.label)</a> <q>\(escape(span.text))</q></p>\n"
            }
            if let passage = item.passage {
                out += "<p class=\"muted where\">In <a href=\"#p\(passage)\">passage \(passage)</a></p>\n</li>\n"
            } else {
                out += "<p class=\"muted where\">A claim of B, held against the whole of A</p>\n</li>\n"
            }
        }
        return out + "</ol>\n</section>\n"
    }

    /// Each passage's aligned sentence groups side by side: a block that prints on one page.
    static func passagesSection(_ report: CompareReport, changed: [[DifferingWords.Runs]], findings: [NumberedFinding]) -> String {
        var out = "<section id=\"passages\" aria-labelledby=\"passages-heading\">\n<h2 id=\"passages-heading\">Passages</h2>\n"
        guard !report.passages.isEmpty else { return out + "<p>No aligned passages.</p>\n</section>\n" }
        let textA = Array((report.a.text ?? "").unicodeScalars), textB = Array((report.b.text ?? "").unicodeScalars)
        out += "<p class=\"hint\">Each passage's aligned sentences, A on the left; words the other side does not have are underlined.</p>\n"
        for (p, passage) in report.passages.enumerated() {
            let number = p + 1
            out += "<section class=\"passage-block\" id=\"p\(number)\" aria-labelledby=\"p\(number)-heading\">\n"
            out += "<h3 id=\"p\(number)-heading\"><span class=\"tag p\(p % 8)\">\(number)</span> \(passage.kind.rawValue) "
                + "<span class=\"muted\">similarity \(CompareRenderer.format(passage.similarity)) · "
                + "\(sentences(passage.alignments.flatMap(\.aSentences), side: .a)) · \(sentences(passage.alignments.flatMap(\.bSentences), side: .b)) · "
                + "in the texts: <a href=\"#a-p\(number)\">A</a>, <a href=\"#b-p\(number)\">B</a></span></h3>\n"
            for (k, alignment) in passage.alignments.enumerated() {
                let runs = p < changed.count && k < changed[p].count ? changed[p][k] : DifferingWords.Runs(a: [], b: [])
                if passage.alignments.count > 1 || alignment.setAside != nil {
                    var line = "\(alignment.kind.rawValue), \(sentences(alignment.aSentences, side: .a)) ↔ \(sentences(alignment.bSentences, side: .b))"
                    if let setAside = alignment.setAside { line += ", set aside as \(words(setAside)): not evidence of copying" }
                    out += "<p class=\"muted alignment\">\(escape(line))</p>\n"
                }
                out += "<div class=\"pair\">\n"
                out += "<div class=\"a\" aria-label=\"A\">" + markup(textA, alignment.a.start..<alignment.a.end, Highlights(changed: runs.a), side: .a) + "</div>\n"
                out += "<div class=\"b\" aria-label=\"B\">" + markup(textB, alignment.b.start..<alignment.b.end, Highlights(changed: runs.b), side: .b) + "</div>\n"
                out += "</div>\n"
                let here = findings.filter { $0.passage == number && $0.alignment == k }
                if !here.isEmpty {
                    out += "<ul class=\"pair-findings\">\n"
                    for item in here {
                        out += "<li class=\"\(item.finding.severity.rawValue)\"><a href=\"#\(item.id)\">F\(item.number)</a> "
                            + "<span class=\"severity\">\(item.finding.severity.rawValue)</span> \(escape(item.finding.explanation))</li>\n"
                    }
                    out += "</ul>\n"
                }
            }
            out += "</section>\n"
        }
        return out + "</section>\n"
    }

    /// Both texts whole, passages in matching colours and numbers, each number leading to the
    /// same passage in the other text, and a marker where each finding's words begin.
    static func textsSection(_ report: CompareReport, changed: [[DifferingWords.Runs]], findings: [NumberedFinding]) -> String {
        var out = "<section id=\"texts\" aria-labelledby=\"texts-heading\">\n<h2 id=\"texts-heading\">Side by side</h2>\n"
        out += "<p class=\"hint\">Aligned passages share a colour and a number, which leads to the same passage in the other text; "
            + "changed words are underlined; F1, F2… mark where each finding's words begin.</p>\n<div class=\"sides\">\n"
        for side in [Side.a, .b] {
            let summary = side == .a ? report.a : report.b
            let scalars = Array((summary.text ?? "").unicodeScalars)
            var highlights = Highlights()
            for (p, passage) in report.passages.enumerated() {
                let span = side == .a ? passage.a : passage.b
                highlights.passages.append((span.start..<span.end, p + 1))
                for runs in p < changed.count ? changed[p] : [] { highlights.changed += side == .a ? runs.a : runs.b }
            }
            for item in findings {
                if let span = side == .a ? item.finding.a : item.finding.b {
                    highlights.markers.append(Marker(at: span.start, id: "\(item.id)-\(side.id)", target: item.id,
                                                     label: "F\(item.number)", severity: item.finding.severity.rawValue))
                }
            }
            out += "<article id=\"text-\(side.id)\" aria-labelledby=\"text-\(side.id)-heading\">\n"
            out += "<h3 id=\"text-\(side.id)-heading\">\(side.label) <span class=\"muted\">\(escape(summary.name))</span></h3>\n"
            out += "<div class=\"text\">" + markup(scalars, 0..<scalars.count, highlights, side: side) + "</div>\n</article>\n"
        }
        return out + "</div>\n</section>\n"
    }

    // MARK: - Marked text

    enum Side {
        case a, b
        var id: String { self == .a ? "a" : "b" }
        var label: String { self == .a ? "A" : "B" }
        var other: Side { self == .a ? .b : .a }
        /// Words only A has were dropped or replaced by B; words only B has were put in.
        var changeTag: String { self == .a ? "del" : "ins" }
    }

    struct Marker {
        var at: Int
        var id: String
        var target: String
        var label: String
        var severity: String
    }

    struct Highlights {
        /// Unicode scalar ranges and 1-based passage numbers; where a passage begins it gets its number and anchor.
        var passages: [(range: Range<Int>, number: Int)] = []
        var changed: [Range<Int>] = []
        var markers: [Marker] = []
    }

    /// `range` of a text (Unicode scalars, as the report's offsets count) as HTML: passages as
    /// numbered marks, changed words as `<del>` in A and `<ins>` in B, finding markers where
    /// their words begin. Cut at every boundary, so overlapping ranges still nest properly.
    /// A marker inside a run of changed words stays inside it (it is an inline block, so the
    /// run's underline skips it).
    static func markup(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ highlights: Highlights, side: Side) -> String {
        let lower = min(max(0, range.lowerBound), scalars.count), upper = min(max(lower, range.upperBound), scalars.count)
        func clamp(_ offset: Int) -> Int { min(max(offset, lower), upper) }
        var points: Set<Int> = [lower, upper]
        var changeDelta: [Int: Int] = [:]
        for passage in highlights.passages {
            points.insert(clamp(passage.range.lowerBound))
            points.insert(clamp(passage.range.upperBound))
        }
        for run in highlights.changed where clamp(run.lowerBound) < clamp(run.upperBound) {
            points.insert(clamp(run.lowerBound)); points.insert(clamp(run.upperBound))
            changeDelta[clamp(run.lowerBound), default: 0] += 1
            changeDelta[clamp(run.upperBound), default: 0] -= 1
        }
        let markers = Dictionary(grouping: highlights.markers.filter { (lower...upper).contains($0.at) }, by: \.at)
        points.formUnion(markers.keys)
        let sorted = points.sorted()

        var out = ""
        var openPassage: Int?  // index into highlights.passages
        var tagged = Set<Int>()
        var changes = 0, inChange = false
        let tag = side.changeTag
        for (i, point) in sorted.enumerated() {
            let end = i + 1 < sorted.count ? sorted[i + 1] : point
            changes += changeDelta[point] ?? 0
            let passage = end > point
                ? highlights.passages.firstIndex { $0.range.lowerBound <= point && end <= $0.range.upperBound } : nil
            let changed = end > point && changes > 0
            let markersHere = markers[point] ?? []
            if inChange && (!changed || passage != openPassage) {
                out += "</\(tag)>"; inChange = false
            }
            if passage != openPassage {
                if openPassage != nil { out += "</mark>" }
                if let passage {
                    let number = highlights.passages[passage].number, colour = "p\((number - 1) % 8)"
                    out += "<mark class=\"passage \(colour)\">"
                    // The number goes where the passage begins; a stretch that starts inside one has none.
                    if point == highlights.passages[passage].range.lowerBound, tagged.insert(passage).inserted {
                        out += "<a class=\"tag \(colour)\" id=\"\(side.id)-p\(number)\" href=\"#\(side.other.id)-p\(number)\" "
                            + "title=\"Passage \(number) in \(side.other.label)\">\(number)</a>"
                    }
                }
                openPassage = passage
            }
            for marker in markersHere {
                out += "<a class=\"fref \(marker.severity)\" id=\"\(marker.id)\" href=\"#\(marker.target)\">\(marker.label)</a>"
            }
            if changed && !inChange { out += "<\(tag)>"; inChange = true }
            if end > point { out += HTMLEscaping.escape(scalars: scalars[point..<end]) }
        }
        if inChange { out += "</\(tag)>" }
        if openPassage != nil { out += "</mark>" }
        return out
    }

    // MARK: - Findings, numbered

    struct NumberedFinding {
        var number: Int
        /// 1-based passage number, and the alignment's index in it; nil for a claim of B, which
        /// is held against the whole of A.
        var passage: Int?
        var alignment: Int
        var finding: FindingReport
        var id: String { "f\(number)" }
    }

    /// Findings in report order (passages, their alignments, then severity; then the claims),
    /// numbered from 1.
    static func numberedFindings(_ report: CompareReport) -> [NumberedFinding] {
        var out: [NumberedFinding] = []
        for (p, passage) in report.passages.enumerated() {
            for (k, alignment) in passage.alignments.enumerated() {
                for finding in alignment.findings {
                    out.append(NumberedFinding(number: out.count + 1, passage: p + 1, alignment: k, finding: finding))
                }
            }
        }
        for claim in report.claims {
            out.append(NumberedFinding(number: out.count + 1, passage: nil, alignment: 0, finding: claim))
        }
        return out
    }

    // MARK: - Wording

    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// `edited-copy` as "edited copy".
    static func words<Name: RawRepresentable>(_ name: Name) -> String where Name.RawValue == String {
        name.rawValue.replacingOccurrences(of: "-", with: " ")
    }



    /// "A sentence 3" or "B sentences 2-3", from zero-based indexes.
    static func sentences(_ indexes: [Int], side: Side) -> String {
        guard let first = indexes.min(), let last = indexes.max() else { return "\(side.label) no sentences" }
        return first == last ? "\(side.label) sentence \(first + 1)" : "\(side.label) sentences \(first + 1)-\(last + 1)"
    }

    // MARK: - Style

    /// The web page's look (colours, marks, bars), laid out for reading and printing.
    static let css = """
        :root { --ink: #1d2230; --muted: #5b6273; --line: #d8dbe3; --focus: #1b5fd6; --high: #b00020; --medium: #9a6700;
          font-family: system-ui, sans-serif; color: var(--ink); background: #fff; }
        body { margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 3rem; line-height: 1.5; }
        h1 { margin: 0.2rem 0; font-size: 1.5rem; overflow-wrap: anywhere; } h2 { font-size: 1.2rem; margin-top: 2rem; }
        h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
        a { color: var(--focus); }
        .muted, .hint { color: var(--muted); } .hint { font-size: 0.9rem; } .muted { font-weight: normal; }
        .label { font-weight: 600; margin-right: 0.5rem; }
        .documents { margin: 0.5rem 0; } .documents div { display: flex; gap: 0.6rem; } .documents dt { font-weight: 700; } .documents dd { margin: 0; }
        .verdict { font-size: 1.15rem; margin-bottom: 0.2rem; } .verdict strong { text-transform: capitalize; }
        .coverage { border-collapse: collapse; margin: 0.5rem 0; } .coverage caption { text-align: left; font-weight: 600; }
        .coverage th { text-align: left; font-weight: normal; padding-right: 1rem; } .coverage td { padding-right: 0.5rem; text-align: right; }
        .bar { display: inline-block; width: 12rem; height: 0.7rem; background: #eceef3; border: 1px solid #b9bfcc; vertical-align: middle; }
        .bar span { display: block; height: 100%; background: #4a6fd1; }
        .counts .high { color: var(--high); font-weight: 600; } .counts .medium { color: var(--medium); font-weight: 600; }
        ol.findings { padding-left: 0; list-style: none; }
        .findings li, .pair-findings li { margin: 0.4rem 0; padding: 0.2rem 0.6rem; border-left: 4px solid var(--line); }
        .findings li.high, .pair-findings li.high { border-left-color: var(--high); }
        .findings li.medium, .pair-findings li.medium { border-left-color: var(--medium); }
        .findings p { margin: 0.15rem 0; } .findings p.quote { margin-left: 1rem; } .where { font-size: 0.85rem; }
        .severity { font-size: 0.75rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; margin-right: 0.3rem; }
        .high .severity { color: var(--high); } .medium .severity { color: var(--medium); } .low .severity { color: var(--muted); }
        .kind { font-size: 0.8rem; color: var(--muted); margin-right: 0.4rem; text-transform: uppercase; letter-spacing: 0.03em; }
        a.side { font-weight: 700; margin-right: 0.3rem; }
        .pair-findings { list-style: none; padding-left: 0; margin: 0.3rem 0 0.8rem; font-size: 0.9rem; }
        .passage-block { margin-bottom: 1.2rem; } .alignment { margin: 0.6rem 0 0.2rem; font-size: 0.9rem; }
        .pair, .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
        .pair > div { border: 1px solid var(--line); padding: 0.5rem 0.7rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.92rem; }
        .sides article { border: 1px solid var(--line); padding: 0 0.8rem 0.8rem; max-height: 80vh; overflow: auto; }
        .sides .text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.92rem; }
        mark.passage { border-radius: 2px; color: inherit; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
        .p0 { background: #fde7a8; } .p1 { background: #c8ecd4; } .p2 { background: #cfe0fb; } .p3 { background: #f6d0e3; }
        .p4 { background: #e2d7f7; } .p5 { background: #d3f1f1; } .p6 { background: #f9dcc4; } .p7 { background: #e4edc8; }
        del, ins { text-decoration: underline 2px var(--high); text-underline-offset: 3px; }
        .tag { display: inline-block; min-width: 1.1em; padding: 0 0.25em; border: 1px solid var(--ink); border-radius: 3px;
          color: var(--ink); font-size: 0.75rem; font-weight: 700; line-height: 1.25; text-align: center; text-decoration: none; }
        mark .tag { margin-right: 0.25em; vertical-align: 0.1em; }
        .fref { display: inline-block; font-size: 0.7rem; font-weight: 700; vertical-align: super; line-height: 1; color: var(--high); text-decoration: none; margin: 0 0.1em; }
        .fref.medium { color: var(--medium); } .fref.low { color: var(--muted); }
        [id] { scroll-margin-top: 1rem; }
        :target { outline: 3px solid var(--focus); outline-offset: 2px; }
        @media screen and (max-width: 800px) { .pair, .sides { grid-template-columns: 1fr; } }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          :root { font-size: 10pt; }
          body { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          :target { outline: none; }
          h2, h3 { break-after: avoid; }
          .passage-block, .pair, .findings li, .pair-findings li, .coverage { break-inside: avoid; }
          .sides article { max-height: none; overflow: visible; }
          #texts { break-before: page; }
        }
        """
}
