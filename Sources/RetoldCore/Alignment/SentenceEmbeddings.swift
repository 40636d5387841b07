/// Unit-length sentence vectors from a sentence encoder, one per sentence of each document, in
/// the documents' sentence order: the semantic side of a comparison.
///
/// The core computes none: a caller with an encoder (`RetoldEncoder`) embeds each document's
/// ``Document/sentenceTexts`` and hands the vectors in, so comparing stays free of I/O and of any
/// model file. Their dot product is the encoder's similarity of two sentences.
public struct SentenceEmbeddings: Sendable {
    public let a: [[Float]]
    public let b: [[Float]]
    /// Every A-B cosine, row by A sentence: the aligner and the evidence both read them, so
    /// they are computed once.
    private let similarities: [Float]

    /// Vectors for A's sentences and for B's; each list must have one per sentence.
    public init(a: [[Float]], b: [[Float]]) {
        self.a = a
        self.b = b
        var similarities = [Float](repeating: 0, count: a.count * b.count)
        for (i, x) in a.enumerated() {
            for (j, y) in b.enumerated() {
                var sum: Float = 0
                for k in 0..<min(x.count, y.count) { sum += x[k] * y[k] }
                similarities[i * b.count + j] = sum
            }
        }
        self.similarities = similarities
    }

    /// Vectors with cosines given rather than computed: `similarities` holds one per A-B pair, row
    /// by A sentence. For a cascade (``SemanticScreen``) the cosines are the full encoder's where it
    /// ran and a stand-in below every threshold where cheap vectors ruled a pair out.
    public init(a: [[Float]], b: [[Float]], similarities: [Float]) {
        precondition(similarities.count == a.count * b.count)
        self.a = a
        self.b = b
        self.similarities = similarities
    }

    /// The cosine of A's sentence `i` and B's sentence `j`.
    @inline(__always)
    public func similarity(_ i: Int, _ j: Int) -> Float {
        similarities[i * b.count + j]
    }

    /// The same vectors with the documents' roles swapped.
    public var swapped: SentenceEmbeddings {
        var transposed = [Float](repeating: 0, count: similarities.count)
        for i in 0..<a.count {
            for j in 0..<b.count { transposed[j * a.count + i] = similarities[i * b.count + j] }
        }
        return SentenceEmbeddings(a: b, b: a, similarities: transposed)
    }

    /// Whether the vectors fit the two documents.
    public func fits(_ documentA: Document, _ documentB: Document) -> Bool {
        a.count == documentA.sentences.count && b.count == documentB.sentences.count
    }
}

extension Document {
    /// Each sentence's original text, as a sentence encoder should read it.
    public var sentenceTexts: [String] {
        sentences.map { text.originalText($0.range) }
    }
}
