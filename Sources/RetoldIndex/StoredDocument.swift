import Foundation
import RetoldCore
import RetoldIngest

/// A document as the index holds it.
public struct StoredDocument: Sendable, Equatable {
    public var id: Int64
    /// The id the input gave it: the JSONL `id`, the WARC record id, or the file path.
    public var sourceID: String
    /// Where it was read from.
    public var origin: String
    public var url: String?
    public var outlet: String?
    public var title: String?
    public var published: String?
    public var publishedAt: Double?
    public var words: Int
    public var contentHash: ContentHash
    /// The text, when it was asked for.
    public var text: String?

    public init(id: Int64, sourceID: String, origin: String, url: String? = nil, outlet: String? = nil, title: String? = nil,
                published: String? = nil, publishedAt: Double? = nil, words: Int, contentHash: ContentHash, text: String? = nil) {
        self.id = id
        self.sourceID = sourceID
        self.origin = origin
        self.url = url
        self.outlet = outlet
        self.title = title
        self.published = published
        self.publishedAt = publishedAt
        self.words = words
        self.contentHash = contentHash
        self.text = text
    }
}

extension StoredDocument {
    /// A stored value that cannot be what Retold wrote: an error naming the document, never a
    /// silent default (a zero hash would match every other corrupt row as a duplicate).
    public struct CorruptValue: Error, CustomStringConvertible, Equatable {
        public var document: Int64
        public var problem: String
        public var description: String { "document #\(document): \(problem)" }
    }

    /// A stored text back from its gzip-compressed bytes.
    public static func text(compressed: [UInt8], document id: Int64) throws(CorruptValue) -> String {
        do {
            return String(decoding: try Gzip.decompress(compressed, limit: TextInput.defaultMaxBytes), as: UTF8.self)
        } catch {
            throw CorruptValue(document: id, problem: "the stored text is corrupt (\(error))")
        }
    }

    /// A stored content hash back from its 16 bytes.
    public static func contentHash(_ bytes: [UInt8], document id: Int64) throws(CorruptValue) -> ContentHash {
        guard let hash = ContentHash(bytes: bytes) else {
            throw CorruptValue(document: id, problem: "the stored content hash is \(bytes.count) byte\(bytes.count == 1 ? "" : "s") long, not 16")
        }
        return hash
    }
}

/// Counts and sizes of an index.
public struct IndexStats: Sendable, Equatable, Codable {
    public var documents: Int
    public var words: Int
    public var textBytes: Int
    public var bandPostings: Int
    public var anchorPostings: Int
    public var passagePostings: Int
    public var links: Int
    public var outlets: Int
    public var earliestPublished: String?
    public var latestPublished: String?
    public var databaseBytes: Int
    public var settings: IndexSettings

    /// A stored publication time (seconds since 1970) as the stats show it.
    public static func timestamp(_ seconds: Double) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
    }

    public init(documents: Int, words: Int, textBytes: Int, bandPostings: Int, anchorPostings: Int, passagePostings: Int, links: Int, outlets: Int,
                earliestPublished: String?, latestPublished: String?, databaseBytes: Int, settings: IndexSettings) {
        self.documents = documents
        self.words = words
        self.textBytes = textBytes
        self.bandPostings = bandPostings
        self.anchorPostings = anchorPostings
        self.passagePostings = passagePostings
        self.links = links
        self.outlets = outlets
        self.earliestPublished = earliestPublished
        self.latestPublished = latestPublished
        self.databaseBytes = databaseBytes
        self.settings = settings
    }
}

/// A verified reuse relation between two stored documents, `a` < `b`.
public struct StoredLink: Sendable, Equatable {
    public var a: Int64
    public var b: Int64
    public var relationship: Relationship
    /// Share of A found in B, and of B found in A.
    public var coverageA: Double
    public var coverageB: Double
    /// The calibrated probability that the relationship is right.
    public var confidence: Double
    /// The model's probability that one text derives from the other, whatever the kind of
    /// reuse: what clustering weighs. A sure copy whose kind (edited or paraphrased) is in doubt
    /// has a low `confidence` but a high `reuseProbability`.
    public var reuseProbability: Double

    public init(a: Int64, b: Int64, relationship: Relationship, coverageA: Double, coverageB: Double, confidence: Double,
                reuseProbability: Double) {
        self.a = a
        self.b = b
        self.relationship = relationship
        self.coverageA = coverageA
        self.coverageB = coverageB
        self.confidence = confidence
        self.reuseProbability = reuseProbability
    }

    /// A link between two documents given in either order: stored with the smaller id as `a`.
    public init(pair: (Int64, Int64), relationship: Relationship, coverages: (Double, Double), confidence: Double,
                reuseProbability: Double) {
        if pair.0 < pair.1 {
            self.init(a: pair.0, b: pair.1, relationship: relationship, coverageA: coverages.0, coverageB: coverages.1,
                      confidence: confidence, reuseProbability: reuseProbability)
        } else {
            self.init(a: pair.1, b: pair.0, relationship: relationship, coverageA: coverages.1, coverageB: coverages.0,
                      confidence: confidence, reuseProbability: reuseProbability)
        }
    }
}
