/// Leftovers of scraping and rewriting: navigation and footer lines, repeated title lines,
/// sentences cut off, and stray fragments.
enum DebrisCheck {
    /// Words of site furniture. A short line made mostly of these is navigation, not prose.
    static let furniture: WordSet = [
        "skip", "content", "menu", "navigation", "share", "tweet", "email", "print", "subscribe", "sign", "log",
        "login", "register", "newsletter", "advertisement", "cookie", "cookies", "accept", "privacy", "policy",
        "terms", "related", "read", "more", "click", "here", "follow", "us", "copyright", "rights", "reserved",
        "home", "search", "comments", "comment", "facebook", "twitter", "whatsapp", "linkedin", "main", "up", "in",
        "to", "all", "the", "on", "next", "previous", "article", "stories", "story", "top", "back",
    ]

    static func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        var seen: [[UInt64]: Int] = [:]
        let sentences = document.sentences
        for (s, sentence) in sentences.enumerated() {
            let tokens = document.tokens[sentence.tokens]
            let bytes = sentence.range
            let text = document.text.text(bytes)
            let last = document.text.bytes[sentence.end - 1]
            let endsSentence = last == 0x2E || last == 0x21 || last == 0x3F || last == 0x22 || last == 0x27 || last == 0x29
            let alone = isOwnParagraph(document, s)
            if tokens.count <= 6, alone, tokens.filter({ furniture.contains($0) }).count * 3 >= tokens.count * 2 {
                findings.append(Finding(kind: .debris, severity: .low, a: bytes, b: nil,
                                        explanation: "\"\(text)\" looks like site navigation, not part of the article."))
                continue
            }
            let keys = tokens.map(\.key)
            if keys.count >= 5, let earlier = seen[keys] {
                findings.append(Finding(kind: .debris, severity: .low, a: bytes, b: AlignedPair.bytes(document, sentences[earlier].tokens),
                                        explanation: "\"\(text)\" repeats an earlier line word for word (a duplicated title or scraping leftover)."))
                continue
            }
            seen[keys] = s
            if last == 0x2C || last == 0x3B || last == 0x3A {
                findings.append(Finding(kind: .debris, severity: .low, a: bytes, b: nil,
                                        explanation: "\"\(text)\" breaks off mid-sentence."))
                continue
            }
            // A short unpunctuated line after the article's last sentence: a site name or footer.
            if s == sentences.count - 1, s > 0, alone, !endsSentence, tokens.count <= 4 {
                findings.append(Finding(kind: .debris, severity: .low, a: bytes, b: nil,
                                        explanation: "\"\(text)\" trails the article without punctuation: probably a site name or footer."))
                continue
            }
            // "... to support it. denuclearization.": a period then a lowercase word that ends the sentence.
            if let glitch = strayPeriod(document, sentence) {
                findings.append(Finding(kind: .debris, severity: .low, a: glitch, b: nil,
                                        explanation: "\"\(document.text.text(glitch))\" is garbled: a sentence ends and a stray word follows."))
            }
        }
        return findings
    }

    /// True when the sentence is alone in its paragraph (a line of its own).
    static func isOwnParagraph(_ document: Document, _ s: Int) -> Bool {
        let sentences = document.sentences
        let previousBreak = s == 0 || sentences[s - 1].paragraph != sentences[s].paragraph
            || document.text.bytes[sentences[s - 1].end..<sentences[s].start].contains(0x0A)
        let nextBreak = s == sentences.count - 1 || sentences[s + 1].paragraph != sentences[s].paragraph
            || document.text.bytes[sentences[s].end..<sentences[s + 1].start].contains(0x0A)
        return previousBreak && nextBreak
    }

    /// A period inside the sentence followed by one or two lowercase words and the sentence end.
    static func strayPeriod(_ document: Document, _ sentence: Sentence) -> Range<Int>? {
        let tokens = document.tokens[sentence.tokens]
        guard tokens.count >= 3 else { return nil }
        for k in (tokens.startIndex + 1)..<tokens.endIndex where tokens.endIndex - k <= 2 {
            let previous = tokens[k - 1], token = tokens[k]
            let gap = document.text.bytes[Int(previous.end)..<Int(token.start)]
            guard gap.first == 0x2E, !previous.flags.contains(.dottedAbbreviation), previous.end - previous.start > 1,
                  !token.flags.contains(.capitalized), !token.flags.contains(.number) else { continue }
            return Int(previous.start)..<sentence.end
        }
        return nil
    }
}
