import RetoldCore

/// Any bytes as two texts (split at the first zero byte): analysis, alignment, the decision,
/// findings both ways, and the single-text checks. Every span must lie inside its text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCompare(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    let cut = bytes.firstIndex(of: 0) ?? count / 2
    let a = String(decoding: bytes[..<cut], as: UTF8.self)
    let b = String(decoding: bytes[min(cut + 1, count)...], as: UTF8.self)
    var analyzer = TextAnalyzer()
    let x = analyzer.analyze(a), y = analyzer.analyze(b)
    let comparison = Comparer().compare(x, y)
    precondition((0...1).contains(comparison.coverageA) && (0...1).contains(comparison.coverageB), "coverage out of range")
    precondition((0...1).contains(comparison.confidence), "confidence out of range")
    for passage in comparison.passages {
        precondition(passage.a.upperBound <= x.sentences.count && passage.b.upperBound <= y.sentences.count, "a passage outside its text")
        for alignment in passage.alignments {
            for finding in alignment.findings {
                if let span = finding.a { precondition(span.upperBound <= x.text.bytes.count, "a finding span outside A") }
                if let span = finding.b { precondition(span.upperBound <= y.text.bytes.count, "a finding span outside B") }
            }
        }
    }
    _ = DocumentChecker().check(x)
    return 0
}
