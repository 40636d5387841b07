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

    init(a: Document, b: Document, bodyA: [Bool], bodyB: [Bool]) {
        (sharedAnchors, anchorsInOrder) = Self.anchorOrder(a, b)
        (looseMatches, looseInOrder) = Self.looseOrder(a, b, bodyA: bodyA, bodyB: bodyB)
    }

    static func anchorOrder(_ a: Document, _ b: Document) -> (Int, Int) {
        let firstA = firstMentions(a), firstB = firstMentions(b)
        var pairs: [(Int, Int)] = []
        for (key, position) in firstA { if let other = firstB[key] { pairs.append((position, other)) } }
        pairs.sort { $0.0 < $1.0 }
        return (pairs.count, longestIncreasing(pairs.map(\.1)))
    }

    /// Token index of the first mention of each anchor word.
    static func firstMentions(_ document: Document) -> [UInt64: Int] {
        var first: [UInt64: Int] = [:]
        for run in SharedAnchors.anchorRuns(document) {
            for t in run where first[document.tokens[t].key] == nil { first[document.tokens[t].key] = t }
        }
        return first
    }

    static func looseOrder(_ a: Document, _ b: Document, bodyA: [Bool], bodyB: [Bool]) -> (Int, Int) {
        func stems(_ document: Document, _ s: Int) -> [UInt64] {
            Array(Set(document.tokens[document.sentences[s].tokens].lazy.filter(\.isContent).map(\.stem))).sorted()
        }
        let rowsA = a.sentences.indices.map { bodyA[$0] ? stems(a, $0) : [] }
        var postings: [UInt64: [Int32]] = [:]
        for (s, row) in rowsA.enumerated() { for stem in row { postings[stem, default: []].append(Int32(s)) } }
        let bodyCount = max(1, bodyA.filter { $0 }.count)
        let limit = max(2, Int(Double(bodyCount) * commonStemShare))
        var shared = [Int32](repeating: 0, count: rowsA.count)
        var touched: [Int] = []
        var matches: [(Int, Int)] = []
        for s in b.sentences.indices where bodyB[s] {
            let row = stems(b, s)
            for stem in row {
                guard let list = postings[stem], list.count <= limit else { continue }
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
