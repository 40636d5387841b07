/// One document read from any input: its text (what every command works on, and what offsets
/// refer to) and what is known about it.
public struct IngestedDocument: Sendable, Equatable {
    /// The document's id: the JSONL `id`, the WARC record id, or the file path.
    public var id: String
    /// Where it came from: a path, with the line or record inside it.
    public var origin: Origin
    public var text: String
    public var title: String?
    public var byline: String?
    /// Publication time as given (ISO 8601 in JSONL; the WARC date for crawls without one).
    public var published: String?
    public var url: String?
    public var outlet: String?
    public var language: String?
    /// What the document was read as: text, html, jsonl, warc.
    public var format: InputFormat
    /// The character set the bytes were decoded with, and how it was chosen.
    public var encoding: String
    /// Any other fields (JSONL fields Retold does not use, WARC headers), as given.
    public var metadata: [String: String]

    public struct Origin: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        /// 1-based line (JSONL) or record (WARC) number inside the file.
        public var line: Int?
        public var record: Int?

        public init(path: String, line: Int? = nil, record: Int? = nil) {
            self.path = path
            self.line = line
            self.record = record
        }

        public var description: String {
            if let line { return "\(path):\(line)" }
            if let record { return "\(path) record \(record)" }
            return path
        }
    }

    public init(id: String, origin: Origin, text: String, title: String? = nil, byline: String? = nil, published: String? = nil,
                url: String? = nil, outlet: String? = nil, language: String? = nil, format: InputFormat, encoding: String,
                metadata: [String: String] = [:]) {
        self.id = id
        self.origin = origin
        self.text = text
        self.title = title
        self.byline = byline
        self.published = published
        self.url = url
        self.outlet = outlet
        self.language = language
        self.format = format
        self.encoding = encoding
        self.metadata = metadata
    }
}

/// A record, line or file that could not be read; the batch goes on without it.
public struct IngestIssue: Error, Sendable, Equatable, CustomStringConvertible {
    public var origin: IngestedDocument.Origin
    public var reason: String
    /// For a whole input that could not be read as text, the input error with its own wording.
    public var inputError: InputError?

    public init(_ origin: IngestedDocument.Origin, _ reason: String) {
        self.origin = origin
        self.reason = reason
    }

    /// A whole input that could not be read as text; it keeps the input error's own wording.
    public init(_ origin: IngestedDocument.Origin, inputError: InputError) {
        self.origin = origin
        self.reason = inputError.description
        self.inputError = inputError
    }

    public var description: String { inputError?.description ?? "\(origin): \(reason)" }
}
