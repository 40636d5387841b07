import RetoldCore
import RetoldIngest
import RetoldIndex

/// One document as `retold fingerprint` writes it: what the index would store about it, without
/// an index (schemas/retold.fingerprint.v1.json). A batch job groups the keys across documents
/// to find candidate pairs, as the index's postings do.
struct FingerprintLine: Codable, Equatable {
    var schema = "retold.fingerprint"
    var version = 1
    var sourceId: String
    var origin: String
    var contentHash: String
    var words: Int
    var published: String?
    /// Seconds since 1970, when `published` parses as ISO 8601 (as the index stores it).
    var publishedAt: Double?
    var outlet: String?
    var title: String?
    var url: String?
    /// Whether the text carries an agency credit, as a cluster member without a date: always
    /// false for a dated document, whose date decides before any credit does.
    var credit: Bool
    var bandKeys: [Int64]
    var anchorKeys: [Int64]
    var passageKeys: [Int64]
    /// The text, with `--with-text`: what a batch job verifies candidate pairs with.
    var text: String?

    enum CodingKeys: String, CodingKey {
        case schema, version, origin, words, published, outlet, title, url, credit, text
        case sourceId = "source_id", contentHash = "content_hash", publishedAt = "published_at"
        case bandKeys = "band_keys", anchorKeys = "anchor_keys", passageKeys = "passage_keys"
    }

    init(_ source: IngestedDocument, fingerprint: DocumentFingerprint, withText: Bool) {
        sourceId = source.id
        origin = source.origin.description
        contentHash = fingerprint.contentHash.description
        words = fingerprint.words
        published = source.published
        publishedAt = source.published.flatMap(ISO8601.parse)?.timeIntervalSince1970
        outlet = source.outlet
        title = source.title
        url = source.url
        credit = publishedAt == nil && StoryCredit.isCarried(by: source.text)
        bandKeys = fingerprint.bandKeys
        anchorKeys = fingerprint.anchorKeys
        passageKeys = fingerprint.passageKeys
        text = withText ? source.text : nil
    }
}
