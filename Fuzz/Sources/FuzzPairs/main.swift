import Foundation
import RetoldIngest

/// Any bytes as a `compare --pairs` file: every line a record or a reported error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPairs(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = NSTemporaryDirectory() + "retold-fuzz-\(getpid()).pairs.jsonl"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: start, count: count)) else { fatalError("cannot write \(path)") }
    try? PairsFile.forEachRecord(path: path, maxLineBytes: 1 << 20) { _, _ in }
    return 0
}
