/// BERT's uncased tokenizer, as the model was trained with it: text cleaned (control characters
/// dropped, every kind of space a space), CJK ideographs split apart, accents stripped and letters
/// lower-cased, words split at spaces with each punctuation mark a word of its own, and each word
/// cut into the longest vocabulary pieces from its start (a word with no such cut, or over 100
/// characters, is `[UNK]`). Wrapped in `[CLS]` … `[SEP]` and cut to `limit` ids.
///
/// ASCII text goes through a byte loop with no allocation; other characters take the Unicode
/// path one scalar at a time.
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
        var ids: [Int32] = [vocabulary.classification]
        ids.reserveCapacity(min(limit, text.utf8.count / 3 + 4))
        var word = [UInt8]()
        word.reserveCapacity(128)
        var wordCharacters = 0
        let contentLimit = limit - 1
        func flush() {
            if !word.isEmpty, ids.count < contentLimit { pieces(of: &word, characters: wordCharacters, into: &ids, upTo: contentLimit) }
            word.removeAll(keepingCapacity: true)
            wordCharacters = 0
        }
        for scalar in text.unicodeScalars {
            if ids.count >= contentLimit { break }
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A: word.append(byte | 0x20); wordCharacters += 1
                case 0x61...0x7A, 0x30...0x39: word.append(byte); wordCharacters += 1
                case 0x20, 0x09, 0x0A, 0x0D: flush()
                case 0x00..<0x20, 0x7F: continue  // control characters are dropped
                default:  // ASCII punctuation: a word of its own
                    flush(); word.append(byte); wordCharacters = 1; flush()
                }
                continue
            }
            if Self.isDropped(scalar) { continue }
            if scalar.properties.isWhitespace { flush(); continue }
            if Self.isIdeograph(value) || Self.isPunctuation(scalar) {
                flush(); appendNormalized(scalar, to: &word, characters: &wordCharacters); flush()
                continue
            }
            appendNormalized(scalar, to: &word, characters: &wordCharacters)
        }
        flush()
        ids.append(vocabulary.separator)
        return ids
    }

    /// Accents stripped (canonical decomposition without its nonspacing marks), then lower-cased.
    private func appendNormalized(_ scalar: Unicode.Scalar, to word: inout [UInt8], characters: inout Int) {
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        where part.properties.generalCategory != .nonspacingMark {
            for lower in part.properties.lowercaseMapping.unicodeScalars {
                word.append(contentsOf: String(lower).utf8)
                characters += 1
            }
        }
    }

    /// Greedy longest-match-first WordPiece over one normalized word.
    private func pieces(of word: inout [UInt8], characters: Int, into ids: inout [Int32], upTo end: Int) {
        guard characters <= 100 else { ids.append(vocabulary.unknown); return }
        let found = word.withUnsafeBufferPointer { bytes -> [Int32]? in
            var found = [Int32]()
            var start = 0
            while start < bytes.count {
                var stop = bytes.count
                var match: Int32?
                while stop > start {
                    if let id = vocabulary.id(of: UnsafeBufferPointer(rebasing: bytes[start..<stop]), continuation: start > 0) {
                        match = id; break
                    }
                    stop -= 1
                    while stop > start, bytes[stop] & 0xC0 == 0x80 { stop -= 1 }  // whole characters only
                }
                guard let id = match else { return nil }
                found.append(id)
                start = stop
            }
            return found
        }
        guard let found else { ids.append(vocabulary.unknown); return }
        ids.append(contentsOf: found.prefix(end - ids.count))
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
