/// How close two aligned stretches are letter for letter, whatever the words.
///
/// A verbatim copy under another house style ("per cent" for "percent", "US$1" for "$1",
/// "fuelled" for "fueled") changes a word or two in most sentences, so counts of word-for-word
/// sentences call it edited; its letters are still nearly all the source's. An edited copy
/// rewrites clauses, which moves many letters. The measure is the Dice coefficient of the
/// longest common subsequence of the two stretches' letters and digits, lowercased, with
/// spaces, punctuation and other bytes left out.
enum CharacterSimilarity {
    /// Letters each side reads at most: an alignment longer than this (a merged run of
    /// sentences) is measured on its beginning, which bounds the quadratic cost.
    static let limit = 1_500

    /// 2 × LCS / (|a| + |b|) over the letters and digits of `a`'s sentences `sentencesA` and
    /// `b`'s `sentencesB`; 0 when either side has none.
    static func similarity(_ a: Document, _ sentencesA: Range<Int>, _ b: Document, _ sentencesB: Range<Int>) -> Double {
        let left = letters(a, sentencesA), right = letters(b, sentencesB)
        guard !left.isEmpty, !right.isEmpty else { return 0 }
        return 2 * Double(longestCommonSubsequence(left, right)) / Double(left.count + right.count)
    }

    /// The lowercased ASCII letters and digits of a run of sentences, up to `limit`.
    static func letters(_ document: Document, _ sentences: Range<Int>) -> [UInt8] {
        let bytes = document.text.bytes
        var result: [UInt8] = []
        result.reserveCapacity(256)
        for s in sentences {
            let sentence = document.sentences[s]
            for i in sentence.start..<sentence.end {
                var byte = bytes[i]
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                guard (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { continue }
                result.append(byte)
                if result.count == limit { return result }
            }
        }
        return result
    }

    /// Length of the longest common subsequence, in two rows of the dynamic programme.
    ///
    /// A common prefix and suffix belong to every longest common subsequence, so they are counted
    /// first and the programme runs on what lies between: aligned sentences of a copy differ in
    /// a word or two, and this takes search's verification from quadratic to nearly linear in
    /// their length.
    static func longestCommonSubsequence(_ left: [UInt8], _ right: [UInt8]) -> Int {
        left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                var start = 0
                while start < l.count && start < r.count && l[start] == r[start] { start += 1 }
                var endL = l.count, endR = r.count
                while endL > start && endR > start && l[endL - 1] == r[endR - 1] { endL -= 1; endR -= 1 }
                let shared = start + (l.count - endL)
                let width = endR - start
                guard endL > start, width > 0 else { return shared }
                var previous = [Int32](repeating: 0, count: width + 1)
                var current = previous
                previous.withUnsafeMutableBufferPointer { p in
                    current.withUnsafeMutableBufferPointer { c in
                        var prev = p, cur = c
                        for i in start..<endL {
                            let x = l[i]
                            for j in 0..<width {
                                cur[j + 1] = x == r[start + j] ? prev[j] + 1 : max(prev[j + 1], cur[j])
                            }
                            swap(&prev, &cur)
                        }
                        if prev.baseAddress != p.baseAddress { p[width] = prev[width] }
                    }
                }
                return shared + Int(previous[width])
            }
        }
    }
}
