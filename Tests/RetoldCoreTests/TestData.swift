import Foundation

/// Paths to the demo examples in the repository and to the shared development data beside it.
enum TestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func example(_ name: String) throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(name)"), encoding: .utf8)
    }

    static var wireStory: String { get throws { try example("000_1fa55ddf9ed85ec1.txt") } }
    static var spunStory: String { get throws { try example("001_b3d10f58ee285008.txt") } }

    /// The development corpora, kept outside the repository.
    static let shared = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// News articles from the QAGS XSum set: real BBC stories on unrelated subjects.
    static func bbcArticles() throws -> [String] {
        let text = try String(contentsOf: shared.appendingPathComponent("qags-xsum/mturk_xsum.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return object["article"] as! String
        }
    }
}
