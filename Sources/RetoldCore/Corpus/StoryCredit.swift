/// Whether a text carries a story credit near its start: an agency dateline or byline
/// ("PARIS (AP) -", "GENEVA (AP) To cheers", "By AFP |"), as the source-changed finding reads it.
///
/// Without dates it is evidence of which member of a reuse cluster is the source: the agency's
/// text as run by its clients carries the credit, and copies that rework it often drop it.
public enum StoryCredit {
    /// Credits stand in a page's first sentences: only this many characters are read.
    public static let scannedCharacters = 3_000

    /// Whether `text` carries a credit within its first ``scannedCharacters`` characters.
    public static func isCarried(by text: String) -> Bool {
        var analyzer = TextAnalyzer()
        return CreditCheck.credit(analyzer.analyze(String(text.prefix(scannedCharacters)))) != nil
    }
}
