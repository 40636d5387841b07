import RetoldCore

/// Stored documents as cluster members: the metadata, and whether each text carries an agency
/// credit (what decides the earliest member when there are no dates).
///
/// Only undated documents have their texts read, since a date decides before any credit does,
/// and those a page at a time, dropped once read, so a large listing never holds them all.
public enum ClusterMembers {
    public static let pageSize = 256

    /// The documents of `ids`, without their texts, each with its member.
    public static func read(_ ids: [Int64], from index: any DocumentIndex) async throws -> [(document: StoredDocument, member: ReuseClusters.Member)] {
        let documents = try await index.documents(ids, withText: false)
        let undated = documents.filter { $0.publishedAt == nil }.map(\.id)
        var credited = Set<Int64>()
        for start in stride(from: 0, to: undated.count, by: pageSize) {
            let page = Array(undated[start..<min(start + pageSize, undated.count)])
            let texts = try await index.documents(page, withText: true).map { ($0.id, $0.text ?? "") }
            let carrying = await ComputePool.run { texts.filter { StoryCredit.isCarried(by: $0.1) }.map(\.0) }
            credited.formUnion(carrying)
        }
        return documents.map { document in
            (document, ReuseClusters.Member(id: document.id, publishedAt: document.publishedAt, carriesCredit: credited.contains(document.id)))
        }
    }
}
