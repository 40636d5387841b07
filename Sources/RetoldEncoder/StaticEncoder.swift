/// Static sentence vectors: a sentence's pieces (the encoder's own tokenizer) looked up in the
/// distilled table, summed with their weights, and scaled to unit length. About a thousand times
/// cheaper than the transformer and a coarser measure of meaning; `[CLS]`, `[SEP]` and the
/// other bracketed specials weigh nothing.
public struct StaticEncoder: Sendable {
    /// The static cosine below which `--semantic` takes a sentence pair to be no match without
    /// running the full encoder (see `retold eval static` and docs/semantic.md).
    public static let screen: Float = 0.45

    public let tokenizer: BertTokenizer
    public let dimensions: Int
    /// Each piece's vector already multiplied by its weight, row by piece id.
    private let weighted: [Float]
    private let rows: Int

    public init(tokenizer: BertTokenizer, table: StaticTable) {
        precondition(table.rows == tokenizer.vocabulary.count, "a static table of \(table.rows) rows for \(tokenizer.vocabulary.count) pieces")
        self.tokenizer = tokenizer
        dimensions = table.dimensions
        rows = table.rows
        var weighted = table.vectors
        for row in 0..<table.rows {
            let weight = table.weights[row]
            for column in 0..<table.dimensions { weighted[row * table.dimensions + column] *= weight }
        }
        self.weighted = weighted
    }

    /// The unit vector of `text` (all zeros when none of its pieces weighs anything).
    public func vector(_ text: String) -> [Float] {
        [Float](unsafeUninitializedCapacity: dimensions) { out, count in
            tokenizer.withIDs(text) { ids in vector(ids: ids, into: out) }
            count = dimensions
        }
    }

    public func vectors(_ texts: [String]) -> [[Float]] { texts.map(vector) }

    /// The unit vector of token ids, written to `out` (`dimensions` long).
    public func vector(ids: UnsafeBufferPointer<Int32>, into out: UnsafeMutableBufferPointer<Float>) {
        let width = dimensions
        let base = out.baseAddress!
        base.initialize(repeating: 0, count: width)
        weighted.withUnsafeBufferPointer { table in
            let rowsBase = table.baseAddress!
            for id in ids {
                let index = Int(id)
                guard index >= 0, index < rows else { continue }
                let row = rowsBase + index * width
                for column in 0..<width { base[column] += row[column] }
            }
        }
        var norm: Float = 0
        for column in 0..<width { norm += base[column] * base[column] }
        guard norm > 0 else { return }
        let inverse = 1 / norm.squareRoot()
        for column in 0..<width { base[column] *= inverse }
    }
}
