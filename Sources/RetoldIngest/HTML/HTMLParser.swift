import CLibXML2

/// Parses HTML with libxml2's forgiving HTML parser (unclosed tags closed, entities decoded,
/// broken markup recovered) into an `HTMLTree`.
public enum HTMLParser {
    /// Parses `bytes` decoded with `charset` (a name libxml2 knows, such as "UTF-8" or
    /// "windows-1252"). Returns nil only when libxml2 produces no document at all.
    public static func parse(_ bytes: [UInt8], charset: String) -> HTMLTree? {
        retold_xml_silence()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                htmlReadMemory(base, Int32(buffer.count), nil, charset, options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        var tree = HTMLTree()
        var child = document.pointee.children
        while let node = child {
            build(node, parent: 0, into: &tree)
            child = node.pointee.next
        }
        return tree
    }

    /// Subtrees never read: they hold code, styling or embedded media, not article text.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                                       "canvas", "video", "audio", "select", "textarea", "button", "input"]
    static let keptAttributes: Set<String> = [
        "class", "id", "role", "itemprop", "property", "name", "content", "href", "datetime", "rel", "type", "hidden",
        "aria-hidden", "style", "charset", "http-equiv", "itemtype", "lang",
    ]

    /// The attributes extraction reads (`keptAttributes`), lowercased names, values decoded.
    private static func keptAttributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name).lowercased()
            if keptAttributes.contains(name) {
                let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                attributes[name] = value.map { String(cString: $0) } ?? ""
                if let value { retold_xml_free(value) }
            }
            attribute = current.pointee.next
        }
        return attributes
    }

    private static func build(_ node: xmlNodePtr, parent: Int, into tree: inout HTMLTree) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let tag = String(cString: node.pointee.name).lowercased()
            let attributes = keptAttributes(of: node)
            // <head> is skipped as text but its <title> and <meta> carry metadata: keep them.
            if tag == "head" {
                let index = tree.append(.init(kind: .element, tag: tag, text: "", attributes: attributes, parent: parent, children: []))
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_ELEMENT_NODE {
                        let name = String(cString: current.pointee.name).lowercased()
                        if name == "title" || name == "meta" || name == "link" || name == "script" { buildMetadata(current, name: name, parent: index, into: &tree) }
                    }
                    child = current.pointee.next
                }
                return
            }
            if skipped.contains(tag) {
                // JSON-LD in the body still describes the article.
                if tag == "script" { buildMetadata(node, name: tag, parent: parent, into: &tree) }
                return
            }
            let index = tree.append(.init(kind: .element, tag: tag, text: "", attributes: attributes, parent: parent, children: []))
            var child = node.pointee.children
            while let current = child {
                build(current, parent: index, into: &tree)
                child = current.pointee.next
            }
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return }
            let text = String(cString: content)
            if text.isEmpty { return }
            _ = tree.append(.init(kind: .text, tag: "", text: text, attributes: [:], parent: parent, children: []))
        case XML_ENTITY_REF_NODE:
            if let content = xmlNodeGetContent(node) {
                _ = tree.append(.init(kind: .text, tag: "", text: String(cString: content), attributes: [:], parent: parent, children: []))
                retold_xml_free(content)
            }
        default:
            return  // comments, processing instructions, DTD
        }
    }

    /// A <title>, <meta>, <link> or JSON-LD <script> kept whole: metadata, not article text.
    private static func buildMetadata(_ node: xmlNodePtr, name: String, parent: Int, into tree: inout HTMLTree) {
        let attributes = keptAttributes(of: node)
        if name == "script" && !(attributes["type"]?.lowercased().contains("ld+json") ?? false) { return }
        var text = ""
        if name == "title" || name == "script", let content = xmlNodeGetContent(node) {
            text = String(cString: content)
            retold_xml_free(content)
        }
        let index = tree.append(.init(kind: .element, tag: name, text: "", attributes: attributes, parent: parent, children: []))
        if !text.isEmpty { _ = tree.append(.init(kind: .text, tag: "", text: text, attributes: [:], parent: index, children: [])) }
    }
}
