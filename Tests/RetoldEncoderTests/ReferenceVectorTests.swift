import Foundation
import RetoldTestSupport
import Testing
@testable import RetoldEncoder

/// Retold's encoder against sentence-transformers itself: the token ids and vectors in
/// `Fixtures/reference.json` were computed by `scripts/encoder-reference.py`. Needs the model
/// installed (`retold model install`; CI installs it before the tests).
@Suite(.enabled(if: ModelDirectory.standard().isPresent, "no model installed: run `retold model install`"))
struct ReferenceVectorTests {
    struct Reference: Decodable {
        struct Entry: Decodable { let text: String; let ids: [Int32]; let vector: [Float] }
        let maxSequenceLength: Int
        let sentences: [Entry]
    }

    static let reference: Reference = {
        let url = Bundle.module.url(forResource: "Fixtures/reference", withExtension: "json")!
        return try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }()

    @Test func tokenIdsEqualTheReferenceTokenizers() throws {
        let encoder = try ModelDirectory.standard().load()
        #expect(Self.reference.sentences.count == 39)
        for entry in Self.reference.sentences {
            #expect(encoder.tokenizer.ids(entry.text) == entry.ids, "\(entry.text)")
        }
    }

    @Test func vectorsMatchTheReferenceToACosineOfAtLeast09999() throws {
        let encoder = try ModelDirectory.standard().load()
        let sentences = Self.reference.sentences
        // Batches of three, so that packing sentences of different lengths is exercised.
        let vectors = encoder.vectors(sentences.map(\.text), batchSize: 3)
        var worst: Float = 1
        for (entry, vector) in zip(sentences, vectors) {
            let cosine = SentenceEncoder.similarity(vector, entry.vector) / Self.length(entry.vector)
            worst = min(worst, cosine)
            #expect(cosine >= 0.9999, "\(entry.text): cosine \(cosine)")
        }
        #expect(worst >= 0.9999)
    }

    static func length(_ vector: [Float]) -> Float { vector.reduce(0) { $0 + $1 * $1 }.squareRoot() }
}
