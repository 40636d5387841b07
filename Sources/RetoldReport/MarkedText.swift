import RetoldCore

/// The words of an aligned span, each flagged when the other side does not share it, ready to
/// wrap into columns. Text comes from the original input, so the reader sees what was written.
struct MarkedText {
    struct Word { var text: String; var marked: Bool }
    var words: [Word] = []

    init(_ document: Document, sentences: Range<Int>, kept: [Bool]) {
        let tokenRange = document.sentences[sentences.lowerBound].tokens.lowerBound..<document.sentences[sentences.upperBound - 1].tokens.upperBound
        let start = document.sentences[sentences.lowerBound].start
        let end = document.sentences[sentences.upperBound - 1].end
        let original = Array(document.original.utf8)
        let offsets = document.text.offsets
        // Walk the span: stretches between tokens are unmarked, tokens carry their flag.
        var pieces: [(String, Bool)] = []
        var cursor = offsets.originalOffset(start)
        for (k, t) in tokenRange.enumerated() {
            let token = document.tokens[t]
            let tokenStart = offsets.originalOffset(Int(token.start)), tokenEnd = offsets.originalOffset(Int(token.end))
            if tokenStart > cursor { pieces.append((String(decoding: original[cursor..<tokenStart], as: UTF8.self), false)) }
            pieces.append((String(decoding: original[tokenStart..<tokenEnd], as: UTF8.self), k < kept.count ? !kept[k] : false))
            cursor = max(cursor, tokenEnd)
        }
        let spanEnd = offsets.originalOffset(end)
        if spanEnd > cursor { pieces.append((String(decoding: original[cursor..<spanEnd], as: UTF8.self), false)) }
        // Re-split on whitespace so wrapping sees words; punctuation sticks to its word.
        var current = ""
        var currentMarked = false
        func flush() {
            if !current.isEmpty { words.append(Word(text: current, marked: currentMarked)) }
            current = ""; currentMarked = false
        }
        for (text, marked) in pieces {
            for character in text {
                if character.isWhitespace { flush() } else {
                    current.append(character)
                    if marked { currentMarked = true }
                }
            }
        }
        flush()
    }

    /// Lines of at most `width` visible characters. Consecutive marked words on a line are
    /// styled as one run by `mark` (`[-three words here-]`), which costs `markWidth` columns.
    func wrapped(width: Int, mark: (String) -> String, markWidth: Int) -> [(line: String, visible: Int)] {
        var lines: [(String, Int)] = []
        var line = "", visible = 0
        var run = ""  // marked words waiting to be styled together
        func closeRun() {
            if !run.isEmpty { line += mark(run); run = "" }
        }
        for word in words {
            let opensRun = word.marked && run.isEmpty
            let length = word.text.count + (opensRun ? markWidth : 0)
            if visible > 0 && visible + 1 + length > width {
                closeRun()
                lines.append((line, visible)); line = ""; visible = 0
            }
            let extra = word.marked && run.isEmpty ? markWidth : 0
            if word.marked {
                if !run.isEmpty { run += " " } else if visible > 0 { line += " " }
                run += word.text
            } else {
                closeRun()
                if visible > 0 { line += " " }
                line += word.text
            }
            visible += (visible > 0 ? 1 : 0) + word.text.count + extra
        }
        closeRun()
        if visible > 0 { lines.append((line, visible)) }
        return lines
    }
}
