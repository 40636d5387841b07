import Foundation

/// One document per line: `{"id": ..., "text": ... | "html": ..., "url", "title", "outlet",
/// "published" (ISO 8601), "language", ...}`. Unknown fields are kept as metadata.
public enum JSONLDocuments {
    static let knownFields: Set<String> = ["id", "text", "html", "url", "title", "outlet", "published", "language"]

    static func read<S: ByteSource>(_ reader: inout BufferedReader<S>, path: String, maxBytes: Int,
                                    summary: inout IngestSummary, _ each: (IngestedDocument) throws -> Void) throws {
        var number = 0
        while let line = try reader.readLine(maxBytes: maxBytes) {
            number += 1
            let origin = IngestedDocument.Origin(path: path, line: number)
            switch line {
            case .tooLong(let length):
                summary.issues.append(IngestIssue(origin, "line is \(InputError.size(length)), over the \(InputError.size(maxBytes)) limit"))
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                summary.bytes += bytes.count
                switch document(bytes, origin: origin) {
                case .success(let document):
                    summary.documents += 1
                    try each(document)
                case .failure(let issue):
                    summary.issues.append(issue)
                }
            }
        }
    }

    static func document(_ bytes: [UInt8], origin: IngestedDocument.Origin) -> Result<IngestedDocument, IngestIssue> {
        guard String(validating: bytes, as: UTF8.self) != nil else { return .failure(IngestIssue(origin, "not valid UTF-8")) }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            return .failure(IngestIssue(origin, "not valid JSON"))
        }
        return document(object, origin: origin)
    }

    /// A document from one parsed JSON value, with the same fields and checks as a JSONL line.
    public static func document(_ object: Any, origin: IngestedDocument.Origin) -> Result<IngestedDocument, IngestIssue> {
        guard let fields = object as? [String: Any] else { return .failure(IngestIssue(origin, "not a JSON object")) }
        func string(_ key: String) -> Result<String?, IngestIssue> {
            switch fields[key] {
            case nil, is NSNull: return .success(nil)
            case let value as String: return .success(value)
            default: return .failure(IngestIssue(origin, "\"\(key)\" must be a string"))
            }
        }
        do throws(IngestIssue) {
            let id: String
            switch fields["id"] {
            case let value as String where !value.isEmpty: id = value
            case let value as NSNumber where String(cString: value.objCType) != "c": id = value.stringValue
            case nil: id = origin.description
            default: return .failure(IngestIssue(origin, "\"id\" must be a non-empty string or a number"))
            }
            let text = try string("text").get(), html = try string("html").get()
            var body: String
            var title = try string("title").get(), published = try string("published").get()
            var language = try string("language").get(), url = try string("url").get()
            let outlet = try string("outlet").get()
            var byline: String?
            if let text {
                body = text
            } else if let html {
                guard let result = HTMLArticleReader.read(Array(html.utf8)) else { return .failure(IngestIssue(origin, "\"html\" could not be parsed")) }
                body = result.article.text
                let page = result.article.metadata
                title = title ?? page.title
                published = published ?? page.published
                language = language ?? page.language
                url = url ?? page.url
                byline = page.byline
            } else {
                return .failure(IngestIssue(origin, "needs a \"text\" or an \"html\" field"))
            }
            if body.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                return .failure(IngestIssue(origin, html != nil && text == nil ? "no article text found in \"html\"" : "\"text\" is empty"))
            }
            if let published, ISO8601.parse(published) == nil {
                return .failure(IngestIssue(origin, "\"published\" is not an ISO 8601 date or time: \(published.prefix(40))"))
            }
            var metadata: [String: String] = [:]
            for (key, value) in fields where !knownFields.contains(key) {
                metadata[key] = (value as? String) ?? Self.json(value)
            }
            if html != nil && text == nil { metadata["source"] = "html" }
            return .success(IngestedDocument(id: id, origin: origin, text: body, title: title, byline: byline, published: published,
                                             url: url, outlet: outlet, language: language, format: .jsonl, encoding: "utf-8", metadata: metadata))
        } catch {
            return .failure(error)
        }
    }

    static func json(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }
}
