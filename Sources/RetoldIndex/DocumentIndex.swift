import RetoldCore

/// The corpus index as search and clustering see it. SQLite (one file, one writer) and
/// PostgreSQL (a shared database, many writers and servers) implement it, and give the same
/// answers: every caller stays unchanged.
///
/// Every call is async: SQLite runs on GRDB's own queues and PostgreSQL on postgres-nio's pool, so
/// no caller's thread (an HTTP handler, a link-building task) waits on the store. CPU-bound work
/// over what the store returns (alignment, fingerprints) runs on ``ComputePool``, not here.
///
/// Writes are atomic per batch: after a crash or kill, a batch is either fully stored or absent.
public protocol DocumentIndex: Sendable {
    var settings: IndexSettings { get }

    /// Stores a batch in one transaction; a text already stored (same content hash) is a duplicate.
    func add(_ batch: [PreparedDocument]) async throws -> [AddOutcome]
    /// Removes a document with its postings and links; false when there is no such id.
    func remove(_ id: Int64) async throws -> Bool

    /// Documents holding any of the band keys (one key per band, in band order), with the
    /// number of keys each holds.
    func bandMatches(_ keys: [Int64]) async throws -> [Int64: Int]
    /// For each anchor or passage key held by at most `maxDocuments` documents, those documents;
    /// keys held by more are too common to tell texts apart and come back with `nil`.
    func featurePostings(_ kind: FeatureKind, _ keys: [Int64], maxDocuments: Int) async throws -> [Int64: [Int64]?]

    func documents(_ ids: [Int64], withText: Bool) async throws -> [StoredDocument]
    func document(contentHash: ContentHash) async throws -> StoredDocument?
    /// Ids in ascending order, after `id`, at most `limit`.
    func documentIDs(after id: Int64, limit: Int) async throws -> [Int64]
    func count() async throws -> Int
    func stats() async throws -> IndexStats

    /// Documents whose links are not computed yet, in ascending id order, after `id`.
    ///
    /// A flag per document rather than an id watermark: with several concurrent writers, ids
    /// are not committed in order, and a watermark could pass a document committed late.
    func unlinkedDocumentIDs(after id: Int64, limit: Int) async throws -> [Int64]
    /// Stores verified links (once per pair) and marks `checked` documents as linked, atomically.
    func storeLinks(_ links: [StoredLink], checked: [Int64]) async throws
    func links() async throws -> [StoredLink]
}

/// The two posting lists besides LSH bands.
public enum FeatureKind: String, Sendable, CaseIterable {
    case anchor
    case passage
}
