import Foundation
import RetoldTestSupport
import Testing
import RetoldCore
@testable import RetoldReport

@Suite("the HTML report of a comparison")
struct CompareHTMLRendererTests {
    /// A story and a copy that moves its last sentence first, edits two words and adds its own
    /// paragraph. A opens with a flag (two scalars, one Character), a decomposed "é" and markup,
    /// so offsets counted in anything but Unicode scalars would misplace every mark after them.
    static let a = """
        \u{1F1F0}\u{1F1F7} Cafe\u{301} news. <script>alert(1)</script> & more

        Officials in Seoul said on Monday that two missiles were fired into the sea off the east coast, the military said.

        The launch came days after the talks in Geneva ended without an agreement, according to the ministry.

        Farmers in the south reported a good rice harvest this autumn despite the dry summer weather.

        The national football team will play a friendly match against Brazil in November.

        Prices of fresh vegetables have risen sharply in the capital's markets over the past month.

        The defence minister told parliament that the army would hold joint drills with its allies next spring.
        """
    static let b = """
        The defence minister told parliament that the army would hold large joint drills with its allies next spring.

        A new museum of modern art opened its doors to the public on the waterfront.

        Officials in Seoul said on Tuesday that two missiles were fired into the sea off the east coast, the military said.

        The launch came days after the talks in Geneva ended without an agreement, according to the ministry.
        """
    static let nameA = "wire \"first\" <draft>.txt", nameB = "O'Neil's copy & more"

    static func compared() -> (Comparison, CompareReport, String) {
        var analyzer = TextAnalyzer()
        let comparison = Comparer().compare(analyzer.analyze(a), analyzer.analyze(b))
        return (comparison, CompareReport(comparison, nameA: nameA, nameB: nameB),
                CompareHTMLRenderer.render(comparison, nameA: nameA, nameB: nameB))
    }

    static func captures(_ html: String, _ pattern: Regex<(Substring, Substring)>) -> [String] {
        html.matches(of: pattern).map { String($0.output.1) }
    }

    /// The element of `html` that opens with `opening`, up to its `closing` tag (not nested).
    static func element(_ html: String, from opening: String, to closing: String) -> String? {
        guard let start = html.range(of: opening), let end = html[start.upperBound...].range(of: closing) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// Text content of an HTML fragment: tags removed, along with the passage and finding
    /// labels the page adds (`<a class="tag">1</a>`, `<a class="fref">F1</a>`).
    static func textContent(_ fragment: String) -> String {
        fragment.replacing(#/<a class="(tag|fref)[^>]*>[^<]*</a>/#, with: "").replacing(#/<[^>]+>/#, with: "")
    }

    @Test("one self-contained document: a doctype, inline CSS with a print block, no script, nothing loaded from elsewhere")
    func selfContained() {
        let (_, _, html) = Self.compared()
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">"))
        #expect(html.contains("<style>\n") && html.contains("@media print {"))
        let lowercased = html.lowercased()
        for forbidden in ["<script", "http://", "https://", " src=", "<link", "url(", "@import", "<img", "<iframe"] {
            #expect(!lowercased.contains(forbidden), "\(forbidden)")
        }
    }

    @Test("names and article text are escaped: markup in either comes out as text")
    func escaping() {
        let (_, _, html) = Self.compared()
        #expect(html.contains("<title>Retold: wire &quot;first&quot; &lt;draft&gt;.txt and O&#39;Neil&#39;s copy &amp; more</title>"))
        #expect(html.contains("<h1>wire &quot;first&quot; &lt;draft&gt;.txt <span class=\"muted\">and</span> O&#39;Neil&#39;s copy &amp; more</h1>"))
        #expect(html.contains("news. &lt;script&gt;alert(1)&lt;/script&gt; &amp; more\n"))
        #expect(!html.contains("<draft>") && !html.contains("\"first\"") && !html.contains("O'Neil"))
        #expect(html.contains("the capital&#39;s markets"))
    }

