/// Whether two texts give their facts in the same order, even where no sentence was aligned.
///
/// A paraphraser rewrites every sentence but keeps the source's sequence: the names and
/// figures come in the same order, and each rewritten sentence is loosely closest to the source
/// sentence in the same position of the chain. Independent reports of one event share the names
/// and figures but order them by each writer's own plan.
struct FactOrder {
    /// Anchor words (names, figures) both texts have, and how many of them, by first mention,
    /// lie on the longest chain in the same order in both.
    var sharedAnchors = 0
    var anchorsInOrder = 0
    /// Body sentences of B whose loosely closest body sentence of A (content-word Dice at least
    /// `looseDice`, two shared words or more) is on the longest chain in the same order.
    var looseMatches = 0
    var looseInOrder = 0

    /// A loose match: Dice of the two sentences' content stems.
    static let looseDice = 0.2
    /// Stems in more than this share of A's sentences (the story's subject) do not vote.
    static let commonStemShare = 0.3

    init(a: ComparisonProfile, source: ComparisonProfile.Source, b: ComparisonProfile) {
        (sharedAnchors, anchorsInOrder) = Self.anchorOrder(a.firstMentions, b.firstMentions)
        (looseMatches, looseInOrder) = Self.looseOrder(source.loose, rowsB: b.looseRows, bodyB: b.body)
    }

    static func anchorOrder(_ firstA: [UInt64: Int], _ firstB: [UInt64: Int]) -> (Int, Int) {
        var pairs: [(Int, Int)] = []
        for (key, position) in firstA { if let other = firstB[key] { pairs.append((position, other)) } }
        pairs.sort { $0.0 < $1.0 }
        return (pairs.count, longestIncreasing(pairs.map(\.1)))
    }

    /// A body sentence's distinct content stems, sorted.
    static func stems(_ document: Document, _ s: Int) -> [UInt64] {
        Array(Set(document.tokens[document.sentences[s].tokens].lazy.filter(\.isContent).map(\.stem))).sorted()
    }

    /// A's body-sentence stems with their postings, for finding each B sentence's loosely
    /// closest A sentence; stems in too many of A's sentences are left out.
    struct LooseIndex: Sendable {
        let rows: [[UInt64]]
        let postings: [UInt64: [Int32]]

        init(_ rows: [[UInt64]], body: [Bool]) {
            self.rows = rows
            var postings: [UInt64: [Int32]] = [:]
            for (s, row) in rows.enumerated() { for stem in row { postings[stem, default: []].append(Int32(s)) } }
            let bodyCount = max(1, body.filter { $0 }.count)
            let limit = max(2, Int(Double(bodyCount) * FactOrder.commonStemShare))
            self.postings = postings.filter { $0.value.count <= limit }
        }
    }

    static func looseOrder(_ index: LooseIndex, rowsB: [[UInt64]], bodyB: [Bool]) -> (Int, Int) {
        let rowsA = index.rows
        var shared = [Int32](repeating: 0, count: rowsA.count)
        var touched: [Int] = []
        var matches: [(Int, Int)] = []
        for s in rowsB.indices where bodyB[s] {
            let row = rowsB[s]
            for stem in row {
                guard let list = index.postings[stem] else { continue }
                for i in list {
                    if shared[Int(i)] == 0 { touched.append(Int(i)) }
                    shared[Int(i)] += 1
                }
            }
            var best = -1, bestDice = looseDice
            for i in touched {
                let count = Int(shared[i])
                let dice = 2 * Double(count) / Double(rowsA[i].count + row.count)
                if count >= 2 && (dice > bestDice || (dice == bestDice && best < 0)) { best = i; bestDice = dice }
                shared[i] = 0
            }
            touched.removeAll(keepingCapacity: true)
            if best >= 0 { matches.append((s, best)) }
        }
        return (matches.count, longestIncreasing(matches.map(\.1)))
    }

    /// Length of the longest strictly increasing subsequence.
    static func longestIncreasing(_ values: [Int]) -> Int {
        var tails: [Int] = []
        for value in values {
            var low = 0, high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if tails[mid] < value { low = mid + 1 } else { high = mid }
            }
            if low == tails.count { tails.append(value) } else { tails[low] = value }
        }
        return tails.count
    }
}
