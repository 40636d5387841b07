import Foundation
import RetoldIngest

/// A text as requests carry it: plain text, or an HTML page whose article is extracted.
struct TextPayload: Decodable, Sendable {
    var text: String?
    var html: String?
    /// Shown in reports in place of a file name.
    var name: String?

    /// The document the text becomes, or a 400-worthy reason.
    func document(defaultName: String) throws(APIError) -> IngestedDocument {
        let name = self.name ?? defaultName
        let body: String
        var title: String?, published: String?, outlet: String?, url: String?
        switch (text, html) {
        case (let text?, nil):
            body = text
        case (nil, let html?):
            guard let result = HTMLArticleReader.read(Array(html.utf8)) else {
                throw .badRequest("\(name): the HTML could not be parsed")
            }
            body = result.article.text
            title = result.article.metadata.title
            published = result.article.metadata.published
            outlet = result.article.metadata.siteName
            url = result.article.metadata.url
        case (.some, .some):
            throw .badRequest("\(name): give \"text\" or \"html\", not both")
        case (nil, nil):
            throw .badRequest("\(name): needs a \"text\" or an \"html\" field")
        }
        guard !body.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            throw .badRequest(html != nil ? "\(name): no article text found in the HTML" : "\(name): the text is empty")
        }
        return IngestedDocument(id: name, origin: .init(path: name), text: body, title: title, published: published,
                                url: url, outlet: outlet, format: html != nil ? .html : .text, encoding: "utf-8")
    }
}

struct CompareRequest: Decodable, Sendable {
    var a: TextPayload
    var b: TextPayload
    /// Return each document's text (what the offsets point into) in the report.
    var includeText: Bool?

    enum CodingKeys: String, CodingKey { case a, b, includeText = "include_text" }
}

struct SearchRequest: Decodable, Sendable {
    var text: String?
    var html: String?
    var name: String?
    var limit: Int?
    var passages: Bool?
    var sameEvent: Bool?
    var includeIdentical: Bool?
    /// ISO 8601 window on the indexed documents' publication time.
    var from: String?
    var until: String?
    var outlets: [String]?
    var excludeOutlets: [String]?
    /// The query's own publication time and outlet, for direction and `exclude_own_outlet`.
    var published: String?
    var outlet: String?
    var excludeOwnOutlet: Bool?

    enum CodingKeys: String, CodingKey {
        case text, html, name, limit, passages, from, until, outlets, published, outlet
        case sameEvent = "same_event", includeIdentical = "include_identical", excludeOutlets = "exclude_outlets"
        case excludeOwnOutlet = "exclude_own_outlet"
    }

    var payload: TextPayload { TextPayload(text: text, html: html, name: name) }
}
