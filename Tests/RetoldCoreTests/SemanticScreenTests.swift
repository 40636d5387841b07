import Foundation
import Testing
@testable import RetoldCore

/// The two-pass embeddings: cheap vectors for every sentence, the full encoder only for the
/// sentences with a pair at the screen or above.
@Suite struct SemanticScreenTests {
    /// Records which texts the full encoder was asked for.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [String] = []
        func add(_ batch: [String]) { lock.withLock { texts += batch } }
        var all: [String] { lock.withLock { texts } }
    }

    // Made-up two-dimensional vectors, by text.
    static let cheapVectors: [String: [Float]] = ["a1": [1, 0], "a2": [0, 1], "b1": [0.8, 0.6], "b2": [-1, 0]]
    static let fullVectors: [String: [Float]] = ["a1": [0.6, 0.8], "a2": [0, 1], "b1": [0.6, 0.8], "b2": [1, 0]]

    @Test func onlySentencesWithAPairAtTheScreenAreFullyEncoded() {
        let calls = Calls()
        let screen = SemanticScreen(full: { texts in calls.add(texts); return texts.map { Self.fullVectors[$0]! } },
                                    cheap: { $0.map { Self.cheapVectors[$0]! } }, screen: 0.5)
        let (embeddings, encoded) = screen.embeddings(screen.side(["a1", "a2"]), screen.side(["b1", "b2"]))
        // Cheap cosines: a1·b1 0.8, a1·b2 -1, a2·b1 0.6, a2·b2 0: a1, a2 and b1 need the full encoder, b2 does not.
        #expect(encoded == 3)
        #expect(calls.all.sorted() == ["a1", "a2", "b1"])
        // Full cosines where both sides were encoded; the cheap cosine, capped under 0.7, elsewhere.
        #expect(abs(embeddings.similarity(0, 0) - 1) < 1e-6)  // a1·b1 full: 0.36 + 0.64
        #expect(abs(embeddings.similarity(1, 0) - 0.8) < 1e-6)  // a2·b1 full
        #expect(embeddings.similarity(0, 1) == -1)  // a1·b2 cheap
        #expect(embeddings.similarity(1, 1) == 0)  // a2·b2 cheap
        // Swapping the documents transposes the cosines.
        #expect(embeddings.swapped.similarity(0, 1) == embeddings.similarity(1, 0))
        #expect(embeddings.swapped.similarity(1, 0) == embeddings.similarity(0, 1))
    }

    @Test func aScreenedPairNeverReachesAMatch() {
        // A cheap cosine above 0.7 for a sentence that was not encoded cannot happen at a screen
        // below 0.7, but the stand-in is capped all the same.
        let screen = SemanticScreen(full: { $0.map { _ in [1, 0] } }, cheap: { $0.map { _ in [1, 0] } }, screen: 2)
        let (embeddings, encoded) = screen.embeddings(screen.side(["x"]), screen.side(["y"]))
        #expect(encoded == 0)
        #expect(embeddings.similarity(0, 0) == 0.69)
        // A query encoded in full beforehand is not encoded again.
        let query = screen.side(["x"], encodeAll: true)
        let loose = SemanticScreen(full: screen.full, cheap: screen.cheap, screen: 0.5)
        #expect(loose.embeddings(query, loose.side(["y"])).encoded == 1)
    }
}
