/// The article read out of an HTML page: its metadata and its paragraphs.
public struct ExtractedArticle: Sendable, Equatable {
    public struct Paragraph: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case paragraph, heading, quote, listItem = "list-item", preformatted

            init?(tag: String) {
                switch tag {
                case "h1", "h2", "h3", "h4", "h5", "h6": self = .heading
                case "blockquote": self = .quote
                case "li", "dt", "dd": self = .listItem
                case "pre": self = .preformatted
                case _ where HTMLTree.blockTags.contains(tag) && tag != "br": self = .paragraph
                default: return nil
                }
            }
        }
        public var kind: Kind
        public var text: String
    }

    public var metadata: ArticleMetadata
    public var paragraphs: [Paragraph]

    /// The article text: paragraphs separated by blank lines. Offsets of findings refer to it.
    public var text: String { paragraphs.map(\.text).joined(separator: "\n\n") }

    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp",
        "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "ins", "del", "big", "tt", "label", "nobr",
    ]

    /// Gathers text into paragraphs: a block element starts one, `<br>` breaks a line in it.
    struct ParagraphBuilder {
        var paragraphs: [Paragraph] = []
        var current = ""
        var kinds: [Paragraph.Kind] = []

        /// Source line breaks inside text are only formatting: they become spaces when the
        /// paragraph is flushed; a NUL marks a real `<br>`.
        mutating func append(_ text: String) { current += text }

        mutating func lineBreak() { current += "\u{0}" }

        mutating func startBlock(_ kind: Paragraph.Kind) {
            flush()
            kinds.append(kind)
        }

        mutating func endBlock() {
            flush()
            if !kinds.isEmpty { kinds.removeLast() }
        }

        mutating func finish() { flush() }

        /// Ends the paragraph in progress: whitespace collapsed within each line.
        private mutating func flush() {
            let lines = current.split(separator: "\u{0}", omittingEmptySubsequences: true)
                .map { HTMLTree.collapsingWhitespace(String($0)) }.filter { !$0.isEmpty }
            current = ""
            guard !lines.isEmpty else { return }
            paragraphs.append(Paragraph(kind: kinds.last ?? .paragraph, text: lines.joined(separator: "\n")))
        }
    }
}
