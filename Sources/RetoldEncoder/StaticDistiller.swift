import Foundation

/// Builds the static token table from the full encoder (after model2vec): every vocabulary piece
/// is encoded alone, as `[CLS] piece [SEP]`, by the transformer (mean pooled and normalized, as
/// a sentence would be); the vectors are reduced to their principal components; and each piece
/// is weighted by its rarity.
///
/// Rarity comes from the vocabulary's own order: BERT's uncased vocabulary lists its words and
/// continuation pieces, from `the` on, roughly by their frequency in the training text. A piece's
/// rank is its distance from `the` (1 for `the` and for the single characters and punctuation
/// listed before it), and its weight is `log(1 + rank)`, model2vec's Zipf weighting; the bracketed
/// specials (`[CLS]`, `[SEP]`, `[PAD]`, `[UNK]`, `[MASK]`, `[unused…]`) weigh 0.
public enum StaticDistiller {
    /// The principal components kept by default.
    public static let defaultDimensions = 256

    /// Distils the table; `dimensions` principal components are kept (at most the encoder's
    /// width). Batches of `batchSize` pieces run on `threads` threads.
    public static func distill(_ encoder: SentenceEncoder, dimensions: Int = 256, batchSize: Int = 512,
                               threads: Int = 2, log: (String) -> Void = { _ in }) -> StaticTable {
        let vocabulary = encoder.tokenizer.vocabulary
        let count = vocabulary.count, width = encoder.dimensions
        log("encoding the \(count) vocabulary pieces one by one")
        let full = tokenVectors(encoder, batchSize: batchSize, threads: threads)
        log("reducing \(count) vectors of \(width) dimensions to \(min(dimensions, width))")
        let components = PrincipalComponents(full, rows: count, dimensions: width)
        let kept = min(dimensions, width)
        let reduced = components.project(full, rows: count, components: kept)
        return StaticTable(rows: count, dimensions: kept, vectors: reduced, weights: weights(vocabulary))
    }

    /// The encoder's vector of every piece alone, `count × width`.
    static func tokenVectors(_ encoder: SentenceEncoder, batchSize: Int, threads: Int) -> [Float] {
        let vocabulary = encoder.tokenizer.vocabulary
        let count = vocabulary.count, width = encoder.dimensions
        let batches = (count + batchSize - 1) / batchSize
        let workers = max(1, min(threads, batches))
        var out = [Float](repeating: 0, count: count * width)
        out.withUnsafeMutableBufferPointer { buffer in
            let base = SendablePointer(buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var batch = worker
                while batch < batches {
                    let start = batch * batchSize, end = min(start + batchSize, count)
                    let ids = (start..<end).map { [vocabulary.classification, Int32($0), vocabulary.separator] }
                    for (offset, vector) in encoder.encoder.vectors(ids).enumerated() {
                        (base.pointer + (start + offset) * width).update(from: vector, count: width)
                    }
                    batch += workers
                }
            }
        }
        return out
    }

    /// Each piece's weight: `log(1 + rank)` from its place in the vocabulary, 0 for specials.
    public static func weights(_ vocabulary: WordPieceVocabulary) -> [Float] {
        let first = "the".utf8.withContiguousStorageIfAvailable { vocabulary.id(of: $0, continuation: false) } ?? nil
        let firstWord = Int(first ?? 0)
        return (0..<vocabulary.count).map { id in
            let piece = vocabulary.piece(Int32(id))
            if piece.count > 2, piece.hasPrefix("["), piece.hasSuffix("]") { return 0 }
            let rank = max(1, id - firstWord + 1)
            return Float(log1p(Double(rank)))
        }
    }
}

/// A pointer handed to the worker threads, each of which writes its own rows.
private struct SendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(_ pointer: UnsafeMutablePointer<Float>) { self.pointer = pointer }
}
