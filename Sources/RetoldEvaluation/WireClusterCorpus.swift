import Foundation
import RetoldIngest

/// A folder of labelled wire-story clusters: each `cluster-NN.json` holds one agency story as
/// run by a client (the `wire-original`) and documents labelled relative to it (copies,
/// rewrites, independent reports, unrelated items), with each copy's factual changes noted.
public struct WireClusterCorpus: Sendable {
    /// How a document stands to its cluster's wire text, as the annotators labelled it.
    public enum Label: String, Sendable, Codable, CaseIterable {
        case wireOriginal = "wire-original"
        case verbatimCopy = "verbatim-copy"
        case editedCopy = "edited-copy"
        case paraphrase
        case sameEvent = "same-event"
        case unrelated

        /// True for the wire text and its copies: the documents of one story family.
        public var isFamily: Bool { self != .sameEvent && self != .unrelated }
    }

    public struct Document: Sendable, Codable {
        public var id: String
        public var url: String
        public var outlet: String
        public var label: Label
        public var confidence: String
        public var reason: String
        /// Noted factual differences from the wire text, as "wire: '…' -> copy: '…' (note)".
        public var changes: [String]
        public var text: String
    }

    public struct Cluster: Sendable, Codable {
        public var story: String
        public var date: String
        public var documents: [Document]
        /// File name without extension ("cluster-01"): the grouping key of cross-validation.
        public var name: String = ""

        enum CodingKeys: String, CodingKey { case story, date, documents }

        /// The wire-original, which every label is relative to.
        public var wire: Document? { documents.first { $0.label == .wireOriginal } }
    }

    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public var clusters: [Cluster]

    public init(clusters: [Cluster]) { self.clusters = clusters }

    /// Reads every `*.json` file of a folder, in name order.
    public init(directory: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw FormatError(description: "\(directory): cannot list the folder (expected cluster-NN.json files)")
        }
        guard !names.isEmpty else { throw FormatError(description: "\(directory): no .json cluster files") }
        clusters = try names.map { name in
            let path = (directory as NSString).appendingPathComponent(name)
            let text = try TextInput.read(path: path).text
            do {
                var cluster = try JSONDecoder().decode(Cluster.self, from: Data(text.utf8))
                cluster.name = String(name.dropLast(".json".count))
                guard cluster.wire != nil else { throw FormatError(description: "\(path): no wire-original document") }
                return cluster
            } catch let error as FormatError {
                throw error
            } catch {
                throw FormatError(description: "\(path): not a wire cluster (story, date, documents[id, url, outlet, label, confidence, reason, changes, text])")
            }
        }
    }
}
