import FuzzSupport

/// Any bytes as a WARC crawl (plain or gzip: the reader sniffs the gzip magic itself).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWARC(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    InputFile.read(start, count, suffix: ".warc")
    return 0
}
