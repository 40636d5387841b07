/// A line of the page that promotes the outlet rather than telling the story: "Follow Example
/// News for more world news.", "Sign up for our newsletter.", "Download our app for breaking news
/// alerts." Two articles of one outlet share such a line word for word, which is no evidence that
/// one took the other's story, so it weighs as furniture, not as an aligned body sentence.
enum PromotionLine {
    /// The verbs such a line opens with, as an imperative to the reader.
    static let openers: WordSet = ["follow", "subscribe", "sign", "download", "get", "join", "like", "click", "read", "watch", "listen"]
    /// What it offers: the outlet's channels and products, never a fact of a story.
    static let channels: WordSet = [
        "news", "newsletter", "newsletters", "app", "apps", "updates", "alerts", "us", "twitter", "facebook", "instagram",
        "youtube", "tiktok", "telegram", "whatsapp", "podcast", "podcasts", "notifications",
    ]
    /// Longer lines are prose whatever their first word.
    static let maximumWords = 12

    /// Whether the sentence's first word invites the reader to one of the outlet's channels.
    static func contains(_ document: Document, sentence: Int) -> Bool {
        let tokens = document.tokens[document.sentences[sentence].tokens]
        guard let first = tokens.first, tokens.count <= maximumWords, openers.contains(first) else { return false }
        return tokens.dropFirst().contains { channels.contains($0) }
    }
}
