/// Word-level differences between two token sequences, by longest common subsequence of keys.
///
/// Used to decide whether an aligned pair is verbatim, lightly edited or rewritten, and to mark
/// the words that differ in reports. Sentences are short, so the quadratic table is cheap.
public struct WordDiff: Sendable, Equatable {
    /// For each token on the left, whether it is kept on the right (in the common subsequence).
    public var leftKept: [Bool]
    /// For each token on the right, whether it comes from the left.
    public var rightKept: [Bool]
    /// Words in the common subsequence.
    public var commonCount: Int

    /// Diffs two token sequences by their keys (lowercase forms), so case and punctuation do not count.
    public init<L: Collection, R: Collection>(_ left: L, _ right: R)
    where L.Element == Token, R.Element == Token {
        let a = left.map(\.key), b = right.map(\.key)
        let n = a.count, m = b.count
        leftKept = Array(repeating: false, count: n)
        rightKept = Array(repeating: false, count: m)
        commonCount = 0
        guard n > 0, m > 0 else { return }
        // Suffix LCS lengths, row-major (n+1) x (m+1).
        let width = m + 1
        var table = [Int32](repeating: 0, count: (n + 1) * width)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j]
                    ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] {
                leftKept[i] = true; rightKept[j] = true; commonCount += 1; i += 1; j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// True when both sides have the same words in the same order.
    public var isIdentical: Bool { commonCount == leftKept.count && commonCount == rightKept.count }

    /// Share of the longer side's words that the common subsequence keeps.
    public var overlap: Double {
        let longer = max(leftKept.count, rightKept.count)
        return longer == 0 ? 1 : Double(commonCount) / Double(longer)
    }
}
