/// Names and actors swapped between aligned sentences.
///
/// Three signals, from the most specific:
/// 1. A family tie names a different person ("the sister of Kim Jong Un" is Kim Yo Jong in A,
///    Kim Jong Un in B).
/// 2. The same action has a different actor: for a content word both sides share, the name
///    right before it differs ("North Korea wants ..." / "Seoul wants ..."), unless either side
///    is passive ("... was attacked by X").
/// 3. In an edited copy, a name removed and another inserted at the same place.
enum EntityCheck {
    static func check(_ pair: AlignedPair) -> [Finding] {
        var findings: [Finding] = []
        var reported = Set<String>()  // entity keys already explained
        let relationsA = KinRelations.find(in: pair.a, names: pair.namesA, tokens: pair.tokensA)
        let relationsB = KinRelations.find(in: pair.b, names: pair.namesB, tokens: pair.tokensB)
        for ra in relationsA {
            for rb in relationsB where rb.relation == ra.relation && rb.of.sameEntity(as: ra.of) && !rb.person.sameEntity(as: ra.person) {
                findings.append(Finding(
                    kind: .entityChanged, severity: .high,
                    a: AlignedPair.bytes(pair.a, ra.person.tokens), b: AlignedPair.bytes(pair.b, rb.person.tokens),
                    explanation: "B names \(rb.person.text) as the \(ra.relation) of \(ra.of.text), where A names \(ra.person.text)."))
                reported.insert(rb.person.key)
            }
        }
        for replacement in replacedNames(pair) + exchangedPeople(pair) where !reported.contains(replacement.b.key) {
            reported.insert(replacement.b.key)
            findings.append(Finding(
                kind: .entityChanged, severity: .high,
                a: AlignedPair.bytes(pair.a, replacement.a.tokens), b: AlignedPair.bytes(pair.b, replacement.b.tokens),
                explanation: "B puts \(replacement.b.text) where A has \(replacement.a.text)."))
        }
        for swap in actorSwaps(pair) where !reported.contains(swap.b.key) {
            reported.insert(swap.b.key)
            let shownA = swap.a.text == swap.a.entity ? swap.a.text : "\(swap.a.text) (\(swap.a.entity))"
            let shownB = swap.b.text == swap.b.entity ? swap.b.text : "\(swap.b.text) (\(swap.b.entity))"
            findings.append(Finding(
                kind: .entityChanged, severity: .high,
                a: AlignedPair.bytes(pair.a, swap.a.tokens), b: AlignedPair.bytes(pair.b, swap.b.tokens),
                explanation: "Who \(swap.action): A says \(shownA), B says \(shownB)."))
        }
        return findings
    }

    struct Swap { var a: NameMention; var b: NameMention; var action: String }

    /// Shared content words whose actor (the name just before them) differs between the sides:
    /// the actor of A must be gone from B's sentence (replaced, not moved), and both must be
    /// specific names.
    static func actorSwaps(_ pair: AlignedPair) -> [Swap] {
        guard !pair.namesA.isEmpty, !pair.namesB.isEmpty else { return [] }
        if isPassive(pair.a, pair.tokensA) || isPassive(pair.b, pair.tokensB) { return [] }
        var swaps: [Swap] = []
        var seenActions = Set<UInt64>()
        // First lowercase occurrence of each stem in B.
        var firstInB: [UInt64: Int] = [:]
        for u in pair.tokensB where !pair.b.tokens[u].flags.contains(.capitalized) && firstInB[pair.b.tokens[u].stem] == nil {
            firstInB[pair.b.tokens[u].stem] = u
        }
        for t in pair.tokensA {
            let token = pair.a.tokens[t]
            // Speech verbs are attribution (QuoteCheck), not actions.
            guard token.isContent, !token.flags.contains(.capitalized), !token.flags.contains(.number),
                  !QuoteCheck.speechVerbs.contains(token),
                  !seenActions.contains(token.stem),
                  let actorA = actor(before: t, pair.namesA),
                  let u = firstInB[token.stem],
                  let actorB = actor(before: u, pair.namesB) else { continue }
            seenActions.insert(token.stem)
            guard actorA.isSpecific, actorB.isSpecific, !actorA.sameEntity(as: actorB),
                  !actorA.isModifier(in: pair.a), !actorB.isModifier(in: pair.b),
                  !pair.namesB.contains(where: { $0.sameEntity(as: actorA) }) else { continue }
            swaps.append(Swap(a: actorA, b: actorB, action: pair.a.string(of: token).lowercased()))
        }
        return swaps
    }