    @Test("each passage is marked in both texts with matching numbers, and holds exactly its text")
    func passagesOnBothSides() throws {
        let (_, report, html) = Self.compared()
        #expect(report.passages.count == 2)
        let sideA = try #require(Self.element(html, from: "<article id=\"text-a\"", to: "</article>"))
        let sideB = try #require(Self.element(html, from: "<article id=\"text-b\"", to: "</article>"))
        let marksA = sideA.matches(of: #/<mark class="passage (p\d)">(.*?)</mark>/#.dotMatchesNewlines())
        let marksB = sideB.matches(of: #/<mark class="passage (p\d)">(.*?)</mark>/#.dotMatchesNewlines())
        #expect(marksA.map { String($0.output.1) } == ["p0", "p1"])
        // B has passage 2 first: it moved A's last sentence to the top.
        #expect(marksB.map { String($0.output.1) } == ["p1", "p0"])
        for (index, passage) in report.passages.enumerated() {
            let number = index + 1
            #expect(sideA.contains("<a class=\"tag p\(index)\" id=\"a-p\(number)\" href=\"#b-p\(number)\" title=\"Passage \(number) in B\">\(number)</a>"))
            #expect(sideB.contains("<a class=\"tag p\(index)\" id=\"b-p\(number)\" href=\"#a-p\(number)\" title=\"Passage \(number) in A\">\(number)</a>"))
            #expect(Self.textContent(String(marksA[index].output.2)) == HTMLEscaping.escape(passage.a.text))
            #expect(Self.textContent(String(marksB[1 - index].output.2)) == HTMLEscaping.escape(passage.b.text))
        }
        // The changed words, cut by Unicode scalars after the flag and the decomposed "é".
        #expect(sideA.contains("said on <a class=\"fref medium\" id=\"f1-a\" href=\"#f1\">F1</a><del>Monday</del> that two missiles"))
        #expect(sideB.contains("said on <a class=\"fref medium\" id=\"f1-b\" href=\"#f1\">F1</a><ins>Tuesday</ins> that two missiles"))
        #expect(sideB.contains("would hold <a class=\"fref low\" id=\"f2-b\" href=\"#f2\">F2</a><ins>large</ins> joint drills"))
        #expect(Self.textContent(sideA).hasSuffix(HTMLEscaping.escape(Self.a) + "\n"))
    }

    @Test("findings are listed with their quoted words, and every link lands on an id that exists")
    func findingsAndAnchors() throws {
        let (_, report, html) = Self.compared()
        #expect(report.findingCounts.high == 0 && report.findingCounts.medium == 1 && report.findingCounts.low == 1)
        let ids = Self.captures(html, #/ id="([^"]+)"/#)
        #expect(Set(ids).count == ids.count, "an id is used twice")
        let targets = Self.captures(html, #/ href="#([^"]+)"/#)
        #expect(!targets.isEmpty)
        for target in targets { #expect(ids.contains(target), "#\(target) leads nowhere") }
        let first = try #require(Self.element(html, from: "<li id=\"f1\" class=\"medium\">\n", to: "</li>"))
        #expect(first == """
            <p><span class="severity">medium</span> <span class="kind">time changed</span> A says Monday; B says Tuesday.</p>
            <p class="quote"><a class="side" href="#f1-a">A</a> <q>Monday</q></p>
            <p class="quote"><a class="side" href="#f1-b">B</a> <q>Tuesday</q></p>
            <p class="muted where">In <a href="#p1">passage 1</a></p>

            """)
        // A finding with words on one side only links to that side only.
        let second = try #require(Self.element(html, from: "<li id=\"f2\" class=\"low\">\n", to: "</li>"))
        #expect(second.contains("<a class=\"side\" href=\"#f2-b\">B</a> <q>large</q>") && !second.contains("#f2-a"))
        #expect(html.contains("<p class=\"counts\"><strong>2 findings</strong>: <span class=\"high\">0 high</span>, "
                              + "<span class=\"medium\">1 medium</span>, <span class=\"low\">1 low</span></p>"))
        #expect(html.contains("<p class=\"verdict\"><strong>\(report.relationship.rawValue.replacingOccurrences(of: "-", with: " "))</strong> "
                              + "<span class=\"muted\">confidence \(CompareRenderer.format(report.confidence))</span></p>"))
    }

    @Test("on the example pair (curly quotes, long passages, findings inside changed words) both texts come back whole")
    func examplePair() throws {
        let a = try Repository.example("000_1fa55ddf9ed85ec1.txt"), b = try Repository.example("001_b3d10f58ee285008.txt")
        var analyzer = TextAnalyzer()
        let comparison = Comparer().compare(analyzer.analyze(a), analyzer.analyze(b))
        let report = CompareReport(comparison, nameA: "A", nameB: "B")
        let html = CompareHTMLRenderer.render(comparison, nameA: "A", nameB: "B")
        let sideA = try #require(Self.element(html, from: "<div class=\"text\">", to: "</div>"))
        let sideB = try #require(Self.element(String(html[html.range(of: "<article id=\"text-b\"")!.upperBound...]),
                                              from: "<div class=\"text\">", to: "</div>"))
        #expect(Self.textContent(sideA) == HTMLEscaping.escape(a))
        #expect(Self.textContent(sideB) == HTMLEscaping.escape(b))
        let marks = sideA.matches(of: #/<mark class="passage p\d">(.*?)</mark>/#.dotMatchesNewlines())
        #expect(marks.map { Self.textContent(String($0.output.1)) } == report.passages.map { HTMLEscaping.escape($0.a.text) })
        let findings = report.passages.flatMap(\.alignments).flatMap(\.findings)
        #expect(findings.count == 6)
        for number in 1...findings.count { #expect(html.contains("<li id=\"f\(number)\" ")) }
        #expect(html.contains("<del>Yo</del>"))
    }

    @Test("unrelated texts still get a whole page: no passages, no findings, both texts shown")
    func nothingShared() {
        var analyzer = TextAnalyzer()
        let comparison = Comparer().compare(analyzer.analyze("Farmers reported a good rice harvest this autumn."),
                                            analyzer.analyze("The national football team will play Brazil in November."))
        let html = CompareHTMLRenderer.render(comparison, nameA: "a", nameB: "b")
        #expect(html.contains("<p>No changes that matter were found in the aligned passages.</p>"))
        #expect(html.contains("<p>No aligned passages.</p>"))
        #expect(html.contains("<div class=\"text\">Farmers reported a good rice harvest this autumn.</div>"))
        #expect(html.contains("<div class=\"text\">The national football team will play Brazil in November.</div>"))
        #expect(!html.contains("<mark"))
    }

    @Test("marks cut a text at Unicode scalars and nest however the ranges fall")
    func markupByScalars() {
        // 🇰🇷 is two scalars, "é" here is "e" and a combining accent: offsets 0-1 and 3-4.
        let scalars = Array("\u{1F1F0}\u{1F1F7} e\u{301}a <b> & c".unicodeScalars)
        #expect(scalars.count == 14)
        var highlights = CompareHTMLRenderer.Highlights()
        highlights.passages = [(3..<10, 1)]
        highlights.changed = [7..<12]
        highlights.markers = [.init(at: 11, id: "f1-a", target: "f1", label: "F1", severity: "high")]
        let html = CompareHTMLRenderer.markup(scalars, 0..<scalars.count, highlights, side: .a)
        #expect(html == "\u{1F1F0}\u{1F1F7} <mark class=\"passage p0\"><a class=\"tag p0\" id=\"a-p1\" href=\"#b-p1\" title=\"Passage 1 in B\">1</a>"
                + "e\u{301}a <del>&lt;b&gt;</del></mark><del> <a class=\"fref high\" id=\"f1-a\" href=\"#f1\">F1</a>&amp;</del> c")
        // A stretch of the text, with ranges reaching outside it.
        #expect(CompareHTMLRenderer.markup(scalars, 5..<9, highlights, side: .b)
                == "<mark class=\"passage p0\">a <ins>&lt;b</ins></mark>")
    }

    @Test("the five markup characters become references")
    func escapeHelper() {
        #expect(HTMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping.escape("e\u{301} \u{1F1F0}\u{1F1F7}") == "e\u{301} \u{1F1F0}\u{1F1F7}")
    }
}
