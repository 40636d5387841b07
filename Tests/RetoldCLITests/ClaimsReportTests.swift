import Foundation
import RetoldCore
import Testing
@testable import RetoldReport

/// A short B checked against its source: claims that align with no sentence of A still reach
/// every report, with offsets into B.
@Suite("claims of a short text in the compare reports")
struct ClaimsReportTests {
    static let article = """
        A security van was robbed outside a bank in Glasgow city centre on Monday evening. \
        Police said three armed men took a large sum of money from the vehicle. \
        A spokesman said no one had been injured. \
        The area around the bank was closed for several hours while officers searched for evidence.
        """
    /// Its first sentence restates the article's; its second pairs with none, so only the claim
    /// check can see its figure and name.
    static let post = "Three armed men robbed a security van outside a bank in Glasgow city centre on Monday. "
        + "Détectives hunting the gang say 50,000 pounds was taken, Inspector John Barclay confirmed."

    static func compared(_ b: String = post) -> Comparison {
        var analyzer = TextAnalyzer()
        return Comparer().compare(analyzer.analyze(article), analyzer.analyze(b))
    }

    @Test("the comparison keeps the claims apart from the aligned pairs' findings, and counts both")
    func comparison() {
        let comparison = Self.compared()
        #expect(comparison.passages.flatMap(\.alignments).map(\.b) == [0..<1])
        #expect(comparison.passages.flatMap(\.alignments).flatMap(\.findings).isEmpty)
        #expect(comparison.claims.map(\.explanation) == [
            "B says \"50,000 pounds\", a figure A gives nowhere.",
            "B names Inspector John Barclay, whom A does not mention anywhere.",
        ])
        #expect(comparison.claims.allSatisfy { $0.a == nil && $0.b != nil })
        #expect(comparison.findings.count == 2)
        var comparer = Comparer()
        comparer.claimChecker = nil
        var analyzer = TextAnalyzer()
        #expect(comparer.compare(analyzer.analyze(Self.article), analyzer.analyze(Self.post)).claims.isEmpty)
    }

    @Test("the JSON carries them with character offsets into B, and counts them")
    func json() throws {
        let report = CompareReport(Self.compared(), nameA: "a", nameB: "b")
        #expect(report.findingCounts == { var c = FindingCounts(); c.medium = 2; return c }())
        let spans = report.claims.map { $0.b.map { [$0.start, $0.end] } }
        // "Détectives" is 10 characters and 11 bytes: offsets count characters.
        #expect(spans == [[119, 132], [144, 166]])
        let scalars = Array(Self.post.unicodeScalars)
        #expect(report.claims.compactMap(\.b).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
                == ["50,000 pounds", "Inspector John Barclay"])
        #expect(report.claims.allSatisfy { $0.a == nil })
        let encoded = JSONOutput.encode(report, pretty: false)
        #expect(encoded.contains("\"claims\":[{"))
    }

    @Test("the terminal report lists them under Claims, and the page numbers them after the passages' findings")
    func rendered() {
        let comparison = Self.compared()
        let text = CompareRenderer.render(comparison, nameA: "a", nameB: "b", style: TerminalStyle(color: false, width: 80))
        #expect(text.contains("Claims    2: what B says that A supports nowhere\n"))
        #expect(text.contains("MED  detail-added  B says \"50,000 pounds\", a figure A gives nowhere.\n"))
        let html = CompareHTMLRenderer.render(comparison, nameA: "a", nameB: "b")
        #expect(html.components(separatedBy: "A claim of B, held against the whole of A").count == 3)
        #expect(html.contains("<li id=\"f2\" class=\"medium\">"))
        #expect(html.contains("href=\"#f1\""))
    }

    @Test("a short text about something else makes no claim about A")
    func unrelated() {
        let comparison = Self.compared("The national football team will play Brazil in November, coach John Barclay said.")
        #expect(comparison.relationship == .unrelated)
        #expect(comparison.claims.isEmpty)
        // The same names in a text that speaks of A's robbery are claims.
        let about = Self.compared("Robbers hit a security van at a Glasgow bank and fled with cash, John Barclay said.")
        #expect(about.claims.map(\.explanation) == ["B names John Barclay, whom A does not mention anywhere."])
    }

    @Test("a long B, an edited copy with its own reporting, has no claims")
    func longCopy() {
        let copy = Self.article + " The robbery was the third in Edinburgh since 2019, the Herald has learned."
        #expect(Self.compared(copy).claims.isEmpty)
    }
}
