import Foundation
import RetoldCore

/// Computes the verified reuse links clusters are built from, incrementally: every document not
/// linked yet is searched against the linked documents and the pending ones before it
/// (`LinkScope`), so each pair is aligned once, and progress is committed page by page (an
/// interrupted run resumes). Two runs at once (two servers on one database) do the same work
/// twice but store the same links.
public struct LinkBuilder: Sendable {
    public let index: any DocumentIndex
    public var pageSize = 256

    public init(index: any DocumentIndex) {
        self.index = index
    }

    /// Documents searched at once: each search waits on the store, then aligns its candidates on
    /// ``ComputePool``; a few in flight keep every core busy while others wait for postings.
    public var concurrentSearches = ProcessInfo.processInfo.activeProcessorCount * 4

    /// Brings the links up to date; returns how many documents were checked.
    @discardableResult
    public func update(progress: (_ checked: Int, _ pending: Int) -> Void = { _, _ in }) async throws -> Int {
        let pending = try await pendingIDs()
        guard !pending.isEmpty else { return 0 }
        var checked = 0
        // Links go to their own table: the document count stays fixed for the run.
        var searcher = IndexSearcher(index: index, documentCount: try await index.count())
        searcher.alignsInParallel = false
        var cursor: Int64 = 0
        while true {
            let ids = try await index.unlinkedDocumentIDs(after: cursor, limit: pageSize).filter { pending.contains($0) }
            guard let last = ids.last else { break }
            let documents = try await index.documents(ids, withText: true)
            let found = try await links(of: documents, searcher: searcher, pending: pending)
            try await index.storeLinks(found, checked: ids)
            cursor = last
            checked += ids.count
            progress(checked, pending.count)
        }
        return checked
    }

    /// The verified links of each document of a page, `concurrentSearches` searches at a time.
    private func links(of documents: [StoredDocument], searcher: IndexSearcher, pending: Set<Int64>) async throws -> [StoredLink] {
        let fingerprinter = index.settings.fingerprinter
        return try await withThrowingTaskGroup(of: [StoredLink].self) { group in
            var next = documents.makeIterator()
            func start(_ document: StoredDocument) {
                group.addTask {
                    let text = document.text ?? ""
                    let (fingerprint, analyzed) = await ComputePool.run {
                        var analyzer = TextAnalyzer()
                        return (fingerprinter.fingerprint(text), analyzer.analyze(text))
                    }
                    var options = SearchOptions(limit: 50)
                    options.linkScope = LinkScope(document: document.id, pending: pending)
                    let result = try await searcher.search(fingerprint: fingerprint, document: analyzed,
                                                           publishedAt: document.publishedAt, options: options)
                    return result.hits.map { hit in
                        StoredLink(pair: (hit.document.id, document.id), relationship: hit.relationship,
                                   coverages: (hit.coverageDocument, hit.coverageQuery), confidence: hit.confidence,
                                   reuseProbability: hit.reuseProbability)
                    }
                }
            }
            for _ in 0..<concurrentSearches { if let document = next.next() { start(document) } }
            var links: [StoredLink] = []
            while let found = try await group.next() {
                links += found
                if let document = next.next() { start(document) }
            }
            // Stored in one order whatever finished first.
            return links.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        }
    }

    /// How many documents are not linked yet, counted page by page (no set of every id).
    public func pendingCount() async throws -> Int {
        var count = 0
        var cursor: Int64 = 0
        while true {
            let ids = try await index.unlinkedDocumentIDs(after: cursor, limit: 10_000)
            guard let last = ids.last else { return count }
            count += ids.count
            cursor = last
        }
    }

    /// Documents not linked yet.
    func pendingIDs() async throws -> Set<Int64> {
        var pending = Set<Int64>()
        var cursor: Int64 = 0
        while true {
            let ids = try await index.unlinkedDocumentIDs(after: cursor, limit: 10_000)
            guard let last = ids.last else { return pending }
            pending.formUnion(ids)
            cursor = last
        }
    }
}
