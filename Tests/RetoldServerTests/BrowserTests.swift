import Foundation
import Testing
@testable import RetoldServer

/// The page driven by a real browser: headless Chromium (Debian's `chromium`, which CI installs)
/// opens it with two texts to compare, runs its script, and the rendered DOM is read back.
@Suite(.serialized) struct BrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page's DOM once its script has run (virtual time lets fetches and rendering finish).
    static func renderedPage(_ url: String) throws -> String {
        let browser = try #require(chromium, "headless Chromium is needed: apt-get install chromium")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=" + NSTemporaryDirectory() + "retold-chromium-\(UUID().uuidString)",
                             "--virtual-time-budget=15000", "--dump-dom", url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func side(_ dom: String, _ id: String) -> String {
        guard let start = dom.range(of: "<article id=\"\(id)\"") else { return "" }
        let rest = dom[start.lowerBound...]
        return String(rest[..<(rest.range(of: "</article>")?.upperBound ?? rest.endIndex)])
    }

    @Test func theExamplePairShowsPassagesChangedWordsAndTheSisterFinding() async throws {
        let a = try TestServer.example("000_1fa55ddf9ed85ec1.txt"), b = try TestServer.example("001_b3d10f58ee285008.txt")
        let opening = ServerConfiguration.OpeningComparison(a: .init(name: "A", text: a), b: .init(name: "B", text: b))
        try await TestServer.run(.live, opening: opening) { server in
            let dom = try Self.renderedPage(server.base + "/")
            #expect(dom.contains("<div id=\"compare-result\">"), "the result stayed hidden")
            #expect(dom.contains("<strong>paraphrase</strong>"))
            let sideA = Self.side(dom, "side-a"), sideB = Self.side(dom, "side-b")
            for side in [sideA, sideB] {
                #expect(side.contains("<mark class=\"passage p0"))
                #expect(side.components(separatedBy: "<mark class=\"passage").count - 1 >= 4)
                #expect(side.contains("changed"))
            }
            #expect(sideB.contains("Kim Jong Un"))
            #expect(dom.contains("B names Kim Jong Un as the sister of Kim Jong Un, where A names Kim Yo Jong."))
            #expect(dom.contains("id=\"finding-0-a\"") && dom.contains("id=\"finding-0-b\""))
            #expect(dom.contains("<button type=\"button\" id=\"download-report\">Download report (HTML)</button>"))
        }
    }

    /// Article text is shown as text: markup and event handlers in a submitted article never run.
    @Test func markupInAnArticleIsShownNotRun() async throws {
        let hostile = """
            Officials in Seoul said on Monday <script>document.title = "pwned"</script> that the talks would resume next week.
            The ministry added <img src=x onerror="document.title='pwned'"> that it expected progress on the plan.
            Negotiators from both sides are due to meet in Geneva, the statement said.
            """
        let copy = hostile.replacingOccurrences(of: "Monday", with: "Tuesday")
        let opening = ServerConfiguration.OpeningComparison(a: .init(name: "A", text: hostile), b: .init(name: "B", text: copy))
        try await TestServer.run(.live, opening: opening) { server in
            let dom = try Self.renderedPage(server.base + "/")
            #expect(dom.contains("<title>Retold: where a text came from and what changed</title>"))
            #expect(!dom.contains("pwned</title>"))
            let sideA = Self.side(dom, "side-a")
            #expect(sideA.contains("&lt;script&gt;"), "the script tag is not shown as text")
            #expect(!sideA.contains("<script") && !sideA.contains("<img"))
            #expect(sideA.contains("onerror="))
        }
    }
}
