/// A claim negated on one side and not on the other: "did not respond" / "responded".
///
/// Counting negators alone would flag faithful rewrites ("did not take her hands away" /
/// "without removing her hands"), so a flip is reported only when the negated word itself, or
/// its stem, appears on the other side without a negator before it.
enum NegationCheck {
    /// Verbal negation: what a flip is made of.
    static let negators: WordSet = [
        "not", "never", "cannot", "n't", "dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent", "couldnt", "wouldnt",
        "didn't", "don't", "doesn't", "isn't", "wasn't", "weren't", "aren't", "won't", "wouldn't", "can't",
        "couldn't", "shouldn't", "hasn't", "haven't", "hadn't", "mustn't",
    ]
    /// Other ways to negate: when the other side uses one, a missing "not" is a rewording.
    static let otherNegation: WordSet = [
        "no", "none", "nobody", "nothing", "neither", "nor", "without", "lack", "lacks", "lacked", "fail", "fails",
        "failed", "refuse", "refused", "refuses", "deny", "denied", "denies", "reject", "rejected", "unable",
        "declined", "barely", "hardly", "failing", "lacking", "refusing", "denying",
    ]
    static let auxiliaries: WordSet = ["be", "been", "being", "have", "has", "had", "do", "does", "did", "yet", "to", "a", "an", "the", "ever", "always", "any", "longer"]

    static func check(_ pair: AlignedPair) -> [Finding] {
        let negatedA = negated(pair.a, pair.tokensA), negatedB = negated(pair.b, pair.tokensB)
        var findings: [Finding] = []
        // Either side negating in another way, or both negating something, reads as the negation moved.
        let bothNegate = !negatedA.isEmpty && !negatedB.isEmpty
        let otherA = bothNegate || pair.tokensA.contains { otherNegation.contains(pair.a.tokens[$0]) }
        let otherB = bothNegate || pair.tokensB.contains { otherNegation.contains(pair.b.tokens[$0]) }
        for (stem, a) in negatedA where negatedB[stem] == nil && !otherB {
            guard let t = pair.tokensB.first(where: { pair.b.tokens[$0].stem == stem }) else { continue }
            let bBytes = Int(pair.b.tokens[t].start)..<Int(pair.b.tokens[t].end)
            findings.append(Finding(kind: .negationFlipped, severity: .high, a: a.bytes, b: bBytes,
                explanation: "A says \"\(a.text)\"; B drops the negation (\"\(pair.b.string(of: pair.b.tokens[t]))\")."))
        }
        for (stem, b) in negatedB where negatedA[stem] == nil && !otherA {
            guard let t = pair.tokensA.first(where: { pair.a.tokens[$0].stem == stem }) else { continue }
            let aBytes = Int(pair.a.tokens[t].start)..<Int(pair.a.tokens[t].end)
            findings.append(Finding(kind: .negationFlipped, severity: .high, a: aBytes, b: b.bytes,
                explanation: "B says \"\(b.text)\", negating what A states (\"\(pair.a.string(of: pair.a.tokens[t]))\")."))
        }
        return findings
    }

    /// Stems of the content words that a negator governs, with the negated phrase.
    static func negated(_ document: Document, _ range: Range<Int>) -> [UInt64: (bytes: Range<Int>, text: String)] {
        var result: [UInt64: (Range<Int>, String)] = [:]
        let tokens = document.tokens
        for t in range where negators.contains(tokens[t]) {
            var k = t + 1
            while k < range.upperBound, k - t <= 3, auxiliaries.contains(tokens[k]) { k += 1 }
            guard k < range.upperBound, tokens[k].isContent else { continue }
            let bytes = Int(tokens[t].start)..<Int(tokens[k].end)
            result[tokens[k].stem] = (bytes, document.text.text(bytes))
        }
        return result
    }
}
