import Foundation

/// What a page says about its article: title, byline, publication date, site, canonical URL and
/// language, from Open Graph and article meta tags, schema.org JSON-LD and microdata, and the
/// page's own elements as a fallback.
public struct ArticleMetadata: Sendable, Equatable {
    public var title: String?
    public var byline: String?
    /// As the page states it (usually ISO 8601).
    public var published: String?
    public var siteName: String?
    public var url: String?
    public var language: String?

    public init(title: String? = nil, byline: String? = nil, published: String? = nil, siteName: String? = nil,
                url: String? = nil, language: String? = nil) {
        self.title = title
        self.byline = byline
        self.published = published
        self.siteName = siteName
        self.url = url
        self.language = language
    }

    init(_ tree: HTMLTree) {
        var meta: [String: String] = [:]
        for index in tree.elements("meta") {
            let node = tree.nodes[index]
            guard let content = node.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty else { continue }
            for key in [node.attribute("property"), node.attribute("name"), node.attribute("itemprop")].compactMap({ $0?.lowercased() })
            where meta[key] == nil {
                meta[key] = content
            }
        }
        let linked = JSONLinkedData(tree)
        func nonEmpty(_ values: String?...) -> String? {
            values.lazy.compactMap { $0.map(HTMLTree.collapsingWhitespace) }.first { !$0.isEmpty }
        }
        let h1 = tree.elements("h1").first.map { tree.text(of: $0) }
        let titleElement = tree.elements("title").first.map { tree.text(of: $0) }
        title = nonEmpty(meta["og:title"], meta["twitter:title"], linked.headline, h1, titleElement)
        byline = nonEmpty(meta["author"], meta["article:author"].flatMap { $0.hasPrefix("http") ? nil : $0 }, linked.author,
                          meta["byl"], meta["dc.creator"], Self.bylineElement(tree))
        published = nonEmpty(meta["article:published_time"], meta["datepublished"], linked.datePublished, meta["pubdate"],
                             meta["publishdate"], meta["dc.date"], meta["date"], Self.firstTime(tree))
        siteName = nonEmpty(meta["og:site_name"], linked.publisher)
        url = nonEmpty(tree.elements("link").first { tree.nodes[$0].attribute("rel")?.lowercased() == "canonical" }
            .flatMap { tree.nodes[$0].attribute("href") }, meta["og:url"])
        language = nonEmpty(tree.elements("html").first.flatMap { tree.nodes[$0].attribute("lang") }, meta["og:locale"])
    }

    /// A short element marked as the author: rel="author", itemprop="author", class "byline".
    static func bylineElement(_ tree: HTMLTree) -> String? {
        for (index, node) in tree.nodes.enumerated() where node.kind == .element {
            let marked = node.attribute("rel")?.lowercased() == "author" || node.attribute("itemprop")?.lowercased() == "author"
                || BoilerplateSignals.words(node.attribute("class") ?? "").contains { $0 == "byline" || $0 == "author" }
            guard marked else { continue }
            let text = tree.text(of: index)
            if !text.isEmpty && text.count <= 100 { return text }
        }
        return nil
    }

    /// The first `<time datetime>` in the page.
    static func firstTime(_ tree: HTMLTree) -> String? {
        tree.elements("time").lazy.compactMap { tree.nodes[$0].attribute("datetime") }.first
    }
}

/// schema.org fields from `<script type="application/ld+json">` blocks.
struct JSONLinkedData {
    var headline: String?
    var author: String?
    var datePublished: String?
    var publisher: String?

    init(_ tree: HTMLTree) {
        for index in tree.elements("script") {
            let text = tree.nodes[index].children.map { tree.nodes[$0].text }.joined()
            guard let data = text.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) else { continue }
            visit(object)
        }
    }

    private mutating func visit(_ object: Any) {
        if let array = object as? [Any] { array.forEach { visit($0) }; return }
        guard let dictionary = object as? [String: Any] else { return }
        if let graph = dictionary["@graph"] { visit(graph) }
        let type = (dictionary["@type"] as? String) ?? ((dictionary["@type"] as? [String])?.first ?? "")
        guard type.hasSuffix("Article") || type == "BlogPosting" || type == "Report" || type == "WebPage" && headline == nil else { return }
        if headline == nil { headline = dictionary["headline"] as? String }
        if datePublished == nil { datePublished = dictionary["datePublished"] as? String }
        if author == nil { author = Self.names(dictionary["author"]) }
        if publisher == nil { publisher = Self.names(dictionary["publisher"]) }
    }

    static func names(_ value: Any?) -> String? {
        if let name = value as? String { return name }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let array = value as? [Any] {
            let all = array.compactMap { names($0) }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        }
        return nil
    }
}
