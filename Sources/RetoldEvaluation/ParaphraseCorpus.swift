import Foundation
import RetoldIngest

/// Readers for the labelled paraphrase corpora Retold is evaluated on.
public enum ParaphraseCorpus {
    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The Microsoft Research Paraphrase Corpus file format: a header line, then tab-separated
    /// `Quality`, `#1 ID`, `#2 ID`, `#1 String`, `#2 String` (quotes are not escapes).
    public static func msrp(path: String) throws -> [LabelledPair] {
        let text = try TextInput.read(path: path).text
        var pairs: [LabelledPair] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let row = line.hasSuffix("\r") ? line.dropLast() : line
            if index == 0 || row.isEmpty { continue }
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 5, let quality = Int(fields[0]) else {
                throw FormatError(description: "\(path): line \(index + 1) is not an MSRP row (Quality, #1 ID, #2 ID, #1 String, #2 String)")
            }
            pairs.append(LabelledPair(a: String(fields[3]), b: String(fields[4]), label: quality == 1))
        }
        return pairs
    }

    /// The PAN sentence-paraphrase set (Madnani et al. 2012): a folder with `<prefix>_s1.txt`,
    /// `<prefix>_s2.txt` (one sentence per line) and `<prefix>.labels` (1 = paraphrase).
    /// `prefix` defaults to the one file ending in `.labels` in the folder.
    public static func panSentences(directory: String, prefix: String? = nil) throws -> [LabelledPair] {
        let name: String
        if let prefix {
            name = prefix
        } else {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            let labels = files.filter { $0.hasSuffix(".labels") }.sorted()
            guard let first = labels.first else {
                throw FormatError(description: "\(directory): no .labels file (expected <prefix>_s1.txt, <prefix>_s2.txt, <prefix>.labels)")
            }
            name = String(first.dropLast(".labels".count))
        }
        func lines(_ file: String) throws -> [Substring] {
            let text = try TextInput.read(path: (directory as NSString).appendingPathComponent(file)).text
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last?.isEmpty == true { lines.removeLast() }
            return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        }
        let first = try lines("\(name)_s1.txt"), second = try lines("\(name)_s2.txt"), labels = try lines("\(name).labels")
        guard first.count == second.count, first.count == labels.count else {
            throw FormatError(description: "\(directory): \(name)_s1.txt, _s2.txt and .labels have \(first.count), \(second.count) and \(labels.count) lines")
        }
        return zip(zip(first, second), labels).map { pair, label in
            LabelledPair(a: String(pair.0), b: String(pair.1), label: label.trimmingCharacters(in: .whitespaces) == "1")
        }
    }
}
