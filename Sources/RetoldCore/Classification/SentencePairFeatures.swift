import Foundation

/// The features the sentence-pair model reads: how much of each side the other repeats, at
/// several granularities, and whether what differs is what matters (numbers, names, negation).
///
/// Every feature is symmetric (min and max over the two directions), so the model scores
/// (A, B) and (B, A) alike. Inputs are tokens only, so the same features score sentences
/// inside documents and isolated sentence pairs.
public enum SentencePairFeatures {
    /// Feature names, in the order ``compute(_:_:)`` returns them: stored with every model fitted on them.
    public static let names: [String] = [
        "stem1_min", "stem1_max", "stem2_min", "stem2_max", "stem3_min", "stem3_max", "stem4_min", "stem4_max",
        "content_min", "content_max", "lcs_min", "lcs_max", "length_difference", "log_length",
        "numbers_unmatched", "numbers_agree", "names_unmatched", "content_unmatched_min", "content_unmatched_max",
        "negation_differs", "bleu_min", "bleu_max", "longest_run",
    ]
    /// Number of features.
    public static var count: Int { names.count }

    /// The features of one sentence pair (or pair of sentence groups); all zero when either side is empty.
    public static func compute(_ a: ArraySlice<Token>, _ b: ArraySlice<Token>) -> [Double] {
        var features = [Double](repeating: 0, count: count)
        let la = a.count, lb = b.count
        guard la > 0, lb > 0 else { return features }
        let stemsA = a.map(\.stem), stemsB = b.map(\.stem)
        var gramsA = [UInt64](), gramsB = [UInt64]()
        gramsA.reserveCapacity(la); gramsB.reserveCapacity(lb)

        // n-gram overlap on stems, as clipped precision in each direction.
        var logA = 0.0, logB = 0.0
        var namesUnmatched = 0
        for n in 1...4 {
            fillGrams(stemsA, n: n, into: &gramsA)
            fillGrams(stemsB, n: n, into: &gramsB)
            let matched = sortedIntersectionCount(gramsA, gramsB, unique: false)
            let pa = gramsA.isEmpty ? 0 : Double(matched) / Double(gramsA.count)
            let pb = gramsB.isEmpty ? 0 : Double(matched) / Double(gramsB.count)
            features[2 * (n - 1)] = min(pa, pb)
            features[2 * (n - 1) + 1] = max(pa, pb)
            logA += log(pa + 0.05); logB += log(pb + 0.05)
            if n == 1 {
                // Names (capitalized words not at a sentence start) the other side lacks.
                for token in a where isName(token) && !gramsB.sortedContains(token.stem) { namesUnmatched += 1 }
                for token in b where isName(token) && !gramsA.sortedContains(token.stem) { namesUnmatched += 1 }
            }
        }
        // Content words (no stopwords), as sets.
        fillUnique(a, into: &gramsA) { $0.isContent ? $0.stem : nil }
        fillUnique(b, into: &gramsB) { $0.isContent ? $0.stem : nil }
        let sharedContent = sortedIntersectionCount(gramsA, gramsB, unique: true)
        let ca = gramsA.isEmpty ? 1 : Double(sharedContent) / Double(gramsA.count)
        let cb = gramsB.isEmpty ? 1 : Double(sharedContent) / Double(gramsB.count)
        features[8] = min(ca, cb); features[9] = max(ca, cb)
        let unmatchedA = gramsA.count - sharedContent, unmatchedB = gramsB.count - sharedContent
        // Longest common subsequence and longest common run of surface words, in one pass.
        let (lcsLength, run) = subsequenceAndRun(a, b)
        let lcs = Double(lcsLength)
        features[10] = min(lcs / Double(la), lcs / Double(lb)); features[11] = max(lcs / Double(la), lcs / Double(lb))
        features[12] = Double(abs(la - lb)) / Double(max(la, lb))
        features[13] = log(Double(max(la, lb)))
        // Numbers: a figure present on one side only is the strongest sign of a different claim.
        fillUnique(a, into: &gramsA) { $0.flags.contains(.number) ? $0.key : nil }
        fillUnique(b, into: &gramsB) { $0.flags.contains(.number) ? $0.key : nil }
        let sharedNumbers = sortedIntersectionCount(gramsA, gramsB, unique: true)
        let numberMismatch = gramsA.count + gramsB.count - 2 * sharedNumbers
        features[14] = Double(min(numberMismatch, 3))
        features[15] = !gramsA.isEmpty && numberMismatch == 0 ? 1 : 0
        features[16] = Double(min(namesUnmatched, 4))
        features[17] = Double(min(unmatchedA, unmatchedB)); features[18] = Double(max(unmatchedA, unmatchedB))
        features[19] = negations(a) != negations(b) ? 1 : 0
        // BLEU-like geometric mean of smoothed 1-4-gram precisions, each direction.
        let bleuA = exp(logA / 4), bleuB = exp(logB / 4)
        features[20] = min(bleuA, bleuB); features[21] = max(bleuA, bleuB)
        features[22] = Double(run) / Double(min(la, lb))
        return features
    }

