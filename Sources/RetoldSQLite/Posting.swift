/// One posting: a fingerprint key (LSH band, anchor or passage feature) and a document holding it.
/// Runs keep postings sorted by key, then document.
struct Posting: Comparable, Hashable, Sendable {
    var key: Int64
    var document: Int64

    static func < (l: Posting, r: Posting) -> Bool {
        l.key != r.key ? l.key < r.key : l.document < r.document
    }
}
