import Foundation
import RetoldTestSupport
import Testing

/// Paths to the demo examples in the repository and to the shared development data beside it.
enum TestData {
    static func example(_ name: String) throws -> String { try Repository.example(name) }

    static var wireStory: String { get throws { try example("000_1fa55ddf9ed85ec1.txt") } }
    static var spunStory: String { get throws { try example("001_b3d10f58ee285008.txt") } }

    /// Short news stories written for the tests, on unrelated subjects (fire, council, river).
    static func story(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Fixtures/stories") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/stories/\(name).txt"])
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The labelled corpora, kept outside the repository: the folder `RETOLD_CORPORA` names
    /// (`scripts/evaluate.sh` sets it), or nil, and the suites that need them are skipped.
    static let corpora: URL? = ProcessInfo.processInfo.environment["RETOLD_CORPORA"]
        .flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }

    /// News articles from the QAGS XSum set: real BBC stories on unrelated subjects.
    static func bbcArticles() throws -> [String] {
        guard let corpora else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "RETOLD_CORPORA is not set"]) }
        let text = try String(contentsOf: corpora.appendingPathComponent("qags-xsum/mturk_xsum.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return object["article"] as! String
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// For suites that measure Retold on the labelled corpora rather than on texts of their own.
    static var needsCorpora: Self {
        .enabled(if: TestData.corpora != nil, "needs the labelled corpora: run scripts/evaluate.sh")
    }
}
