import FuzzSupport

/// Any bytes as a JSONL feed: line splitting, JSON, the document fields.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    InputFile.read(start, count, suffix: ".jsonl")
    return 0
}
