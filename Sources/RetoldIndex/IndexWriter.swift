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
    /// Documents per transaction; nil sizes batches to the index (`automaticBatchSize`).
    public var batchSize: Int?

    /// PostgreSQL's postings go to pages all over each key-ordered partition, and a transaction
    /// writes every page it touched, so the more documents per transaction, the fewer times each
    /// page is written; SQLite writes each batch's postings as a sorted run, and larger runs mean
    /// fewer merges. Batches grow with the index (a twentieth of it), from 4,096 to 16,384
    /// documents, which keeps memory under about 700 MB.
    public static func automaticBatchSize(indexed: Int) -> Int {
        min(16_384, max(4_096, indexed / 20))
    }

    public init(index: any DocumentIndex, batchSize: Int? = nil) {
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

    /// What the reading thread hands to the writing task: a prepared batch, or the end of input.
    private enum Handoff: Sendable {
        case batch([PreparedDocument], issues: [IngestIssue], read: Progress)
        case end(IngestSummary, read: Progress, interrupted: Bool)
    }

    /// Reads `paths` and stores their documents.
    ///
    /// Files are read, fingerprinted and compressed on a thread of their own (blocking file I/O
    /// and CPU work, kept off Swift's cooperative pool) while the previous batch is written:
    /// SQLite takes one writer, so overlapping the two keeps both cores busy. At most one batch
    /// waits for its write, and `progress` is called after each committed batch.
    public func add(_ paths: [String], reader: DocumentReader = DocumentReader(),
                    shouldStop: @escaping @Sendable () -> Bool = { false },
                    progress report: (Progress) -> Void = { _ in }) async throws -> Summary {
        let alreadyIndexed = batchSize == nil ? try await index.count() : 0
        let fixedBatchSize = batchSize
        let added = Atomic<Int>(0)
        // The reader waits for room before handing over a batch: one batch in flight. Created
        // at 0 and signalled once rather than created at 1: libdispatch traps when a semaphore
        // is freed below its starting value, which a write failing while the reader waits
        // would leave it at.
        let room = DispatchSemaphore(value: 0)
        room.signal()
        let abandoned = Atomic<Bool>(false)
        let (handoffs, channel) = AsyncThrowingStream<Handoff, any Error>.makeStream()
        let writer = self

        DispatchQueue.global().async {
            var read = Progress()
            var batch = [IngestedDocument]()
            func flush() throws {
                guard !batch.isEmpty else { return }
                let (ready, _, issues) = writer.prepare(batch)
                batch.removeAll(keepingCapacity: true)
                room.wait()
                if abandoned.load(ordering: .relaxed) { throw Stopped() }
                channel.yield(.batch(ready, issues: issues, read: read))
            }
            do {
                let ingest = try reader.read(paths) { document in
                    read.documents += 1
                    read.textBytes += document.text.utf8.count
                    read.currentPath = document.origin.path
                    batch.append(document)
                    if batch.count >= fixedBatchSize ?? Self.automaticBatchSize(indexed: alreadyIndexed + added.load(ordering: .relaxed)) {
                        try flush()
                        if shouldStop() { throw Stopped() }
                    }
                }
                try flush()
                channel.yield(.end(ingest, read: read, interrupted: false))
                channel.finish()
            } catch is Stopped {
                // Documents read after the last handed batch are not stored: the run says it
                // was interrupted, and running it again adds them.
                channel.yield(.end(IngestSummary(), read: read, interrupted: true))
                channel.finish()
            } catch {
                channel.finish(throwing: error)
            }
        }
        defer {
            // A failed write ends the loop below: let a reader waiting for room stop.
            abandoned.store(true, ordering: .relaxed)
            room.signal()
        }

        var summary = Summary()
        for try await handoff in handoffs {
            switch handoff {
            case .batch(let ready, let issues, let read):
                summary.issues += issues
                summary.progress.rejected += issues.count
                for outcome in try await index.add(ready) {
                    switch outcome {
                    case .added(let id): summary.progress.added += 1; summary.addedIDs.append(id)
                    case .duplicate: summary.progress.duplicates += 1
                    }
                }
                added.store(summary.progress.added, ordering: .relaxed)
                summary.progress.documents = read.documents
                summary.progress.textBytes = read.textBytes
                summary.progress.currentPath = read.currentPath
                report(summary.progress)
                room.signal()
            case .end(let ingest, let read, let interrupted):
                summary.ingest = ingest
                summary.interrupted = interrupted
                summary.progress.documents = read.documents
                summary.progress.textBytes = read.textBytes
                summary.progress.currentPath = read.currentPath
            }
        }
        summary.progress.rejected += summary.ingest.issues.count
        summary.issues = summary.ingest.issues + summary.issues
        report(summary.progress)
        return summary
    }

    /// Adds documents already in memory (the HTTP API's batches): one transaction, the same
    /// checks and outcomes as `add(_ paths:)`. Outcomes are in input order; a document with no
    /// words gets nil and an issue.
    public func add(documents: [IngestedDocument]) async throws -> (outcomes: [AddOutcome?], issues: [IngestIssue]) {
        let writer = self
        let (storable, positions, issues) = await ComputePool.run { writer.prepare(documents) }
        var outcomes = [AddOutcome?](repeating: nil, count: documents.count)
        for (position, outcome) in zip(positions, try await index.add(storable)) { outcomes[position] = outcome }
        return (outcomes, issues)
    }

    /// Fingerprints and compresses a batch on all cores. Documents with no words cannot be
    /// found again and are turned away; `positions` says where each storable one was in the batch.
    func prepare(_ batch: [IngestedDocument]) -> (storable: [PreparedDocument], positions: [Int], issues: [IngestIssue]) {
        let fingerprinter = index.settings.fingerprinter
        let prepared = ConcurrentMap.mapChunked(batch) { PreparedDocument($0, fingerprinter: fingerprinter) }
        var storable: [PreparedDocument] = [], positions: [Int] = [], issues: [IngestIssue] = []
        for (position, document) in prepared.enumerated() {
            if document.fingerprint.words == 0 {
                issues.append(IngestIssue(document.source.origin, "no words to index"))
            } else {
                storable.append(document)
                positions.append(position)
            }
        }
        return (storable, positions, issues)
    }
}
