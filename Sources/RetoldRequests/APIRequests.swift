import Foundation
import RetoldIngest

/// A text as requests carry it: plain text, or an HTML page whose article is extracted.
public struct TextPayload: Decodable, Sendable {
    public var text: String?
    public var html: String?
    /// Shown in reports in place of a file name.
    public var name: String?

    public init(text: String? = nil, html: String? = nil, name: String? = nil) {
        self.text = text
        self.html = html
        self.name = name
    }

    /// The document the text becomes, or a 400-worthy reason.
    public func document(defaultName: String) throws(RequestProblem) -> IngestedDocument {
        let name = self.name ?? defaultName
        let body: String
        var title: String?, published: String?, outlet: String?, url: String?
        switch (text, html) {
        case (let text?, nil):
            body = text
        case (nil, let html?):
            guard let result = HTMLArticleReader.read(Array(html.utf8)) else {
                throw RequestProblem("\(name): the HTML could not be parsed")
            }
            body = result.article.text
            title = result.article.metadata.title
            published = result.article.metadata.published
            outlet = result.article.metadata.siteName
            url = result.article.metadata.url
        case (.some, .some):
            throw RequestProblem("\(name): give \"text\" or \"html\", not both")
        case (nil, nil):
            throw RequestProblem("\(name): needs a \"text\" or an \"html\" field")
        }
        guard !body.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            throw RequestProblem(html != nil ? "\(name): no article text found in the HTML" : "\(name): the text is empty")
        }
        return IngestedDocument(id: name, origin: .init(path: name), text: body, title: title, published: published,
                                url: url, outlet: outlet, format: html != nil ? .html : .text, encoding: "utf-8")
    }
}

public struct CompareRequest: Decodable, Sendable {
    public var a: TextPayload
    public var b: TextPayload
    /// Return each document's text (what the offsets point into) in the report.
    public var includeText: Bool?
    /// Also pair sentences by meaning with the server's sentence encoder.
    public var semantic: Bool?

    enum CodingKeys: String, CodingKey { case a, b, semantic, includeText = "include_text" }
}

public struct SearchRequest: Decodable, Sendable {
    public var text: String?
    public var html: String?
    public var name: String?
    public var limit: Int?
    public var passages: Bool?
    public var sameEvent: Bool?
    public var includeIdentical: Bool?
    /// ISO 8601 window on the indexed documents' publication time.
    public var from: String?
    public var until: String?
    public var outlets: [String]?
    public var excludeOutlets: [String]?
    /// The query's own publication time and outlet, for direction and `exclude_own_outlet`.
    public var published: String?
    public var outlet: String?
    public var excludeOwnOutlet: Bool?
    /// Also verify the strongest candidates by meaning with the server's sentence encoder.
    public var semantic: Bool?

    enum CodingKeys: String, CodingKey {
        case text, html, name, limit, passages, from, until, outlets, published, outlet, semantic
        case sameEvent = "same_event", includeIdentical = "include_identical", excludeOutlets = "exclude_outlets"
        case excludeOwnOutlet = "exclude_own_outlet"
    }

    public var payload: TextPayload { TextPayload(text: text, html: html, name: name) }
}
