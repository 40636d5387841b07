import Foundation
import RetoldCore
import RetoldIngest
import RetoldIndex

/// Source retrieval on the PAN 2013 text-alignment corpus: index the source documents, search
/// with each suspicious document (and with each reused passage), and see where the gold sources rank.
///
/// A suspicious document may reuse several sources (up to 15 here), so "rank 1" is measured two
/// ways: for whole documents, a gold source counts as found first when it ranks among the top n
/// results, n being that document's number of gold sources (no other document outranks any of
/// them); for passages, the text the suspicious document took from one source is the query and
/// that source must be the first result.
public struct SearchEvaluation: Sendable {
    public struct GoldPair: Sendable, Equatable {
        public var suspicious: String
        public var source: String
        /// Reused passages: offsets into the suspicious text (shifted by a few characters in
        /// this ASCII-folded copy of the corpus).
        public var passages: [Range<Int>]
        /// The same passages' offsets in the source.
        public var sourcePassages: [Range<Int>]
    }

    public struct Report: Sendable, Encodable {
        public var sources: Int
        public var suspiciousDocuments: Int
        public var goldPairs: Int
        /// Gold pairs whose source ranks within the top n (n = the suspicious document's gold sources).
        public var documentsTopN: Int
        /// Gold pairs whose source is found at any rank.
        public var documentsFound: Int
        /// Suspicious documents with exactly one gold source, and how many have it at rank 1.
        public var singleSourceDocuments: Int
        public var singleSourceRank1: Int
        /// Gold passages, how many could be located in this copy of the corpus (see `locate`),
        /// and how many of those, searched on their own, have their source at rank 1.
        public var goldPassages: Int
        public var passages: Int
        public var passagesRank1: Int
        public var misses: [String]
        public var seconds: Double
        /// Median and 99th-percentile search time per suspicious document, milliseconds.
        public var p50Milliseconds: Double
        public var p99Milliseconds: Double
    }

    public let folder: String

    public init(folder: String) { self.folder = folder }

    public func goldPairs() throws -> [GoldPair] {
        let gold = folder + "/02-no-obfuscation"
        let listing = try String(contentsOfFile: gold + "/pairs", encoding: .utf8)
        return try listing.split(separator: "\n").compactMap { line -> GoldPair? in
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { return nil }
            let susp = String(parts[0]), src = String(parts[1])
            let xmlName = "\(susp.dropLast(4))-\(src.dropLast(4)).xml"
            let xml = try String(contentsOfFile: gold + "/" + xmlName, encoding: .utf8)
            var passages: [Range<Int>] = [], sourcePassages: [Range<Int>] = []
            for attributes in Self.features(xml) {
                guard let offset = attributes["this_offset"].flatMap(Int.init), let length = attributes["this_length"].flatMap(Int.init),
                      let sourceOffset = attributes["source_offset"].flatMap(Int.init),
                      let sourceLength = attributes["source_length"].flatMap(Int.init) else { continue }
                passages.append(offset..<(offset + length))
                sourcePassages.append(sourceOffset..<(sourceOffset + sourceLength))
            }
            return GoldPair(suspicious: susp, source: src, passages: passages, sourcePassages: sourcePassages)
        }
    }

    /// Attributes of each `<feature .../>` element.
    static func features(_ xml: String) -> [[String: String]] {
        xml.components(separatedBy: "<feature").dropFirst().map { element in
            var attributes: [String: String] = [:]
            let body = element.prefix { $0 != ">" }
            let scanner = Scanner(string: String(body))
            while !scanner.isAtEnd {
                guard let name = scanner.scanUpToString("=\"") else { break }
                _ = scanner.scanString("=\"")
                let value = scanner.scanUpToString("\"") ?? ""
                _ = scanner.scanString("\"")
                attributes[name.trimmingCharacters(in: .whitespacesAndNewlines)] = value
            }
            return attributes
        }
    }

