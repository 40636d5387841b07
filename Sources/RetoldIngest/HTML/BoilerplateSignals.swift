/// What an element's tag, role, class and id say about whether it holds article text.
///
/// Class and id values are split into words ("related-stories__list" -> related, stories,
/// list) and matched word by word, so "head-line" never matches "ad".
enum BoilerplateSignals {
    /// Elements that hold site furniture, not the story.
    static let furnitureTags: Set<String> = ["nav", "footer", "aside", "header", "menu", "dialog", "figcaption"]
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog", "alertdialog", "toolbar",
    ]
    /// Whole class or id words that mark furniture.
    static let negativeWords: Set<String> = [
        "ad", "ads", "adv", "advert", "advertisement", "advertising", "sponsor", "sponsored", "promo", "promoted", "share",
        "sharing", "shares", "social", "comment", "comments", "related", "recommended", "recommendations", "newsletter",
        "subscribe", "subscription", "signup", "sidebar", "breadcrumb", "breadcrumbs", "footer", "masthead", "menu", "nav",
        "navbar", "navigation", "popup", "modal", "skip", "toolbar", "widget", "widgets", "banner", "outbrain", "taboola",
        "paywall", "byline", "caption", "credit", "credits", "trending", "popular", "disqus", "pagination", "pager", "tags",
        "tag", "cookie", "cookies", "consent", "gdpr", "login", "print", "rss", "hidden", "sr", "visually", "offscreen",
        "teaser", "teasers", "more", "next", "prev", "previous", "author", "bio", "dateline", "timestamp", "meta", "follow",
        "sharebar", "toc", "jump", "infobox", "supplemental", "complementary", "overlay", "cta", "donate", "upsell",
    ]
    /// Word prefixes that mark furniture ("commentlist", "sharetools", "relatedarticles").
    static let negativePrefixes = ["comment", "share", "social", "related", "newsletter", "subscri", "sidebar", "breadcrumb",
                                   "footer", "navbar", "popup", "cookie", "outbrain", "taboola", "recommend", "advert", "sponsor", "promo"]
    /// Words that mark the story body.
    static let positiveWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text", "blog", "prose", "richtext",
        "paragraph", "storybody", "postbody", "entrycontent", "maincontent", "articletext", "storytext", "news",
    ]

    /// Words of a class or id value, lowercased: split at every ASCII byte that is not a letter
    /// or digit (class names are ASCII; other bytes stay inside their word). Every element of a
    /// page goes through here, so it works on bytes.
    static func words(_ value: String) -> [Substring] {
        var result: [Substring] = []
        let lower = value.lowercased()
        let utf8 = lower.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            let separates = byte < 0x80 && !((0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte))
            if separates {
                if start != index { result.append(lower[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { result.append(lower[start...]) }
        return result
    }

    /// +1 when class and id point at the story, -1 when at furniture, 0 otherwise or both.
    static func classWeight(_ node: HTMLTree.Node) -> Int {
        let classNames = node.attribute("class"), id = node.attribute("id")
        if classNames == nil && id == nil { return 0 }
        let all = words((classNames ?? "") + " " + (id ?? ""))
        guard !all.isEmpty else { return 0 }
        let positive = all.contains { positiveWords.contains(String($0)) }
        // "non-ad-column", "no-comments": a negated word says nothing against the element.
        let negative = all.indices.contains { i in
            let word = all[i]
            if i > 0, all[i - 1] == "non" || all[i - 1] == "no" || all[i - 1] == "not" { return false }
            return negativeWords.contains(String(word)) || negativePrefixes.contains { word.hasPrefix($0) }
        }
        if positive && !negative { return 1 }
        if negative && !positive { return -1 }
        return 0
    }

    /// Hidden from readers: `hidden`, `aria-hidden="true"`, `display: none`.
    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        if node.attribute("hidden") != nil { return true }
        if node.attribute("aria-hidden")?.lowercased() == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }

    /// Whether a whole subtree is furniture to drop before scoring. `classWeight` is the node's
    /// `classWeight(_:)`, or 0 to decide on tags and roles alone.
    static func isFurniture(_ node: HTMLTree.Node, classWeight: Int) -> Bool {
        guard node.kind == .element else { return false }
        if ["html", "body", "main", "article"].contains(node.tag) { return isHidden(node) }
        if isHidden(node) || furnitureTags.contains(node.tag) { return true }
        if let role = node.attribute("role")?.lowercased(), furnitureRoles.contains(role) { return true }
        if node.attribute("itemprop")?.lowercased() == "articlebody" { return false }
        return classWeight < 0
    }
}
