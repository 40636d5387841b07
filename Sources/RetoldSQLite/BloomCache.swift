import Foundation
import GRDB
import Synchronization

/// The Bloom filters of an index's posting runs, read once per run and kept: a run never changes
/// after its transaction commits, and its id is never reused, so a filter cached by run id stays
/// right. Filters of runs merged away are dropped when a lookup no longer sees them.
final class BloomCache: Sendable {
    private let filters = Mutex<[Int64: (kind: String, filter: BloomFilter)]>([:])

    /// The runs of `kind` the transaction of `db` sees, oldest first, with their filters.
    func runs(kind: String, _ db: Database) throws -> [(run: Int64, bloom: BloomFilter)] {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM posting_run WHERE kind = ? ORDER BY id", arguments: [kind])
        let cached = filters.withLock { filters in
            let live = Set(ids)
            filters = filters.filter { $0.value.kind != kind || live.contains($0.key) }
            return filters
        }
        var runs: [(run: Int64, bloom: BloomFilter)] = []
        for id in ids {
            if let entry = cached[id] {
                runs.append((id, entry.filter))
                continue
            }
            let bytes = try Data.fetchOne(db, sql: "SELECT bloom FROM posting_run WHERE id = ?", arguments: [id]) ?? Data()
            guard let filter = BloomFilter(bytes: [UInt8](bytes)) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "posting run \(id) has a damaged Bloom filter")
            }
            filters.withLock { $0[id] = (kind, filter) }
            runs.append((id, filter))
        }
        return runs
    }
}
