/// BERT's uncased tokenizer, as the model was trained with it: text cleaned (control characters
/// dropped, every kind of space a space), CJK ideographs split apart, accents stripped and letters
/// lower-cased, words split at spaces with each punctuation mark a word of its own, and each word
/// cut into the longest vocabulary pieces from its start (a word with no such cut, or over 100
/// characters, is `[UNK]`). Wrapped in `[CLS]` … `[SEP]` and cut to `limit` ids.
///
/// The text is read as UTF-8 bytes into stack buffers: ASCII bytes are handled in place and other
/// characters are decoded and take the Unicode rules; nothing is allocated per word or piece.
public struct BertTokenizer: Sendable {
    public let vocabulary: WordPieceVocabulary
    /// The model's training length, special tokens included.
    public let limit: Int

    public init(vocabulary: WordPieceVocabulary, limit: Int = 128) {
        self.vocabulary = vocabulary
        self.limit = limit
    }

    /// The ids for `text`, `[CLS]` first and `[SEP]` last, at most `limit` of them.
    public func ids(_ text: String) -> [Int32] {
        withIDs(text) { Array($0) }
    }

    /// Calls `body` with the ids of `text` (as ``ids(_:)`` gives them) in a buffer that lives for the
    /// call only: the bulk path, with no allocation for text whose words are under 100 characters.
    public func withIDs<Result>(_ text: String, _ body: (UnsafeBufferPointer<Int32>) throws -> Result) rethrows -> Result {
        var text = text
        return try text.withUTF8 { bytes in
            try withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(limit, 2)) { ids in
                try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.wordCapacity) { word in
                    let count = tokenize(bytes, word: word, into: ids)
                    return try body(UnsafeBufferPointer(rebasing: ids[0..<count]))
                }
            }
        }
    }

    /// Longest normalized word kept in bytes: 100 characters of at most 4 bytes each fit, so a
    /// word that overflows it is over 100 characters and `[UNK]` anyway.
    private static let wordCapacity = 512

    /// The tokenizer over UTF-8 bytes: ASCII bytes are handled in place; any other character is
    /// decoded and takes the Unicode rules. Returns how many ids were written to `ids`.
    private func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, word: UnsafeMutableBufferPointer<UInt8>,
                          into ids: UnsafeMutableBufferPointer<Int32>) -> Int {
        let contentLimit = max(limit, 2) - 1
        var count = 0
        ids[count] = vocabulary.classification; count += 1
        var length = 0, characters = 0
        @inline(__always) func flush() {
            if characters > 0, count < contentLimit {
                count = pieces(word, length: length, characters: characters, into: ids, count: count, upTo: contentLimit)
            }
            length = 0; characters = 0
        }
        @inline(__always) func append(_ byte: UInt8) {
            if length < word.count { word[length] = byte; length += 1 }
        }
        var index = 0
        let end = bytes.count
        while index < end {
            if count >= contentLimit { break }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x41...0x5A: append(byte | 0x20); characters += 1
                case 0x61...0x7A, 0x30...0x39: append(byte); characters += 1
                case 0x20, 0x09, 0x0A, 0x0D: flush()
                case 0x00..<0x20, 0x7F: continue  // control characters are dropped
                default:  // ASCII punctuation: a word of its own
                    flush(); append(byte); characters = 1; flush()
                }
                continue
            }
            // A multi-byte character (the String's UTF-8 is valid).
            let size = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
            for offset in 1..<size where index + offset < end { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            index += size
            guard let scalar = Unicode.Scalar(value) else { continue }
            if Self.isDropped(scalar) { continue }
            if scalar.properties.isWhitespace { flush(); continue }
            if Self.isIdeograph(value) || Self.isPunctuation(scalar) {
                flush()
                if (0x2010...0x205E).contains(value) {
                    // General punctuation (dashes, curly quotes, ellipsis): no canonical
                    // decomposition and no case, so its bytes are its normalized form.
                    for offset in (index - size)..<index { append(bytes[offset]) }
                    characters += 1
                } else {
                    appendNormalized(scalar, to: word, length: &length, characters: &characters)
                }
                flush()
                continue
            }
            appendNormalized(scalar, to: word, length: &length, characters: &characters)
        }
        flush()
        ids[count] = vocabulary.separator; count += 1
        return count
    }

    /// Accents stripped (canonical decomposition without its nonspacing marks), then lower-cased;
    /// bytes past the buffer are counted as characters but not kept (the word is `[UNK]` anyway).
    private func appendNormalized(_ scalar: Unicode.Scalar, to word: UnsafeMutableBufferPointer<UInt8>, length: inout Int,
                                  characters: inout Int) {
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
            for lower in part.properties.lowercaseMapping.unicodeScalars {
                for byte in String(lower).utf8 where length < word.count {
                    word[length] = byte
                    length += 1
                }
                characters += 1
            }
        }
    }

    /// Greedy longest-match-first WordPiece over one normalized word, written at `ids[count...]` up to
    /// `end`; a word with no cut (or over 100 characters) is one `[UNK]`. Returns the new count.
    @inline(__always)
    private func pieces(_ word: UnsafeMutableBufferPointer<UInt8>, length: Int, characters: Int,
                        into ids: UnsafeMutableBufferPointer<Int32>, count: Int, upTo end: Int) -> Int {
        guard characters <= 100, length < word.count else { ids[count] = vocabulary.unknown; return count + 1 }
        let bytes = UnsafeBufferPointer(rebasing: word[0..<length])
        var written = count
        var start = 0
        while start < length {
            var stop = length
            var match: Int32 = -1
            while stop > start {
                if let id = vocabulary.id(of: UnsafeBufferPointer(rebasing: bytes[start..<stop]), continuation: start > 0) {
                    match = id; break
                }
                stop -= 1
                while stop > start, bytes[stop] & 0xC0 == 0x80 { stop -= 1 }  // whole characters only
            }
            guard match >= 0 else { ids[count] = vocabulary.unknown; return count + 1 }
            if written < end { ids[written] = match; written += 1 }
            start = stop
        }
        return written
    }

    /// Removed by cleaning: NUL, the replacement character, and control, format, surrogate,
    /// private-use and unassigned characters (tab, newline and return are spaces instead).
    private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0xFFFD { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// The CJK Unified Ideographs blocks and their extensions and compatibility forms.
    private static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0x2A700...0x2B73F).contains(value) || (0x2B740...0x2B81F).contains(value) || (0x2B820...0x2CEAF).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0x2F800...0x2FA1F).contains(value)
    }
}
