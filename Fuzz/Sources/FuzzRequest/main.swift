import Foundation
import RetoldRequests

/// Any bytes as the JSON body of each API request: decoded as the server decodes them, then
/// validated as its handlers do (texts and pages to documents, dates, filters).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let compare = try? RequestDecoding.decode(CompareRequest.self, from: data) {
        _ = try? compare.a.document(defaultName: "a")
        _ = try? compare.b.document(defaultName: "b")
    }
    if let text = try? RequestDecoding.decode(TextPayload.self, from: data) {
        _ = try? text.document(defaultName: "text")
    }
    if let search = try? RequestDecoding.decode(SearchRequest.self, from: data) {
        _ = try? search.payload.document(defaultName: "query")
        _ = try? RequestDecoding.filter(from: search.from, until: search.until, outlets: search.outlets ?? [],
                                        excludedOutlets: search.excludeOutlets ?? [])
        _ = try? RequestDecoding.instant(search.published, field: "published")
    }
    return 0
}
