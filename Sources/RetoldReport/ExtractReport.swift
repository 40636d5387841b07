import RetoldIngest

/// What `retold extract --format json` writes for each document: one JSON object per line,
/// schema `retold.document` version 1 (`schemas/retold.document.v1.json`).
public struct DocumentReport: Encodable, Sendable {
    public var document: IngestedDocument

    public init(_ document: IngestedDocument) { self.document = document }

    enum CodingKeys: String, CodingKey {
        case schema, version, id, origin, format, encoding, title, byline, published, url, outlet, language, metadata, characters, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("retold.document", forKey: .schema)
        try container.encode(1, forKey: .version)
        try container.encode(document.id, forKey: .id)
        try container.encode(document.origin.description, forKey: .origin)
        try container.encode(document.format.rawValue, forKey: .format)
        try container.encode(document.encoding, forKey: .encoding)
        try container.encodeIfPresent(document.title, forKey: .title)
        try container.encodeIfPresent(document.byline, forKey: .byline)
        try container.encodeIfPresent(document.published, forKey: .published)
        try container.encodeIfPresent(document.url, forKey: .url)
        try container.encodeIfPresent(document.outlet, forKey: .outlet)
        try container.encodeIfPresent(document.language, forKey: .language)
        try container.encode(document.metadata, forKey: .metadata)
        try container.encode(document.text.count, forKey: .characters)
        try container.encode(document.text, forKey: .text)
    }
}

/// The terminal view of an extracted document: a header of what is known, then the text.
public enum DocumentRenderer {
    public static func render(_ document: IngestedDocument, style: TerminalStyle) -> String {
        var out = style.bold("── \(document.origin)") + "  " + style.dim("\(document.format.rawValue), \(document.encoding)") + "\n"
        let fields: [(String, String?)] = [
            ("id", document.id == document.origin.path ? nil : document.id), ("title", document.title), ("byline", document.byline),
            ("published", document.published), ("url", document.url), ("outlet", document.outlet), ("language", document.language),
        ] + document.metadata.sorted { $0.key < $1.key }.map { ($0.key, Optional($0.value)) }
        for (name, value) in fields {
            guard let value, !value.isEmpty else { continue }
            out += style.dim(name.padding(toLength: 10, withPad: " ", startingAt: 0)) + " " + value + "\n"
        }
        out += "\n" + document.text + "\n\n"
        return out
    }
}