    /// The name ending right before token `t` (an actor of the word at `t`).
    static func actor(before t: Int, _ names: [NameMention]) -> NameMention? {
        names.first { $0.tokens.upperBound == t && !$0.possessive }
    }

    static let passiveMarkers: Set<UInt64> = Set(["was", "were", "been", "being", "is", "are"].map { StableHash.fnv1a($0) })
    static let byKey = StableHash.fnv1a("by")

    /// "was ... by": the actor follows the verb, so the word before it is not its actor.
    static func isPassive(_ document: Document, _ range: Range<Int>) -> Bool {
        var sawAuxiliary = false
        for t in range {
            let key = document.tokens[t].key
            if passiveMarkers.contains(key) { sawAuxiliary = true } else if sawAuxiliary && key == byKey { return true }
        }
        return false
    }

    /// A full person name in A that B drops, while B brings a full name that A lacks: in any
    /// rewrite, one person named in place of another. Countries are left to the actor check.
    static func exchangedPeople(_ pair: AlignedPair) -> [Replacement] {
        func people(_ names: [NameMention]) -> [NameMention] {
            names.filter { $0.tokens.count >= 2 && $0.country == nil }
        }
        let peopleA = people(pair.namesA), peopleB = people(pair.namesB)
        let dropped = peopleA.filter { x in !pair.namesB.contains { $0.sameEntity(as: x) } && !x.isModifier(in: pair.a) }
        let added = peopleB.filter { y in !pair.namesA.contains { $0.sameEntity(as: y) } && !y.isModifier(in: pair.b) }
        guard dropped.count == 1, added.count == 1 else { return [] }
        return [Replacement(a: dropped[0], b: added[0])]
    }

    struct Replacement { var a: NameMention; var b: NameMention }

    /// Edited copies: a name dropped by the word diff, and one inserted between the same kept words.
    static func replacedNames(_ pair: AlignedPair) -> [Replacement] {
        guard pair.alignment.kind != .paraphrased else { return [] }
        let diff = pair.alignment.diff
        var replacements: [Replacement] = []
        // Walk both sides in step over kept words; compare the unkept stretches between them.
        var i = 0, j = 0
        let la = diff.leftKept.count, lb = diff.rightKept.count
        while i < la || j < lb {
            var removed: [Int] = [], inserted: [Int] = []
            while i < la && !diff.leftKept[i] { removed.append(pair.tokensA.lowerBound + i); i += 1 }
            while j < lb && !diff.rightKept[j] { inserted.append(pair.tokensB.lowerBound + j); j += 1 }
            if let first = removed.first, let firstInserted = inserted.first {
                let droppedNames = pair.namesA.filter { $0.tokens.overlaps(first..<(removed.last! + 1)) }
                let addedNames = pair.namesB.filter { $0.tokens.overlaps(firstInserted..<(inserted.last! + 1)) }
                if let x = droppedNames.first, let y = addedNames.first, x.isSpecific, y.isSpecific, !x.sameEntity(as: y),
                   !x.isModifier(in: pair.a), !y.isModifier(in: pair.b),
                   !pair.namesB.contains(where: { $0.sameEntity(as: x) }) {
                    replacements.append(Replacement(a: x, b: y))
                }
            }
            if i < la && j < lb { i += 1; j += 1 } else { break }
        }
        return replacements
    }
}
