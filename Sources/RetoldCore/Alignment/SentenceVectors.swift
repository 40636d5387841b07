import Foundation

/// Content-word vectors for the sentences of two documents, weighted by tf-isf.
///
/// Inverse sentence frequency is computed over the sentences of both documents together, so
/// a word that runs through the whole story ("Korea") counts for less than one that pins a
/// sentence down ("armistice"), without any corpus statistics.
struct SentenceVectors {
    /// Per sentence, sorted unique term ids and their weights.
    var terms: [[Int32]]
    var weights: [[Float]]
    var norms: [Float]
    /// Number of distinct terms across both documents.
    var termCount: Int

    /// Builds vectors for `a` (first `a.sentences.count` rows) and `b` (the rest).
    init(_ a: Document, _ b: Document) {
        var ids: [UInt64: Int32] = [:]
        ids.reserveCapacity((a.tokens.count + b.tokens.count) / 2)
        var terms = [[Int32]]()
        var counts = [[Float]]()
        terms.reserveCapacity(a.sentences.count + b.sentences.count)
        for document in [a, b] {
            for sentence in document.sentences {
                var row: [Int32] = []
                for token in document.tokens[sentence.tokens] where token.isContent {
                    let next = Int32(ids.count)
                    let id = ids[token.stem, default: next]
                    if id == next { ids[token.stem] = id }
                    row.append(id)
                }
                row.sort()
                var unique: [Int32] = []
                var tf: [Float] = []
                for id in row {
                    if unique.last == id { tf[tf.count - 1] += 1 } else { unique.append(id); tf.append(1) }
                }
                terms.append(unique)
                counts.append(tf)
            }
        }
        var sentenceFrequency = [Int32](repeating: 0, count: ids.count)
        for row in terms { for id in row { sentenceFrequency[Int(id)] += 1 } }
        let total = Float(terms.count)
        var norms = [Float]()
        norms.reserveCapacity(terms.count)
        for r in terms.indices {
            var sum: Float = 0
            for k in terms[r].indices {
                let isf = log((total + 1) / Float(sentenceFrequency[Int(terms[r][k])])) + 0.1
                counts[r][k] = (1 + log(counts[r][k])) * isf
                sum += counts[r][k] * counts[r][k]
            }
            norms.append(sum.squareRoot())
        }
        self.terms = terms
        self.weights = counts
        self.norms = norms
        self.termCount = ids.count
    }

    /// Cosine similarity between the summed vectors of two groups of rows.
    func cosine(_ left: Range<Int>, _ right: Range<Int>) -> Float {
        let l = merged(left), r = merged(right)
        var dot: Float = 0, nl: Float = 0, nr: Float = 0
        var i = 0, j = 0
        while i < l.count && j < r.count {
            if l[i].0 == r[j].0 { dot += l[i].1 * r[j].1; i += 1; j += 1 }
            else if l[i].0 < r[j].0 { i += 1 } else { j += 1 }
        }
        for (_, w) in l { nl += w * w }
        for (_, w) in r { nr += w * w }
        guard nl > 0, nr > 0 else { return 0 }
        return dot / (nl.squareRoot() * nr.squareRoot())
    }

    /// Number of distinct terms two rows share.
    func sharedTerms(_ left: Int, _ right: Int) -> Int {
        var i = 0, j = 0, shared = 0
        let l = terms[left], r = terms[right]
        while i < l.count && j < r.count {
            if l[i] == r[j] { shared += 1; i += 1; j += 1 } else if l[i] < r[j] { i += 1 } else { j += 1 }
        }
        return shared
    }

    /// Share of one row's distinct terms found in any of the given rows.
    func containment(of row: Int, in rows: Range<Int>) -> Float {
        let mine = terms[row]
        guard !mine.isEmpty else { return 0 }
        var found = 0
        for term in mine where rows.contains(where: { terms[$0].sortedContains(term) }) { found += 1 }
        return Float(found) / Float(mine.count)
    }

    private func merged(_ rows: Range<Int>) -> [(Int32, Float)] {
        if rows.count == 1 { return zip(terms[rows.lowerBound], weights[rows.lowerBound]).map { ($0, $1) } }
        var sums: [Int32: Float] = [:]
        for r in rows { for k in terms[r].indices { sums[terms[r][k], default: 0] += weights[r][k] } }
        return sums.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