    /// Sorted hashes of the n-grams of `s` (for n = 1, the values themselves).
    @inline(__always)
    static func fillGrams(_ s: [UInt64], n: Int, into out: inout [UInt64]) {
        out.removeAll(keepingCapacity: true)
        guard s.count >= n else { return }
        for i in 0...(s.count - n) {
            var h = s[i]
            for k in 1..<n { h = StableHash.combine(h, s[i + k]) }
            out.append(h)
        }
        out.sort()
    }

    /// Sorted distinct values that `select` picks from the tokens.
    @inline(__always)
    static func fillUnique(_ tokens: ArraySlice<Token>, into out: inout [UInt64], _ select: (Token) -> UInt64?) {
        out.removeAll(keepingCapacity: true)
        for token in tokens { if let value = select(token) { out.append(value) } }
        out.sort()
        var write = 0
        for read in out.indices where write == 0 || out[read] != out[write - 1] {
            out[write] = out[read]; write += 1
        }
        out.removeLast(out.count - write)
    }

    /// Size of the (multiset) intersection of two sorted arrays.
    @inline(__always)
    static func sortedIntersectionCount(_ a: [UInt64], _ b: [UInt64], unique: Bool) -> Int {
        var i = 0, j = 0, matched = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { matched += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return matched
    }

    /// Length of the longest common subsequence and of the longest common run of word keys.
    static func subsequenceAndRun(_ a: ArraySlice<Token>, _ b: ArraySlice<Token>) -> (Int, Int) {
        let m = b.count
        let keysB = b.map(\.key)
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 4 * (m + 1)) { buffer in
            buffer.initialize(repeating: 0)
            var lcsPrevious = 0, lcsCurrent = m + 1, runPrevious = 2 * (m + 1), runCurrent = 3 * (m + 1)
            var best: Int32 = 0
            for i in a.indices {
                let key = a[i].key
                buffer[lcsCurrent] = 0; buffer[runCurrent] = 0
                for j in 0..<m {
                    if key == keysB[j] {
                        buffer[lcsCurrent + j + 1] = buffer[lcsPrevious + j] + 1
                        let run = buffer[runPrevious + j] + 1
                        buffer[runCurrent + j + 1] = run
                        best = max(best, run)
                    } else {
                        buffer[lcsCurrent + j + 1] = max(buffer[lcsPrevious + j + 1], buffer[lcsCurrent + j])
                        buffer[runCurrent + j + 1] = 0
                    }
                }
                swap(&lcsPrevious, &lcsCurrent)
                swap(&runPrevious, &runCurrent)
            }
            return (Int(buffer[lcsPrevious + m]), Int(best))
        }
    }

    @inline(__always)
    static func isName(_ token: Token) -> Bool {
        token.flags.contains(.capitalized) && !token.flags.contains(.sentenceInitial) && !token.flags.contains(.stopword)
    }

    static let negators: Set<UInt64> = Set(["not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without",
        "cannot", "n't", "didn't", "don't", "doesn't", "isn't", "wasn't", "weren't", "aren't", "won't", "wouldn't",
        "can't", "couldn't", "shouldn't", "hasn't", "haven't", "hadn't"].map { StableHash.fnv1a($0) })

    static func negations(_ tokens: ArraySlice<Token>) -> Int {
        tokens.reduce(0) { $0 + (negators.contains($1.key) ? 1 : 0) }
    }

}
