/// Whether B's sentences restate A's in A's order, by the sentence encoder's similarity rather
/// than by shared words: a paraphraser that rewrites every sentence still follows its source
/// sentence by sentence, while an independent report of the same event, however close in
/// meaning, orders its facts by its own plan.
///
/// Meaning alone is no evidence of derivation (two reports of one event are close in meaning
/// throughout): the order of the matches is what the relationship model may read as such.
struct SemanticOrder {
    /// Body sentences of B whose closest body sentence of A reaches ``matchSimilarity``.
    var matchesB = 0
    /// Body sentences of A with a body sentence of B at ``matchSimilarity`` or above.
    var matchesA = 0
    /// Of B's matches, how many lie on the longest chain in the same order on both sides.
    var inOrder = 0
    var bodyA = 0, bodyB = 0

    /// A match: cosine of all-MiniLM-L6-v2 sentence vectors. Paraphrased sentence pairs of the
    /// development clusters mostly score above it; unrelated sentences of one story, below.
    static let matchSimilarity: Float = 0.7

    init(_ embeddings: SentenceEmbeddings, bodyA: [Bool], bodyB: [Bool]) {
        self.bodyA = bodyA.filter { $0 }.count
        self.bodyB = bodyB.filter { $0 }.count
        var matched = [Bool](repeating: false, count: bodyA.count)
        var pairs: [(Int, Int)] = []
        for j in bodyB.indices where bodyB[j] {
            var best = -Float.infinity, bestI = -1
            for i in bodyA.indices where bodyA[i] {
                let s = embeddings.similarity(i, j)
                if s > best { best = s; bestI = i }
                if s >= Self.matchSimilarity { matched[i] = true }
            }
            if bestI >= 0, best >= Self.matchSimilarity { pairs.append((j, bestI)) }
        }
        matchesB = pairs.count
        matchesA = matched.filter { $0 }.count
        inOrder = FactOrder.longestIncreasing(pairs.map(\.1))
    }

    var shareA: Double { bodyA == 0 ? 0 : Double(matchesA) / Double(bodyA) }
    var shareB: Double { bodyB == 0 ? 0 : Double(matchesB) / Double(bodyB) }
}
