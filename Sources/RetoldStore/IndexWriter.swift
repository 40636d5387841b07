import Foundation
import RetoldCore
import RetoldIngest

/// Adds documents to an index in batches: documents are read one at a time, fingerprinted and
/// compressed on all cores a batch at a time, and each batch is stored in one transaction.
/// A killed run therefore loses at most the batch in flight, and running it again skips every
/// document already stored (same content hash) and stores the rest.
public struct IndexWriter: Sendable {
    public let index: any DocumentIndex
    public var batchSize: Int

    public init(index: any DocumentIndex, batchSize: Int = 256) {
        self.index = index
        self.batchSize = batchSize
    }

    /// Where an add run stands, for progress displays.
    public struct Progress: Sendable {
        public var documents = 0
        public var added = 0
        public var duplicates = 0
        public var rejected = 0
        /// Text bytes of the documents so far, and the input file the last one came from.
        public var textBytes = 0
        public var currentPath: String?
    }

    public struct Summary: Sendable {
        public var progress = Progress()
        /// What the reader saw: files, skipped records, and every bad file, line or record.
        public var ingest = IngestSummary()
        /// Problems found after reading (a document with no words), with the reader's.
        public var issues: [IngestIssue] = []
        public var addedIDs: [Int64] = []
        /// True when `shouldStop` ended the run early (after a committed batch).
        public var interrupted = false
    }

    private struct Stopped: Error {}

    public func add(_ paths: [String], reader: DocumentReader = DocumentReader(),
                    shouldStop: () -> Bool = { false },
                    progress report: (Progress) -> Void = { _ in }) throws -> Summary {
        var summary = Summary()
        let fingerprinter = index.settings.fingerprinter
        var batch = [IngestedDocument]()
        batch.reserveCapacity(batchSize)

        func flush() throws {
            guard !batch.isEmpty else { return }
            let prepared = ConcurrentMap.mapChunked(batch) { PreparedDocument($0, fingerprinter: fingerprinter) }
            var storable = [PreparedDocument]()
            for document in prepared {
                if document.fingerprint.words == 0 {
                    summary.issues.append(IngestIssue(document.source.origin, "no words to index"))
                    summary.progress.rejected += 1
                } else {
                    storable.append(document)
                }
            }
            for outcome in try index.add(storable) {
                switch outcome {
                case .added(let id): summary.progress.added += 1; summary.addedIDs.append(id)
                case .duplicate: summary.progress.duplicates += 1
                }
            }
            batch.removeAll(keepingCapacity: true)
            report(summary.progress)
        }

        do {
            summary.ingest = try reader.read(paths) { document in
                summary.progress.documents += 1
                summary.progress.textBytes += document.text.utf8.count
                summary.progress.currentPath = document.origin.path
                batch.append(document)
                if batch.count >= batchSize {
                    try flush()
                    if shouldStop() { throw Stopped() }
                }
            }
            try flush()
        } catch is Stopped {
            summary.interrupted = true
        }
        summary.progress.rejected += summary.ingest.issues.count
        summary.issues = summary.ingest.issues + summary.issues
        report(summary.progress)
        return summary
    }
}

extension ConcurrentMap {
    /// Like `map`, in contiguous chunks (one per core and then some), for cheap transforms.
    static func mapChunked<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunks > 1 else { return items.map(transform) }
        let size = (items.count + chunks - 1) / chunks
        let ranges = stride(from: 0, to: items.count, by: size).map { $0..<min($0 + size, items.count) }
        return map(ranges) { range in items[range].map(transform) }.flatMap { $0 }
    }
}
