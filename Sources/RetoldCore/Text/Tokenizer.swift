/// Splits normalized text into word and number tokens with byte offsets, in one pass over
/// the UTF-8 bytes and without allocating a String per token.
///
/// Rules, chosen for news copy:
/// - Words are runs of letters and digits; an apostrophe between letters stays inside
///   ("Korea's", "don't") and a hyphen always splits ("end-of-war" is three words).
/// - Letters separated by periods form one token with its final period ("U.S.", "a.m.").
/// - Numbers keep decimal points, times keep their colon ("2.5", "3:30"), and grouping commas
///   are dropped from the key, so "28,500" and "28500" are the same token.
public enum Tokenizer {
    /// The tokens of a normalized text, in order.
    public static func tokenize(_ text: NormalizedText) -> [Token] {
        text.bytes.withUnsafeBufferPointer { tokenize($0) }
    }

    /// The tokens of UTF-8 bytes, in order. The bytes should be normalized text, or text that
    /// ``tokensIgnoreNormalization(_:)`` accepts as it is.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        // Tokens are written into scratch space large enough for any text (a token takes at
        // least one byte and a separator), sparing a capacity check per token, then copied
        // into an array of exactly their number (documents keep their tokens).
        let scratch = UnsafeMutableBufferPointer<Token>.allocate(capacity: bytes.count / 2 + 1)
        defer { scratch.deallocate() }  // Token is trivial: nothing to deinitialize
        var count = 0
        scan(bytes) { token in
            scratch.initializeElement(at: count, to: token)
            count += 1
        }
        return Array(UnsafeBufferPointer(rebasing: scratch[0..<count]))
    }

    /// True when tokenizing these bytes as they are gives the same tokens (keys and flags; not
    /// offsets) as tokenizing their normalized text: printable ASCII with any whitespace, which
    /// normalization only collapses, and tokens never contain. Checked 8 bytes at a time.
    public static func tokensIgnoreNormalization(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        let n = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Any byte >= 0x80, below 0x20, or 0x7F sends the word to the byte check.
                let below = (word &- ones &* 0x20) & ~word & highs
                let delete = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F)) & highs
                if (word & highs) | below | delete != 0 {
                    for j in i..<(i + 8) where !isPlainByte(bytes[j]) { return false }
                }
                i += 8
            }
        }
        while i < n {
            if !isPlainByte(bytes[i]) { return false }
            i += 1
        }
        return true
    }

    /// Printable ASCII or ASCII whitespace.
    @inline(__always) static func isPlainByte(_ b: UInt8) -> Bool {
        (b >= 0x20 && b < 0x7F) || (b >= 0x09 && b <= 0x0D)
    }

    /// Appends the tokens of the bytes to `tokens`, so a caller can reuse one array's storage.
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        scan(bytes) { tokens.append($0) }
    }

    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (Token) -> Void) {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                guard isASCIIAlphanumeric(b) else { i += 1; continue }
            } else {
                let (scalar, length) = NormalizedText.decodeScalar(bytes, at: i)
                guard isWordScalar(scalar) else { i += length; continue }
            }
            let token = scanToken(bytes, from: i)
            emit(token)
            i = Int(token.end)
        }
    }

    /// Scans one token starting at `start` (a word character) and returns the offset after it.
    @inline(__always)
    static func scanToken(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Token {
        let n = bytes.count
        var i = start
        var hash = StableHash.offsetBasis
        var flags = Token.Flags(rawValue: 0)
        var hasLetter = false
        var segmentLength = 0  // letters since the token start or the last internal period
        var dotted = false
        let first = bytes[start]
        if first >= 0x41 && first <= 0x5A { flags.insert(.capitalized) }

        scan: while i < n {
            // Tight loop over lowercase letters, the bulk of every word.
            if bytes[i] &- 0x61 < 26 {
                let runStart = i
                repeat {
                    hash = StableHash.step(hash, bytes[i]); i += 1
                } while i < n && bytes[i] &- 0x61 < 26
                hasLetter = true; segmentLength += i - runStart
                continue
            }
            let b = bytes[i]
            switch b {
            case 0x61...0x7A:
                hash = StableHash.step(hash, b); hasLetter = true; segmentLength += 1; i += 1
            case 0x41...0x5A:
                hash = StableHash.step(hash, b | 0x20); hasLetter = true; segmentLength += 1; i += 1
            case 0x30...0x39:
                hash = StableHash.step(hash, b); flags.insert(.hasDigit); segmentLength += 1; i += 1
            case 0x27:  // apostrophe between letters
                guard isASCIILetter(bytes[i - 1]), i + 1 < n, isASCIILetter(bytes[i + 1]) else { break scan }
                hash = StableHash.step(hash, b); i += 1
            case 0x2C:  // grouping comma inside a number: "28,500"
                guard !hasLetter, isDigit(bytes[i - 1]), isGroupOfThree(bytes, after: i) else { break scan }
                i += 1
            case 0x2E:  // decimal point, or the periods of "U.S."
                if !hasLetter, isDigit(bytes[i - 1]), i + 1 < n, isDigit(bytes[i + 1]) {
                    hash = StableHash.step(hash, b); i += 1
                } else if segmentLength == 1, isASCIILetter(bytes[i - 1]), !flags.contains(.hasDigit) {
                    if i + 2 < n, isASCIILetter(bytes[i + 1]), bytes[i + 2] == 0x2E {
                        // "U.S": one letter, a period, one letter, a period: the abbreviation goes on.
                        dotted = true; hash = StableHash.step(hash, b); segmentLength = 0; i += 1
                    } else if dotted {
                        // The final period of "U.S." belongs to it.
                        hash = StableHash.step(hash, b); i += 1
                        break scan
                    } else {
                        break scan
                    }
                } else {
                    break scan
                }
            case 0x3A:  // time: "3:30"
                guard !hasLetter, isDigit(bytes[i - 1]), i + 2 < n, isDigit(bytes[i + 1]), isDigit(bytes[i + 2]) else { break scan }
                hash = StableHash.step(hash, b); i += 1
            case 0x80...0xFF:
                let (scalar, length) = NormalizedText.decodeScalar(bytes, at: i)
                guard isWordScalar(scalar) else { break scan }
                if i == start, let s = Unicode.Scalar(scalar), s.properties.isUppercase { flags.insert(.capitalized) }
                flags.insert(.nonASCII); hasLetter = true; segmentLength += 1; i += length
            default:
                break scan
            }
        }
        if flags.contains(.nonASCII) {
            let lower = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self).lowercased()
            hash = StableHash.fnv1a(lower)
        }
        if dotted { flags.insert(.dottedAbbreviation) }
        if flags.contains(.hasDigit) && !hasLetter { flags.insert(.number) }
        return Token(start: Int32(start), end: Int32(i), key: hash, stem: hash, flags: flags)
    }

    /// True when the comma at `i` is followed by exactly three digits (then a non-digit).
    @inline(__always)
    static func isGroupOfThree(_ bytes: UnsafeBufferPointer<UInt8>, after i: Int) -> Bool {
        let n = bytes.count
        guard i + 3 < n else { return false }
        guard isDigit(bytes[i + 1]), isDigit(bytes[i + 2]), isDigit(bytes[i + 3]) else { return false }
        return i + 4 >= n || !isDigit(bytes[i + 4])
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isASCIIAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isASCIILetter(b) }

    /// Non-ASCII scalars that belong inside words: letters of any script. Punctuation, symbols,
    /// currency signs and emoji do not.
    @inline(__always)
    static func isWordScalar(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x80...0xBF: return scalar == 0xAA || scalar == 0xB5 || scalar == 0xBA
        case 0xD7, 0xF7: return false
        case 0x2000...0x2BFF: return false  // punctuation, currency, letterlike, arrows, math, shapes
        case 0x3000...0x303F, 0xFE30...0xFE6F, 0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFFF0...0xFFFF: return false
        case 0x1F000...0x1FAFF: return false  // emoji and pictographs
        default: return true
        }
    }
}
