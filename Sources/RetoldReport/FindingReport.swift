import RetoldCore

/// The JSON form of a finding, shared by `retold.compare` (v2) and `retold.check`.
public struct FindingReport: Codable, Sendable, Equatable {
    public var kind: Finding.Kind
    public var severity: Finding.Severity
    public var explanation: String
    /// The words concerned in A (or the checked text), and in B; absent when one side has none.
    public var a: CompareReport.SpanReport?
    public var b: CompareReport.SpanReport?

    init(_ finding: Finding, a documentA: Document, _ offsetsA: CharacterOffsets, b documentB: Document?, _ offsetsB: CharacterOffsets?) {
        kind = finding.kind
        severity = finding.severity
        explanation = finding.explanation
        a = finding.a.map { Self.span(documentA, offsetsA, $0) }
        if let range = finding.b {
            // Single-text findings point twice into the same text.
            b = Self.span(documentB ?? documentA, offsetsB ?? offsetsA, range)
        }
    }

    static func span(_ document: Document, _ offsets: CharacterOffsets, _ range: Range<Int>) -> CompareReport.SpanReport {
        let bytes = document.span(range)
        return CompareReport.SpanReport(start: offsets.character(bytes.start), end: offsets.character(bytes.end),
                                        text: document.text.originalText(range))
    }
}

/// Counts of findings by severity.
public struct FindingCounts: Codable, Sendable, Equatable {
    public var high = 0
    public var medium = 0
    public var low = 0

    public init() {}

    public mutating func add(_ other: FindingCounts) {
        high += other.high; medium += other.medium; low += other.low
    }

    init<S: Sequence>(_ findings: S) where S.Element == Finding {
        for finding in findings {
            switch finding.severity {
            case .high: high += 1
            case .medium: medium += 1
            case .low: low += 1
            }
        }
    }

    /// True when any finding is at or above `level`.
    public func any(atLeast level: Finding.Severity) -> Bool {
        switch level {
        case .high: return high > 0
        case .medium: return high + medium > 0
        case .low: return high + medium + low > 0
        }
    }
}

/// The JSON form of `retold check`: schema `retold.check`, version 2.
public struct CheckReport: Codable, Sendable, Equatable {
    public var schema = "retold.check"
    public var version = 2
    public var document: CompareReport.DocumentSummary
    public var counts: FindingCounts
    public var findings: [FindingReport]

    public init(_ document: Document, findings: [Finding], name: String) {
        let offsets = CharacterOffsets(document.original)
        self.document = CompareReport.DocumentSummary(document, name: name)
        counts = FindingCounts(findings)
        self.findings = findings.map { FindingReport($0, a: document, offsets, b: nil, nil) }
    }
}
