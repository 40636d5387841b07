import Foundation
import RetoldCore
import RetoldIndex

/// A document of a batch job's output (docs/spark.md): its index id in the batch, and what a
/// cluster listing shows and needs of it. A fingerprint line with an `id` reads as one.
struct DocumentLine: Codable, Equatable {
    var id: Int64
    var sourceId: String
    var origin: String
    var contentHash: String
    var words: Int
    var published: String?
    var publishedAt: Double?
    var outlet: String?
    var title: String?
    var url: String?
    var credit: Bool

    enum CodingKeys: String, CodingKey {
        case id, origin, words, published, outlet, title, url, credit
        case sourceId = "source_id", contentHash = "content_hash", publishedAt = "published_at"
    }

    func member() throws -> (document: StoredDocument, member: ReuseClusters.Member) {
        guard let hash = ContentHash(hex: contentHash) else { throw CommandFailure("document \(id): content_hash is not 32 hex digits") }
        let document = StoredDocument(id: id, sourceID: sourceId, origin: origin, url: url, outlet: outlet, title: title,
                                      published: published, publishedAt: publishedAt, words: words, contentHash: hash)
        return (document, ReuseClusters.Member(id: id, publishedAt: publishedAt, carriesCredit: credit))
    }
}

/// A verified link of a batch job's output: `a` the earlier document (the candidate), `b` the
/// later (the query), as link building stores it, with both documents' source ids and content
/// hashes so that an index holding the same texts under other ids can take it.
struct LinkLine: Codable, Equatable {
    var a: Int64
    var b: Int64
    var aSourceId: String
    var bSourceId: String
    var aContentHash: String
    var bContentHash: String
    var relationship: Relationship
    var coverageA: Double
    var coverageB: Double
    var confidence: Double
    var reuseProbability: Double

    enum CodingKeys: String, CodingKey {
        case a, b, relationship, confidence
        case aSourceId = "a_source_id", bSourceId = "b_source_id", aContentHash = "a_content_hash", bContentHash = "b_content_hash"
        case coverageA = "coverage_a", coverageB = "coverage_b", reuseProbability = "reuse_probability"
    }

    var storedLink: StoredLink {
        StoredLink(a: a, b: b, relationship: relationship, coverageA: coverageA, coverageB: coverageB, confidence: confidence,
                   reuseProbability: reuseProbability)
    }
}

/// Reads JSON lines files (a batch job writes them in parts); a bad line is an error naming
/// the file and line, since a link or member missing silently would change the clusters.
enum BatchLines {
    static func read<T: Decodable>(_ type: T.Type, from paths: [String]) throws -> [T] {
        let decoder = JSONDecoder()
        var values: [T] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw CommandFailure("\(path): cannot be read") }
            for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
                do {
                    values.append(try decoder.decode(T.self, from: Data(line)))
                } catch {
                    throw CommandFailure("\(path):\(number + 1): not a \(T.self == LinkLine.self ? "link" : "document") line (\(error))")
                }
            }
        }
        return values
    }
}

extension ContentHash {
    /// Reads the 32 hex digits `description` writes.
    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 32, let high = UInt64(String(decoding: digits[0..<16], as: UTF8.self), radix: 16),
              let low = UInt64(String(decoding: digits[16..<32], as: UTF8.self), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }
}
