import Foundation
import RetoldCore

/// Computes the verified reuse links clusters are built from, incrementally: every document
/// added since the last run is searched against the documents stored before it, so each pair is
/// aligned once, and progress is committed page by page (an interrupted run resumes).
public struct LinkBuilder: Sendable {
    public let index: any DocumentIndex
    public var pageSize = 256

    public init(index: any DocumentIndex) {
        self.index = index
    }

    /// Brings the links up to date; returns how many documents were checked.
    @discardableResult
    public func update(progress: (_ checked: Int, _ pending: Int) -> Void = { _, _ in }) throws -> Int {
        var watermark = try index.linkWatermark()
        let pending = try pendingCount(after: watermark)
        var checked = 0
        // Links go to their own table: the document count stays fixed for the run.
        let searcher = IndexSearcher(index: index, documentCount: try index.count())
        let fingerprinter = index.settings.fingerprinter
        while true {
            let ids = try index.documentIDs(after: watermark, limit: pageSize)
            guard let last = ids.last else { break }
            let documents = try index.documents(ids, withText: true)
            let found = ConcurrentMap.map(documents) { document -> Result<[StoredLink], Error> in
                Result {
                    let text = document.text ?? ""
                    var analyzer = TextAnalyzer()
                    var options = SearchOptions(limit: 50)
                    options.candidatesBelow = document.id
                    let result = try searcher.search(fingerprint: fingerprinter.fingerprint(text), document: analyzer.analyze(text),
                                                     publishedAt: document.publishedAt, options: options)
                    return result.hits.map { hit in
                        StoredLink(a: hit.document.id, b: document.id, relationship: hit.relationship,
                                   coverageA: hit.coverageDocument, coverageB: hit.coverageQuery)
                    }
                }
            }
            try index.storeLinks(found.flatMap { try $0.get() }, watermark: last)
            watermark = last
            checked += ids.count
            progress(checked, pending)
        }
        return checked
    }

    private func pendingCount(after watermark: Int64) throws -> Int {
        var count = 0
        var cursor = watermark
        while true {
            let ids = try index.documentIDs(after: cursor, limit: 10_000)
            guard let last = ids.last else { return count }
            count += ids.count
            cursor = last
        }
    }
}
