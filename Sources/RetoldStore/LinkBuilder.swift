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

    /// Brings the links up to date; returns how many documents were checked.
    @discardableResult
    public func update(progress: (_ checked: Int, _ pending: Int) -> Void = { _, _ in }) throws -> Int {
        let pending = try pendingIDs()
        guard !pending.isEmpty else { return 0 }
        var checked = 0
        // Links go to their own table: the document count stays fixed for the run.
        let searcher = IndexSearcher(index: index, documentCount: try index.count())
        let fingerprinter = index.settings.fingerprinter
        var cursor: Int64 = 0
        while true {
            let ids = try index.unlinkedDocumentIDs(after: cursor, limit: pageSize).filter { pending.contains($0) }
            guard let last = ids.last else { break }
            let documents = try index.documents(ids, withText: true)
            let found = ConcurrentMap.map(documents) { document -> Result<[StoredLink], Error> in
                Result {
                    let text = document.text ?? ""
                    var analyzer = TextAnalyzer()
                    var options = SearchOptions(limit: 50)
                    options.linkScope = LinkScope(document: document.id, pending: pending)
                    let result = try searcher.search(fingerprint: fingerprinter.fingerprint(text), document: analyzer.analyze(text),
                                                     publishedAt: document.publishedAt, options: options)
                    return result.hits.map { hit in
                        StoredLink(pair: (hit.document.id, document.id), relationship: hit.relationship,
                                   coverages: (hit.coverageDocument, hit.coverageQuery), confidence: hit.confidence)
                    }
                }
            }
            try index.storeLinks(found.flatMap { try $0.get() }, checked: ids)
            cursor = last
            checked += ids.count
            progress(checked, pending.count)
        }
        return checked
    }

    /// How many documents are not linked yet, counted page by page (no set of every id).
    func pendingCount() throws -> Int {
        var count = 0
        var cursor: Int64 = 0
        while true {
            let ids = try index.unlinkedDocumentIDs(after: cursor, limit: 10_000)
            guard let last = ids.last else { return count }
            count += ids.count
            cursor = last
        }
    }

    /// Documents not linked yet.
    func pendingIDs() throws -> Set<Int64> {
        var pending = Set<Int64>()
        var cursor: Int64 = 0
        while true {
            let ids = try index.unlinkedDocumentIDs(after: cursor, limit: 10_000)
            guard let last = ids.last else { return pending }
            pending.formUnion(ids)
            cursor = last
        }
    }
}