    /// Runs the evaluation against an index of `src/` (built by the caller).
    public func run(index: any DocumentIndex, passageQueries: Bool = true) async throws -> Report {
        let pairs = try goldPairs()
        let sourceIDs = try await Self.sourceIDs(index)
        var bySuspicious: [String: [GoldPair]] = [:]
        for pair in pairs { bySuspicious[pair.suspicious, default: []].append(pair) }
        let sources = try await index.count()
        let searcher = IndexSearcher(index: index, documentCount: sources)
        var report = Report(sources: sources, suspiciousDocuments: bySuspicious.count, goldPairs: pairs.count,
                            documentsTopN: 0, documentsFound: 0, singleSourceDocuments: 0, singleSourceRank1: 0,
                            goldPassages: 0, passages: 0, passagesRank1: 0, misses: [], seconds: 0, p50Milliseconds: 0, p99Milliseconds: 0)
        var times: [Double] = []
        let start = Date()
        for (suspicious, gold) in bySuspicious.sorted(by: { $0.key < $1.key }) {
            let text = try String(contentsOfFile: folder + "/susp/" + suspicious, encoding: .utf8)
            let began = Date()
            let result = try await searcher.search(text, options: SearchOptions(limit: 50))
            times.append(Date().timeIntervalSince(began) * 1000)
            let ranked = result.hits.map { sourceIDs[$0.document.id] ?? "" }
            for pair in gold {
                guard let rank = ranked.firstIndex(of: pair.source) else {
                    report.misses.append("\(suspicious) -> \(pair.source): not found")
                    continue
                }
                report.documentsFound += 1
                if rank < gold.count { report.documentsTopN += 1 } else {
                    report.misses.append("\(suspicious) -> \(pair.source): rank \(rank + 1) of \(gold.count) gold")
                }
            }
            if gold.count == 1 {
                report.singleSourceDocuments += 1
                if ranked.first == gold[0].source { report.singleSourceRank1 += 1 }
            }
            guard passageQueries else { continue }
            let suspiciousBytes = Array(text.utf8)
            for pair in gold {
                let sourceBytes = Array(try String(contentsOfFile: folder + "/src/" + pair.source, encoding: .utf8).utf8)
                for (passage, sourcePassage) in zip(pair.passages, pair.sourcePassages) {
                    report.goldPassages += 1
                    guard let located = Self.locate(sourcePassage, in: sourceBytes, near: passage, of: suspiciousBytes) else { continue }
                    let query = String(decoding: suspiciousBytes[located], as: UTF8.self)
                    let hits = try await searcher.search(query, options: SearchOptions(limit: 5)).hits
                    report.passages += 1
                    if let first = hits.first, sourceIDs[first.document.id] == pair.source {
                        report.passagesRank1 += 1
                    } else {
                        report.misses.append("passage \(suspicious)@\(passage.lowerBound) -> \(pair.source): "
                                             + (hits.first.map { "rank 1 is \(sourceIDs[$0.document.id] ?? "?")" } ?? "nothing found"))
                    }
                }
            }
        }
        report.seconds = Date().timeIntervalSince(start)
        times.sort()
        report.p50Milliseconds = percentile(times, 0.5)
        report.p99Milliseconds = percentile(times, 0.99)
        return report
    }

    /// Where a gold passage lies in the suspicious text. This copy of the corpus was folded to
    /// ASCII, which shifted the gold offsets; so the passage is re-anchored: the source's
    /// passage is cut at its (shifted) offsets, and the suspicious text is searched, 1,000 bytes
    /// either side of its gold offsets, for the word 6-grams of that cut. The passage runs from
    /// the first to the last matching 6-gram; nil when fewer than two match (the text is not there).
    static func locate(_ sourcePassage: Range<Int>, in source: [UInt8], near passage: Range<Int>, of suspicious: [UInt8]) -> Range<Int>? {
        let cut = source[max(0, sourcePassage.lowerBound)..<min(source.count, max(0, sourcePassage.upperBound))]
        let window = max(0, passage.lowerBound - 1000)..<min(suspicious.count, passage.upperBound + 1000)
        guard !cut.isEmpty, !window.isEmpty else { return nil }
        let n = 6
        let sourceWords = words(cut)
        guard sourceWords.count >= n else { return nil }
        var grams = Set<[UInt64]>()
        for i in 0...(sourceWords.count - n) { grams.insert(sourceWords[i..<(i + n)].map(\.hash)) }
        let targetWords = words(suspicious[window])
        guard targetWords.count >= n else { return nil }
        var first: Int?, last: Int?, matches = 0
        for i in 0...(targetWords.count - n) where grams.contains(targetWords[i..<(i + n)].map(\.hash)) {
            matches += 1
            if first == nil { first = targetWords[i].range.lowerBound }
            last = targetWords[i + n - 1].range.upperBound
        }
        guard matches >= 2, let first, let last else { return nil }
        return first..<last
    }

    /// Lowercase alphanumeric words with their byte ranges (the corpus copy is ASCII).
    static func words(_ bytes: ArraySlice<UInt8>) -> [(hash: UInt64, range: Range<Int>)] {
        var out: [(UInt64, Range<Int>)] = []
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let isWord = { (b: UInt8) in (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39 }
            guard isWord(bytes[i]) else { i += 1; continue }
            let start = i
            var hash = StableHash.offsetBasis
            while i < bytes.endIndex && isWord(bytes[i]) { hash = StableHash.step(hash, bytes[i] | (bytes[i] >= 0x41 ? 0x20 : 0)); i += 1 }
            out.append((hash, start..<i))
        }
        return out
    }

    /// Index id to source file name.
    static func sourceIDs(_ index: any DocumentIndex) async throws -> [Int64: String] {
        var out: [Int64: String] = [:]
        var cursor: Int64 = 0
        while true {
            let ids = try await index.documentIDs(after: cursor, limit: 1000)
            guard let last = ids.last else { return out }
            for document in try await index.documents(ids, withText: false) {
                out[document.id] = (document.sourceID as NSString).lastPathComponent
            }
            cursor = last
        }
    }
}
