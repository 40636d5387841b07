/// How much memory SQLite's own page caches may take: one cache for the writer connection and
/// one per reader (up to five readers).
///
/// Bulk loading wants a large writer cache, so that posting inserts touch the disk once per page
/// rather than once per row; a long-running server wants a small bound, because every cache fills
/// up to its size over hours of lookups and the operating system already caches the file for all
/// connections at once.
public struct PageCacheBudget: Sendable, Hashable {
    public var writerKiB: Int
    public var readerKiB: Int

    public init(writerKiB: Int, readerKiB: Int) {
        self.writerKiB = writerKiB
        self.readerKiB = readerKiB
    }

    /// `index add` and the other batch commands: 256 MiB for the writer, 64 MiB per reader.
    public static let bulkLoading = PageCacheBudget(writerKiB: 262_144, readerKiB: 65_536)

    /// `retold serve`: 32 MiB for the writer (documents arrive in small batches), 8 MiB per reader
    /// (a search touches a few hundred pages), so the server's memory stays flat once warm.
    public static let serving = PageCacheBudget(writerKiB: 32_768, readerKiB: 8_192)
}
