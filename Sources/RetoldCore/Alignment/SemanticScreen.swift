/// Sentence embeddings in two passes: cheap vectors (the encoder's static token table) for every
/// sentence, and the full encoder only for the sentences that have a partner the cheap pass
/// cannot rule out.
///
/// Every semantic decision reads a cosine at ``decisive`` or above (a match for the semantic
/// measures, a semantic candidate, a seed). A pair whose cheap cosine is below ``screen`` is
/// taken to be below ``decisive`` for the full encoder too, and gets a stand-in cosine under it
/// (its cheap cosine, capped just below ``decisive``); every other pair gets the full encoder's
/// cosine. So where the screen is right the comparison is the one the full encoder gives, and
/// the encoder runs only on sentences with a pair at the screen or above. How often it is right
/// is measured on real sentence pairs (`retold eval static`).
public struct SemanticScreen: Sendable {
    /// The full encoder's unit vectors for a list of sentences.
    public let full: @Sendable ([String]) -> [[Float]]
    /// The cheap vectors for a list of sentences.
    public let cheap: @Sendable ([String]) -> [[Float]]
    /// Cheap cosine below which a pair is decided without the full encoder.
    public let screen: Float

    /// The lowest cosine a semantic decision reads (the semantic order's match similarity).
    public static let decisive: Float = 0.7
    /// A screened pair's cosine never reaches this.
    static let standInCeiling: Float = 0.69

    public init(full: @escaping @Sendable ([String]) -> [[Float]], cheap: @escaping @Sendable ([String]) -> [[Float]], screen: Float) {
        self.full = full
        self.cheap = cheap
        self.screen = screen
    }

    /// One document's sentences with their cheap vectors, and their full vectors where computed.
    public struct Side: Sendable {
        public let texts: [String]
        public let cheap: [[Float]]
        public fileprivate(set) var full: [[Float]?]
    }

    /// A document's side; with `encodeAll` every sentence also gets its full vector now (a search's
    /// query, compared with many candidates).
    public func side(_ texts: [String], encodeAll: Bool = false) -> Side {
        Side(texts: texts, cheap: cheap(texts), full: encodeAll ? full(texts).map { $0 } : Array(repeating: nil, count: texts.count))
    }

    /// The embeddings of A against B, and how many sentences the full encoder ran on for them.
    public func embeddings(_ a: Side, _ b: Side) -> (embeddings: SentenceEmbeddings, encoded: Int) {
        let countA = a.texts.count, countB = b.texts.count
        var cheapCosines = [Float](repeating: 0, count: countA * countB)
        var needA = [Bool](repeating: false, count: countA), needB = [Bool](repeating: false, count: countB)
        for i in 0..<countA {
            for j in 0..<countB {
                let s = Self.dot(a.cheap[i], b.cheap[j])
                cheapCosines[i * countB + j] = s
                if s >= screen { needA[i] = true; needB[j] = true }
            }
        }
        var a = a, b = b
        let encoded = Self.complete(&a, need: needA, full) + Self.complete(&b, need: needB, full)
        var similarities = cheapCosines
        for i in 0..<countA {
            guard let x = a.full[i] else {
                for j in 0..<countB { similarities[i * countB + j] = min(cheapCosines[i * countB + j], Self.standInCeiling) }
                continue
            }
            for j in 0..<countB {
                if let y = b.full[j] {
                    similarities[i * countB + j] = Self.dot(x, y)
                } else {
                    similarities[i * countB + j] = min(cheapCosines[i * countB + j], Self.standInCeiling)
                }
            }
        }
        return (SentenceEmbeddings(a: a.cheap, b: b.cheap, similarities: similarities), encoded)
    }

    /// Full vectors for the needed sentences that lack one, in one batch; returns how many.
    private static func complete(_ side: inout Side, need: [Bool], _ full: ([String]) -> [[Float]]) -> Int {
        let missing = need.indices.filter { need[$0] && side.full[$0] == nil }
        guard !missing.isEmpty else { return 0 }
        for (index, vector) in zip(missing, full(missing.map { side.texts[$0] })) { side.full[index] = vector }
        return missing.count
    }

    @inline(__always)
    static func dot(_ x: [Float], _ y: [Float]) -> Float {
        var sum: Float = 0
        for k in 0..<min(x.count, y.count) { sum += x[k] * y[k] }
        return sum
    }
}
