import RetoldCore

/// Stored documents as cluster members: the metadata, and whether each text carries an agency
/// credit (what decides the earliest member when there are no dates). Texts are read a page at a
/// time and dropped once read, so a large listing never holds them all.
public enum ClusterMembers {
    public static let pageSize = 256

    /// The documents of `ids`, without their texts, each with its member.
    public static func read(_ ids: [Int64], from index: any DocumentIndex) async throws -> [(document: StoredDocument, member: ReuseClusters.Member)] {
        var read: [(document: StoredDocument, member: ReuseClusters.Member)] = []
        for start in stride(from: 0, to: ids.count, by: pageSize) {
            let page = Array(ids[start..<min(start + pageSize, ids.count)])
            for var document in try await index.documents(page, withText: true) {
                let text = document.text ?? ""
                let credited = await ComputePool.run { StoryCredit.isCarried(by: text) }
                document.text = nil
                read.append((document, ReuseClusters.Member(id: document.id, publishedAt: document.publishedAt, carriesCredit: credited)))
            }
        }
        return read
    }
}
