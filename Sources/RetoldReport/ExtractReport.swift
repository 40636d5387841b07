import RetoldIngest

/// What `retold extract --format json` writes for each document: one JSON object per line,
/// schema `retold.document` version 1 (`schemas/retold.document.v1.json`).
public struct DocumentReport: Encodable, Sendable {
    public let schema = "retold.document"
    public let version = 1
    public var id: String
    public var origin: String
    public var format: String
    public var encoding: String
    public var title: String?
    public var byline: String?
    public var published: String?
    public var url: String?
    public var outlet: String?
    public var language: String?
    public var metadata: [String: String]
    public var characters: Int
    public var text: String

    public init(_ document: IngestedDocument) {
        id = document.id
        origin = document.origin.description
        format = document.format.rawValue
        encoding = document.encoding
        title = document.title
        byline = document.byline
        published = document.published
        url = document.url
        outlet = document.outlet
        language = document.language
        metadata = document.metadata
        characters = document.text.count
        text = document.text
    }

    enum CodingKeys: String, CodingKey {
        case schema, version, id, origin, format, encoding, title, byline, published, url, outlet, language, metadata, characters, text
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
