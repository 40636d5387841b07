import RetoldIngest

/// Any bytes as an HTML page: charset choice, libxml2's parse, article extraction.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    if let result = HTMLArticleReader.read(bytes) {
        _ = result.article.text.utf8.count
    }
    _ = HTMLArticleReader.read(bytes, httpContentType: "text/html; charset=utf-16")
    return 0
}
