import Foundation
import Testing

/// The labelled corpora, kept outside the repository: the folder `RETOLD_CORPORA` names
/// (`scripts/evaluate.sh` sets it), or nil, and the suites that need them are skipped.
enum Corpora {
    static let folder: String? = ProcessInfo.processInfo.environment["RETOLD_CORPORA"].flatMap { $0.isEmpty ? nil : $0 }

    static func path(_ relative: String) throws -> String {
        guard let folder else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "RETOLD_CORPORA is not set"]) }
        return URL(fileURLWithPath: folder).appendingPathComponent(relative).standardizedFileURL.path
    }
}

extension Trait where Self == ConditionTrait {
    /// For suites that measure Retold on the labelled corpora rather than on data of their own.
    static var needsCorpora: Self {
        .enabled(if: Corpora.folder != nil, "needs the labelled corpora: run scripts/evaluate.sh")
    }
}
