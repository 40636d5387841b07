import Foundation
import RetoldIngest

/// The readers of feeds and crawls take paths: each fuzz input is written to one file of this
/// process (reused, so that runs cost no directory churn) and read back through the reader a
/// user's command would use.
public enum InputFile {
    public static func read(_ start: UnsafeRawPointer, _ count: Int, suffix: String) {
        let path = NSTemporaryDirectory() + "retold-fuzz-\(getpid())" + suffix
        let data = Data(bytes: start, count: count)
        guard FileManager.default.createFile(atPath: path, contents: data) else { fatalError("cannot write \(path)") }
        // Bad records are reported in the summary and thrown errors are expected; a crash,
        // a hang or a memory error is what the fuzzer looks for.
        _ = try? DocumentReader(maxDocumentBytes: 1 << 20).read([path]) { document in
            precondition(!document.text.isEmpty, "an empty document was read")
        }
    }
}
