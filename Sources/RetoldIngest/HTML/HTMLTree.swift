/// A parsed HTML page reduced to what article extraction needs: elements with their tag and a
/// few attributes, and text. Built once from libxml2's tree, then read without C calls.
public struct HTMLTree: Sendable {
    public struct Node: Sendable {
        public enum Kind: Sendable { case element, text }
        public var kind: Kind
        /// Lowercased tag name for elements; empty for text.
        public var tag: String
        /// Text content for text nodes (entities decoded by the parser).
        public var text: String
        /// Attributes kept: class, id, role, itemprop, property, name, content, href, datetime,
        /// rel, type, hidden, aria-hidden, style, charset, http-equiv.
        public var attributes: [String: String]
        public var parent: Int
        public var children: [Int]

        public func attribute(_ name: String) -> String? { attributes[name] }
    }

    /// Node 0 is the document root (tag "#document").
    public internal(set) var nodes: [Node]

    init() {
        nodes = [Node(kind: .element, tag: "#document", text: "", attributes: [:], parent: -1, children: [])]
    }

    mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        let index = nodes.count - 1
        if node.parent >= 0 { nodes[node.parent].children.append(index) }
        return index
    }

    /// Elements with this tag, in document order.
    public func elements(_ tag: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].tag == tag }
    }

    /// All text under a node, with whitespace runs collapsed to single spaces.
    public func text(of index: Int) -> String {
        var out = ""
        appendText(index, to: &out)
        return Self.collapsingWhitespace(out)
    }

    private func appendText(_ index: Int, to out: inout String) {
        let node = nodes[index]
        if node.kind == .text { out += node.text; return }
        for child in node.children { appendText(child, to: &out); if Self.blockTags.contains(nodes[child].tag) { out += " " } }
    }

    /// Tags that break a line or start a paragraph.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tbody", "thead", "tfoot", "tr", "td", "th",
        "figure", "figcaption", "form", "fieldset", "address", "hr", "br", "center", "details", "summary", "body", "html",
    ]

    /// Collapses runs of whitespace (including no-break spaces) to one space and trims the ends.
    public static func collapsingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }
}
