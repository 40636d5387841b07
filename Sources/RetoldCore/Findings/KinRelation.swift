/// A stated family tie: "Kim Yo Jong, the sister of Kim Jong Un" says the sister of
/// Kim Jong Un is Kim Yo Jong.
public struct KinRelation: Sendable, Equatable {
    /// "sister", "brother", "wife", ...
    public var relation: String
    /// Whose relative: the entity named after "of" or before "'s".
    public var of: NameMention
    /// The relative named.
    public var person: NameMention
    /// Tokens from the first to the last word of the statement.
    public var tokens: Range<Int>
}

/// Reads appositive family ties, the way news copy states them:
/// - "X, the (influential) sister of (leader) Y"
/// - "Y's (influential) sister, X"
/// - "the sister of Y, X"
enum KinRelations {
    static let relationWords: WordSet = WordSet(relations)
    static let of = Word("of")
    static let relations: Set<String> = [
        "sister", "brother", "wife", "husband", "son", "daughter", "father", "mother", "uncle", "aunt",
        "cousin", "niece", "nephew", "spouse", "widow", "widower", "grandson", "granddaughter", "grandfather",
        "grandmother", "stepson", "stepdaughter", "stepfather", "stepmother", "half-brother", "half-sister",
    ]

    static func find(in document: Document, names: [NameMention], tokens range: Range<Int>) -> [KinRelation] {
        var found: [KinRelation] = []
        let inRange = names.filter { range.contains($0.tokens.lowerBound) }
        func name(startingAt t: Int) -> NameMention? { inRange.first { $0.tokens.lowerBound == t } }
        func name(endingAt t: Int) -> NameMention? { inRange.first { $0.tokens.upperBound == t } }
        /// Skips lowercase modifiers and titles ("influential", "North Korean leader") up to `limit` tokens.
        func skipModifiers(from t: Int, limit: Int = 4) -> Int {
            var k = t
            while k < range.upperBound, k - t < limit, name(startingAt: k) == nil,
                  !relationWords.contains(document.tokens[k]), !endsClause(document, k - 1) { k += 1 }
            return k
        }
        for r in range where relationWords.contains(document.tokens[r]) {
            let relation = word(document, r)
            // "Y's (modifiers) sister, X"
            var k = r - 1
            while k >= range.lowerBound, r - k <= 3, !(name(endingAt: k + 1)?.possessive ?? false) { k -= 1 }
            if k >= range.lowerBound, let owner = name(endingAt: k + 1), owner.possessive, !endsClauseBetween(document, k, r),
               r + 1 < range.upperBound, commaAfter(document, r), let person = name(startingAt: r + 1) {
                found.append(KinRelation(relation: relation, of: owner, person: person,
                                         tokens: owner.tokens.lowerBound..<person.tokens.upperBound))
                continue
            }
            // "(the) sister of (modifiers) Y" ...
            guard r + 1 < range.upperBound, document.tokens[r + 1].is(of) else { continue }
            let ownerStart = skipModifiers(from: r + 2)
            guard var owner = name(startingAt: ownerStart) else { continue }
            // "of North Korean leader Kim Jong Un": a demonym and a title before the real owner.
            let afterTitles = skipTitles(document, from: owner.tokens.upperBound, in: range)
            if afterTitles > owner.tokens.upperBound, let titled = name(startingAt: afterTitles) { owner = titled }
            // ... preceded by "X, the (modifiers)"
            var p = r - 1
            while p >= range.lowerBound, r - p <= 4, !commaAfter(document, p) { p -= 1 }
            if p >= range.lowerBound, commaAfter(document, p), let person = name(endingAt: p + 1) {
                found.append(KinRelation(relation: relation, of: owner, person: person,
                                         tokens: person.tokens.lowerBound..<owner.tokens.upperBound))
                continue
            }
            // ... or followed by ", X"
            if commaAfter(document, owner.tokens.upperBound - 1), let person = name(startingAt: owner.tokens.upperBound) {
                found.append(KinRelation(relation: relation, of: owner, person: person,
                                         tokens: r..<person.tokens.upperBound))
            }
        }
        return found
    }

    static func skipTitles(_ document: Document, from t: Int, in range: Range<Int>) -> Int {
        var k = t
        while k < range.upperBound, NameFinder.isTitle(document, document.tokens[k]) { k += 1 }
        return k
    }

    static func word(_ document: Document, _ t: Int) -> String {
        document.string(of: document.tokens[t]).lowercased()
    }

    /// A comma right after token `t`.
    static func commaAfter(_ document: Document, _ t: Int) -> Bool {
        let end = Int(document.tokens[t].end)
        return end < document.text.bytes.count && document.text.bytes[end] == 0x2C
    }

    static func endsClause(_ document: Document, _ t: Int) -> Bool {
        guard t >= 0, t < document.tokens.count else { return false }
        let end = Int(document.tokens[t].end)
        guard end < document.text.bytes.count else { return true }
        let b = document.text.bytes[end]
        return b == 0x2E || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F
    }

    static func endsClauseBetween(_ document: Document, _ from: Int, _ to: Int) -> Bool {
        (from..<to).contains { endsClause(document, $0) }
    }
}
