import Foundation
import RetoldCore

/// One factual difference an annotator noted between a wire story and a copy, as
/// "wire: '…' -> copy: '…' (note)": the quoted words of each side, where they are given.
public struct NotedChange: Sendable, Equatable {
    /// The full note, as written.
    public var note: String
    /// The quoted fragments of each side ("..." gaps split a quotation into several).
    public var wireFragments: [String]
    public var copyFragments: [String]

    public init(_ note: String) {
        self.note = note
        let arrow = note.range(of: "-> copy")
        let wirePart = arrow.map { String(note[..<$0.lowerBound]) } ?? note
        let copyPart = arrow.map { String(note[$0.upperBound...]) } ?? ""
        wireFragments = Self.fragments(Self.quoted(wirePart))
        copyFragments = Self.fragments(Self.quoted(copyPart))
    }

    /// The text between the first single quote and the quote that closes it: the one followed
    /// by the end, by " (" (a note), by " /" or " +" (a second quotation) or by " ->".
    static func quoted(_ part: String) -> [String] {
        let scalars = Array(part.trimmingCharacters(in: .whitespaces).unicodeScalars)
        var result: [String] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "'" else { i += 1; continue }
            var close: Int?
            var k = i + 1
            while k < scalars.count {
                if scalars[k] == "'" {
                    let next = k + 1 < scalars.count ? scalars[k + 1] : " "
                    let after = k + 2 < scalars.count ? scalars[k + 2] : " "
                    if k + 1 == scalars.count || (next == " " && "(/+-".unicodeScalars.contains(after)) || next == ")" {
                        close = k; break
                    }
                }
                k += 1
            }
            guard let end = close else { break }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[(i + 1)..<end])
            result.append(String(text))
            i = end + 1
        }
        return result
    }

    /// Quotations split at elided parts, keeping pieces long enough to locate.
    static func fragments(_ quotes: [String]) -> [String] {
        quotes.flatMap { quote in
            quote.replacingOccurrences(of: "…", with: "...").components(separatedBy: "...")
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.count >= 2 }
        }
    }

    /// Normalized byte ranges in `document` where any of `fragments` occurs (case and quote
    /// style folded, as the document's own normalization does).
    public static func locate(_ fragments: [String], in document: Document) -> [Range<Int>] {
        let haystack = document.text.bytes.map(lowercased)
        var found: [Range<Int>] = []
        for fragment in fragments {
            let needle = NormalizedText(fragment).bytes.map(lowercased)
            guard !needle.isEmpty, needle.count <= haystack.count else { continue }
            var start = 0
            while start + needle.count <= haystack.count {
                if haystack[start] == needle[0], haystack[start..<(start + needle.count)].elementsEqual(needle) {
                    found.append(start..<(start + needle.count))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return found
    }

    @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
