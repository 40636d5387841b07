import Hummingbird

/// The page at `/`: plain HTML, CSS and JavaScript compiled into the binary (no build step, no
/// CDN, works offline). Article text is only ever inserted as text nodes, never as markup.
enum WebPage {
    static func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in asset(html, type: "text/html; charset=utf-8") }
        router.get("/app.css") { _, _ in asset(css, type: "text/css; charset=utf-8") }
        router.get("/app.js") { _, _ in asset(script, type: "text/javascript; charset=utf-8") }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Retold: where a text came from and what changed</title>
    <link rel="stylesheet" href="/app.css">
    <script src="/app.js" defer></script>
    </head>
    <body>
    <header>
      <h1>Retold</h1>
      <p>Paste two versions of a story to see what was reused and what changed, or one text to search the index.</p>
      <nav aria-label="Views">
        <button type="button" id="tab-compare" aria-pressed="true">Compare two texts</button>
        <button type="button" id="tab-search" aria-pressed="false">Search the index</button>
        <button type="button" id="tab-clusters" aria-pressed="false">Clusters</button>
      </nav>
    </header>
    <main>
      <section id="view-compare">
        <form id="compare-form">
          <div class="inputs">
            <div>
              <label for="text-a">Text A (the earlier or source version)</label>
              <textarea id="text-a" rows="10" required></textarea>
              <label class="file">Or open a file <input type="file" id="file-a" accept=".txt,.html,.htm,text/*"></label>
            </div>
            <div>
              <label for="text-b">Text B</label>
              <textarea id="text-b" rows="10" required></textarea>
              <label class="file">Or open a file <input type="file" id="file-b" accept=".txt,.html,.htm,text/*"></label>
            </div>
          </div>
          <button type="submit" id="compare-button">Compare</button>
          <span class="status" id="compare-status" role="status" aria-live="polite"></span>
        </form>
        <div id="compare-result" hidden>
          <div id="verdict"></div>
          <div id="coverage"></div>
          <p class="report">
            <button type="button" id="download-report">Download report (HTML)</button>
            <span class="status" id="report-status" role="status" aria-live="polite"></span>
          </p>
          <h2>Findings</h2>
          <ol id="findings"></ol>
          <h2>Side by side</h2>
          <p class="hint">Aligned passages share a colour; changed words are underlined. Select a finding to bring both sides to it.</p>
          <div class="sides">
            <article id="side-a" aria-label="Text A" tabindex="0"></article>
            <article id="side-b" aria-label="Text B" tabindex="0"></article>
          </div>
        </div>
      </section>
      <section id="view-search" hidden>
        <form id="search-form">
          <label for="search-text">Text to look for in the index</label>
          <textarea id="search-text" rows="10" required></textarea>
          <button type="submit">Search</button>
          <span class="status" id="search-status" role="status" aria-live="polite"></span>
        </form>
        <ol id="search-results"></ol>
      </section>
      <section id="view-clusters" hidden>
        <button type="button" id="clusters-load">Load clusters</button>
        <span class="status" id="clusters-status" role="status" aria-live="polite"></span>
        <div id="clusters"></div>
      </section>
    </main>
    </body>
    </html>
    """#

    static let css = #"""
    :root { --ink: #1d2230; --muted: #5b6273; --line: #d8dbe3; --focus: #1b5fd6; font-family: system-ui, sans-serif; color: var(--ink); }
    body { margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem 3rem; line-height: 1.5; }
    h1 { margin: 0.2rem 0; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
    nav button[aria-pressed="true"] { background: var(--ink); color: #fff; }
    button { font: inherit; padding: 0.35rem 0.9rem; border: 1px solid var(--ink); background: #fff; border-radius: 4px; cursor: pointer; }
    button:focus-visible, textarea:focus-visible, article:focus-visible, li:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .inputs { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; margin-bottom: 0.5rem; }
    label { display: block; font-weight: 600; margin: 0.3rem 0; } label.file { font-weight: normal; color: var(--muted); font-size: 0.9rem; }
    textarea { width: 100%; box-sizing: border-box; font: inherit; font-size: 0.9rem; }
    .status { margin-left: 1rem; color: var(--muted); } .status.error { color: #b00020; }
    #verdict { font-size: 1.15rem; margin-top: 1rem; } #verdict strong { text-transform: capitalize; }
    .bar { display: inline-block; width: 12rem; height: 0.7rem; background: #eceef3; vertical-align: middle; margin: 0 0.5rem; }
    .bar span { display: block; height: 100%; background: #4a6fd1; }
    .sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
    .sides article { border: 1px solid var(--line); padding: 0.8rem; max-height: 70vh; overflow: auto; white-space: pre-wrap; font-size: 0.92rem; }
    mark.passage { border-radius: 2px; color: inherit; }
    mark.p0 { background: #fde7a8; } mark.p1 { background: #c8ecd4; } mark.p2 { background: #cfe0fb; } mark.p3 { background: #f6d0e3; }
    mark.p4 { background: #e2d7f7; } mark.p5 { background: #d3f1f1; } mark.p6 { background: #f9dcc4; } mark.p7 { background: #e4edc8; }
    .changed { text-decoration: underline 2px #b00020; text-underline-offset: 3px; }
    .finding-span { outline: 2px solid #b00020; border-radius: 2px; }
    #findings li { margin: 0.3rem 0; padding: 0.2rem 0.4rem; cursor: pointer; border-left: 4px solid var(--line); }
    #findings li.high { border-left-color: #b00020; } #findings li.medium { border-left-color: #d08a00; }
    #findings li[aria-current="true"] { background: #fff4f4; }
    .kind { font-size: 0.8rem; color: var(--muted); margin-right: 0.4rem; text-transform: uppercase; letter-spacing: 0.03em; }
    .timeline { list-style: none; padding-left: 1rem; border-left: 3px solid var(--line); }
    .timeline li { margin: 0.4rem 0; } .timeline time { color: var(--muted); margin-right: 0.6rem; font-variant-numeric: tabular-nums; }
    .cluster { border: 1px solid var(--line); padding: 0.6rem 1rem; margin: 0.8rem 0; }
    .hint { color: var(--muted); font-size: 0.9rem; }
    .report { margin: 0.8rem 0 0; }
    @media (max-width: 800px) { .inputs, .sides { grid-template-columns: 1fr; } }
    """#
}
