import Foundation
import Testing
@testable import RetoldIngest

@Suite("HTML article extraction")
struct HTMLExtractionTests {
    func extract(_ html: String, contentType: String? = nil) -> ExtractedArticle? {
        HTMLArticleReader.read(Array(html.utf8), httpContentType: contentType)?.article
    }

    @Test("a news page: the story and its metadata, without navigation, share bar, ads, related links or footer")
    func wirePage() throws {
        let result = try #require(HTMLArticleReader.read(Fixture.bytes("wire-story.html")))
        let article = result.article
        #expect(article.metadata.title == "North Korea signals openness to talks, seeks end to 'hostile policies'")
        #expect(article.metadata.byline == "Hyung-Jin Kim")
        #expect(article.metadata.published == "2021-09-26T09:14:00Z")
        #expect(article.metadata.siteName == "Politico")
        #expect(article.metadata.language == "en")
        #expect(result.charset == Charset.Choice(name: "UTF-8", source: "meta tag"))
        #expect(article.paragraphs.count == 7)
        #expect(article.text.hasPrefix("Earlier this month, North Korea conducted ballistic and cruise missile tests"))
        #expect(article.text.hasSuffix("Kim said his country was facing \u{201C}the worst crisis ever\u{201D}."))
        for debris in ["Skip to content", "Advertisement", "Share on Facebook", "Related", "cookies", "Politics", "Terms of service",
                       "politico", "Sign up", "AP Photo", "North Korea signals openness", "gtag", "Sanctions\n"] {
            #expect(!article.text.contains(debris), "\(debris)")
        }
        // The text is the plain example without its scraping debris, paragraph for paragraph.
        let plain = try String(contentsOfFile: "examples/000_1fa55ddf9ed85ec1.txt", encoding: .utf8)
        let lines = plain.split(separator: "\n").map(String.init).filter { !$0.isEmpty && $0 != "Skip to content" && $0 != "politico Gt" }
        #expect(article.paragraphs.map(\.text) == lines)
    }

    @Test("the repeated title of the spun page is dropped; its heading-like lines are kept once")
    func spunPage() throws {
        let article = try #require(HTMLArticleReader.read(Fixture.bytes("spun-story.html"))?.article)
        #expect(article.metadata.title == "N. Korea offers to talk, possibly in an effort to obtain sanctions relief")
        #expect(!article.text.contains("N. Korea offers to talk, possibly"))
        #expect(article.text.hasPrefix("Kim Jong Un's influential sister, Kim Jong Un, said Friday"))
    }

    @Test("broken markup: unclosed tags, entities, <br>, nested tables, comments")
    func brokenMarkup() throws {
        let html = """
        <html><body><div id="story"><p>First paragraph &amp; more, with a no-break&nbsp;space and a curly&#8217;s apostrophe, long enough to count as prose in any page.
        <p>Second paragraph, unclosed, also long enough to be prose, with commas, clauses, and more words.<br>After a line break, the text goes on.
        <table><tr><td><table><tr><td>Nested cell text that is a sentence of the story, written at length, with commas, to score.</td></tr></table></td></tr></table>
        <!-- a comment that must not appear -->
        <script>var hidden = "script text";</script>
        </div></body>
        """
        let article = try #require(extract(html))
        #expect(article.paragraphs.map(\.text) == [
            "First paragraph & more, with a no-break space and a curly\u{2019}s apostrophe, long enough to count as prose in any page.",
            "Second paragraph, unclosed, also long enough to be prose, with commas, clauses, and more words.\nAfter a line break, the text goes on.",
            "Nested cell text that is a sentence of the story, written at length, with commas, to score.",
        ])
    }

    @Test("charsets: meta tag, HTTP header, invalid UTF-8 declared as UTF-8, byte-order mark")
    func charsets() throws {
        let body = "<p>Caf\u{E9} cr\u{E8}me, na\u{EF}ve, r\u{E9}sum\u{E9}: a sentence long enough to be the article, with commas, indeed.</p>"
        let latin1 = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>".utf8)
            + Array(body.unicodeScalars.map { UInt8($0.value) }) + Array("</body></html>".utf8)
        let fromMeta = try #require(HTMLArticleReader.read(latin1))
        #expect(fromMeta.charset == Charset.Choice(name: "windows-1252", source: "meta tag"))
        #expect(fromMeta.article.text.hasPrefix("Caf\u{E9} cr\u{E8}me, na\u{EF}ve"))
        let bare = Array("<html><body>".utf8) + Array(body.unicodeScalars.map { UInt8($0.value) }) + Array("</body></html>".utf8)
        let fromHeader = try #require(HTMLArticleReader.read(bare, httpContentType: "text/html; charset=iso-8859-1"))
        #expect(fromHeader.charset.source == "HTTP header")
        #expect(fromHeader.article.text.hasPrefix("Caf\u{E9}"))
        let lying = Array("<meta charset=\"utf-8\">".utf8) + bare
        #expect(HTMLArticleReader.read(lying)?.charset == Charset.Choice(name: "windows-1252", source: "detected (declared UTF-8 is invalid)"))
        let bom = [0xEF, 0xBB, 0xBF] + Array(("<html><body>" + body + "</body></html>").utf8)
        #expect(HTMLArticleReader.read(bom)?.charset.source == "byte-order mark")
        #expect(HTMLArticleReader.read(bom)?.article.text.hasPrefix("Caf\u{E9}") == true)
    }

    @Test("metadata from JSON-LD when meta tags are missing")
    func jsonLD() throws {
        let html = """
        <html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Dam breaks", \
        "datePublished": "2022-03-01T08:00:00Z", "author": [{"@type": "Person", "name": "A. Reporter"}]}]}</script></head>
        <body><article><p>The dam broke on Monday, flooding three villages, officials said, and rescue teams were sent.</p></article></body></html>
        """
        let metadata = try #require(extract(html)).metadata
        #expect(metadata.title == "Dam breaks")
        #expect(metadata.published == "2022-03-01T08:00:00Z")
        #expect(metadata.byline == "A. Reporter")
    }

    @Test("a page without prose gives no text, not navigation")
    func noProse() throws {
        let html = "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><footer>Copyright</footer></body></html>"
        #expect(try #require(extract(html)).text.isEmpty)
    }
}
