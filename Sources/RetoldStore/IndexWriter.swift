import Foundation
import Synchronization
import RetoldCore
import RetoldIngest

/// Adds documents to an index in batches: documents are read one at a time, fingerprinted and
/// compressed on all cores a batch at a time, and each batch is stored in one transaction.
/// A killed run therefore loses at most the batch in flight, and running it again skips every
/// document already stored (same content hash) and stores the rest.
public struct IndexWriter: Sendable {
    public let index: any DocumentIndex
    public var batchSize: Int

    /// Postings go to pages all over each key-ordered table, and a transaction writes every page
    /// it touched; with thousands of documents per transaction most pages are written once per
    /// batch instead of once per few documents (an index build is about 3x faster than with 256).
    public static let defaultBatchSize = 4_096

    public init(index: any DocumentIndex, batchSize: Int = IndexWriter.defaultBatchSize) {
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

        // Batches are written on their own thread while the next batch is read and
        // fingerprinted: SQLite takes one writer, so overlapping the two keeps both cores busy.
        // At most one batch is in flight, and `collect` waits for it before anything is reported.
        let writer = DispatchQueue(label: "retold.index-writer")
        let inFlight = DispatchGroup()
        let written = Mutex<Result<[AddOutcome], any Error>?>(nil)
        let index = self.index
        defer { inFlight.wait() }

        func collect() throws {
            inFlight.wait()
            guard let result = written.withLock({ value -> Result<[AddOutcome], any Error>? in
                defer { value = nil }
                return value
            }) else { return }
            for outcome in try result.get() {
                switch outcome {
                case .added(let id): summary.progress.added += 1; summary.addedIDs.append(id)
                case .duplicate: summary.progress.duplicates += 1
                }
            }
            report(summary.progress)
        }

        func flush() throws {
            guard !batch.isEmpty else { return }
            let prepared = ConcurrentMap.mapChunked(batch) { PreparedDocument($0, fingerprinter: fingerprinter) }
            batch.removeAll(keepingCapacity: true)
            var storable = [PreparedDocument]()
            for document in prepared {
                if document.fingerprint.words == 0 {
                    summary.issues.append(IngestIssue(document.source.origin, "no words to index"))
                    summary.progress.rejected += 1
                } else {
                    storable.append(document)
                }
            }
            try collect()
            let ready = storable
            inFlight.enter()
            writer.async {
                let result = Result { try index.add(ready) }
                written.withLock { $0 = result }
                inFlight.leave()
            }
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
            try collect()
        } catch is Stopped {
            try collect()
            summary.interrupted = true
        }
        summary.progress.rejected += summary.ingest.issues.count
        summary.issues = summary.ingest.issues + summary.issues
        report(summary.progress)
        return summary
    }
}
