/// Bytes of an HTML page in, the article out: charset chosen, page parsed, article extracted.
public enum HTMLArticleReader {
    public struct Result: Sendable {
        public var article: ExtractedArticle
        public var charset: Charset.Choice
    }

    public static func read(_ bytes: [UInt8], httpContentType: String? = nil) -> Result? {
        var charset = Charset.choose(bytes, httpContentType: httpContentType)
        var tree = HTMLParser.parse(bytes, charset: charset.name)
        if tree == nil || tree!.nodes.count <= 1 {
            // An encoding libxml2 does not know: read the bytes as UTF-8 or Windows-1252 instead.
            charset = Charset.Choice(name: Charset.isValidUTF8(bytes) ? "UTF-8" : "windows-1252", source: "detected (declared \(charset.name) unsupported)")
            tree = HTMLParser.parse(bytes, charset: charset.name)
        }
        guard let tree else { return nil }
        return Result(article: ArticleExtractor().extract(tree), charset: charset)
    }
}
