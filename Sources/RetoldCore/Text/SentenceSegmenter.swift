/// Splits a tokenized text into sentences, deciding at each gap between two tokens.
///
/// The decisions that matter in news copy:
/// - A period ends a sentence only when the next word could start one: "2.5" is one token,
///   and "Mr.", "Sept. 12", "George W. Bush" and "U.S. officials" do not break.
/// - "!" and "?" end a sentence unless a lowercase word follows (`"Why?" she asked.`).
/// - Closing quotes and brackets after the punctuation stay with the sentence they close.
/// - A line break ends a sentence (headlines and bylines have no period), except in
///   hard-wrapped text, where only blank lines and punctuation do.
public enum SentenceSegmenter {
    /// The sentences of a tokenized text, in order.
    public static func segment(_ text: NormalizedText, tokens: [Token]) -> [Sentence] {
        text.bytes.withUnsafeBufferPointer { segment($0, tokens: tokens) }
    }

    /// The sentences of tokenized normalized bytes, in order: the form that works without a ``NormalizedText``.
    public static func segment(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        let hardWrapped = isHardWrapped(bytes)
        var sentences = [Sentence]()
        sentences.reserveCapacity(tokens.count / 16 + 1)
        var sentenceStart = openingStart(bytes, before: Int(tokens[0].start), lowerBound: 0)
        var firstToken = 0
        var paragraph = 0

        for t in 0..<tokens.count {
            let token = tokens[t]
            let gapStart = Int(token.end)
            let gapEnd = t + 1 < tokens.count ? Int(tokens[t + 1].start) : bytes.count
            let next: Token? = t + 1 < tokens.count ? tokens[t + 1] : nil
            // Most gaps are a space or a comma: only ., !, ? and line breaks can end a sentence.
            if next != nil && !token.flags.contains(.dottedAbbreviation) && !gapMayBreak(bytes, gapStart..<gapEnd) { continue }
            let decision = boundary(bytes, token: token, gap: gapStart..<gapEnd, next: next, hardWrapped: hardWrapped)
            guard decision.breaks || next == nil else { continue }
            let end = closingEnd(bytes, from: gapStart, upperBound: gapEnd)
            sentences.append(Sentence(start: sentenceStart, end: end, tokens: firstToken..<(t + 1), paragraph: paragraph))
            if decision.newParagraph { paragraph += 1 }
            if let next {
                sentenceStart = openingStart(bytes, before: Int(next.start), lowerBound: end)
                firstToken = t + 1
            }
        }
        return sentences
    }

    struct Decision { var breaks: Bool; var newParagraph: Bool }

    @inline(__always)
    static func gapMayBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ gap: Range<Int>) -> Bool {
        for i in gap {
            switch bytes[i] {
            case 0x2E, 0x21, 0x3F, 0x0A: return true
            default: continue
            }
        }
        return false
    }

    static func boundary(_ bytes: UnsafeBufferPointer<UInt8>, token: Token, gap: Range<Int>, next: Token?,
                         hardWrapped: Bool) -> Decision {
        var period = false, bang = false, newlines = 0, sawSpace = false
        for i in gap {
            switch bytes[i] {
            case 0x2E: period = true
            case 0x21, 0x3F: bang = true
            case 0x0A: newlines += 1; sawSpace = true
            case 0x20: sawSpace = true
            default: break
            }
        }
        if newlines >= 2 { return Decision(breaks: true, newParagraph: true) }
        guard let next else { return Decision(breaks: true, newParagraph: false) }
        let nextStartsLower = isLowercaseStart(bytes, next)
        let abbreviationPeriod = token.flags.contains(.dottedAbbreviation)

        if newlines == 1 && !hardWrapped { return Decision(breaks: true, newParagraph: false) }
        if bang { return Decision(breaks: !nextStartsLower && sawSpace, newParagraph: false) }
        guard period || abbreviationPeriod else { return Decision(breaks: false, newParagraph: false) }
        // "speech.Next" glued together, and a lowercase continuation, are not boundaries.
        guard sawSpace, !nextStartsLower else { return Decision(breaks: false, newParagraph: false) }
        let periodFollowsToken = Int(token.end) < bytes.count && bytes[Int(token.end)] == 0x2E
        if abbreviationPeriod || periodFollowsToken {
            switch AbbreviationLists.classify(lowercaseWord(bytes, token)) {
            case .title?:
                return Decision(breaks: false, newParagraph: false)
            case .beforeNumber?:
                let breaks = !next.flags.contains(.hasDigit) && isSentenceStarter(bytes, next)
                return Decision(breaks: breaks, newParagraph: false)
            case .ending?:
                return Decision(breaks: isSentenceStarter(bytes, next), newParagraph: false)
            case nil:
                break
            }
            // "U.S. officials" goes on; "in the U.S. The" does not.
            if abbreviationPeriod && !period {
                return Decision(breaks: isSentenceStarter(bytes, next), newParagraph: false)
            }
            // An initial: "George W. Bush".
            if periodFollowsToken, token.end - token.start == 1, token.flags.contains(.capitalized) {
                return Decision(breaks: isSentenceStarter(bytes, next), newParagraph: false)
            }
        }
        return Decision(breaks: true, newParagraph: false)
    }

    /// Text whose lines mostly run on without final punctuation, at similar lengths, was wrapped
    /// by a tool (e-texts, some feeds): there a single line break is not a boundary.
    static func isHardWrapped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lines = 0, wrapped = 0
        var lineStart = 0
        for i in 0..<bytes.count where bytes[i] == 0x0A {
            let length = i - lineStart
            if length > 0 {
                lines += 1
                let last = bytes[i - 1]
                let endsSentence = last == 0x2E || last == 0x21 || last == 0x3F || last == 0x22 || last == 0x3A
                if length >= 40 && length <= 100 && !endsSentence { wrapped += 1 }
            }
            lineStart = i + 1
        }
        return lines >= 4 && wrapped * 2 > lines
    }

    /// Where a sentence begins: its first token, or an opening quote or bracket just before it.
    static func openingStart(_ bytes: UnsafeBufferPointer<UInt8>, before tokenStart: Int, lowerBound: Int) -> Int {
        var start = tokenStart
        while start > lowerBound {
            let b = bytes[start - 1]
            if b == 0x22 || b == 0x27 || b == 0x28 || b == 0x5B || b == 0x24 || b == 0x23 {
                start -= 1
            } else { break }
        }
        return start
    }

    /// Where a sentence ends: after the punctuation, quotes and brackets that follow its last token.
    static func closingEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, upperBound: Int) -> Int {
        var end = from
        while end < upperBound {
            let b = bytes[end]
            if b == 0x20 || b == 0x0A || b == 0x09 { break }
            end += 1
        }
        return end
    }

    @inline(__always)
    static func isLowercaseStart(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let b = bytes[Int(token.start)]
        if b >= 0x61 && b <= 0x7A { return true }
        if b >= 0x80, !token.flags.contains(.capitalized) {
            let (scalar, _) = NormalizedText.decodeScalar(bytes, at: Int(token.start))
            return Unicode.Scalar(scalar)?.properties.isLowercase ?? false
        }
        return false
    }

    static func lowercaseWord(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> String {
        var word = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self).lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        return word
    }

    /// A capitalized function word that commonly opens a sentence ("The", "But", "He").
    static func isSentenceStarter(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        guard token.flags.contains(.capitalized) else { return false }
        return AbbreviationLists.sentenceStarters.contains(lowercaseWord(bytes, token))
    }
}
