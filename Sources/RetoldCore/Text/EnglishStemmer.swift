/// The Snowball English stemmer ("Porter2"), as defined by `algorithms/english.sbl` of the
/// Snowball project (https://snowballstem.org, BSD licence), in its Snowball 3.1 form:
///
/// - the exceptional forms (`skis`, `skies`, `idly`, `gently`, `ugly`, `early`, `only`,
///   `singly`, and the invariant `sky`, `news`, `howe`, `atlas`, `cosmos`, `bias`, `andes`),
///   matched against the whole word before anything else;
/// - words of fewer than 3 characters are left alone;
/// - the prelude removes one leading apostrophe and marks a `y` that starts the word or
///   follows a vowel as the consonant `Y`;
/// - R1 and R2 as usual, except that R1 starts after the prefixes `gener`, `commun`, `arsen`,
///   `past`, `univers`, `later`, `emerg`, `organ` and `inter` when a word begins with one;
/// - steps 0/1a (apostrophe and `s` endings), 1b (`eed`, `ed`, `ing`, ... with the `ying`,
///   `inning`/`outing`/`canning`/`herring`/`earring`/`evening` and `proceed`/`exceed`/`succeed`
///   cases), 1c, 2, 3, 4 and 5, then `Y` back to `y`.
///
/// The code works on ASCII bytes in place, with no allocation once `output` has capacity.
/// It is checked against the reference implementation (the Snowball-generated Python package
/// `snowballstemmer`) by the vectors in `Tests/RetoldCoreTests/Fixtures/porter2-vectors.tsv`.
public struct EnglishStemmer: Sendable {
    /// A stemmer. It holds no state, so one value serves any number of words.
    public init() {}

    /// Stems one lowercase word given as UTF-8 bytes (letters, digits, apostrophes). Writes the
    /// stem's bytes into `output` (cleared first).
    /// Words with non-ASCII bytes, or shorter than 3 bytes, are returned unchanged (Porter2
    /// leaves words of length <= 2 alone).
    public func stem(_ word: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        let count = word.count
        guard count >= 3, let base = word.baseAddress else {
            output.append(contentsOf: word)
            return
        }
        var i = 0
        while i < count {
            if base[i] >= 0x80 {
                output.append(contentsOf: word)
                return
            }
            i += 1
        }
        if let replacement = Porter2.exception(base, count) {
            let bytes = UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
            output.append(contentsOf: bytes)
            return
        }
        // Prelude, part one: a single leading apostrophe goes.
        let skip = base[0] == Porter2.apostrophe ? 1 : 0
        output.append(contentsOf: UnsafeBufferPointer(rebasing: word[skip...]))
        var length = count - skip
        output.withUnsafeMutableBufferPointer { buffer in
            length = Porter2.stem(buffer.baseAddress!, length)
        }
        output.removeLast(output.count - length)
    }

    /// Convenience for tests and non-hot paths.
    public func stem(_ word: String) -> String {
        var copy = word
        var output = [UInt8]()
        copy.withUTF8 { stem($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }
}

/// The algorithm proper, on a mutable ASCII buffer `p` holding `n` bytes. Every rewrite
/// happens at the end of the word, and no step makes the word longer than it was on entry,
/// so the buffer never needs to grow. Positions (`p1`, `p2`) are absolute offsets, which
/// Snowball likewise never adjusts after a rewrite.
private enum Porter2 {
    static let apostrophe: UInt8 = 0x27  // '
    static let upperY: UInt8 = 0x59  // Y

    // MARK: Character classes

    /// Bits for a, e, i, o, u, y (offsets from "a").
    private static let vowelMask: UInt32 = 1 << 0 | 1 << 4 | 1 << 8 | 1 << 14 | 1 << 20 | 1 << 24
    /// Vowels plus w and x (`Y` is handled separately).
    private static let vowelWXMask: UInt32 = vowelMask | 1 << 22 | 1 << 23
    /// c d e g h k m n r t: letters that may precede a removable `li`.
    private static let validLIMask: UInt32 =
        1 << 2 | 1 << 3 | 1 << 4 | 1 << 6 | 1 << 7 | 1 << 10 | 1 << 12 | 1 << 13 | 1 << 17 | 1 << 19

    @inline(__always)
    static func inMask(_ c: UInt8, _ mask: UInt32) -> Bool {
        let offset = c &- 0x61
        return offset < 26 && (mask >> UInt32(offset)) & 1 != 0
    }

    /// `v`: a e i o u y. (`Y`, digits and apostrophes are consonants.)
    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool { inMask(c, vowelMask) }

    /// `v_WXY`: a vowel, w, x or Y.
    @inline(__always)
    static func isVowelWXY(_ c: UInt8) -> Bool { c == upperY || inMask(c, vowelWXMask) }

    // MARK: Byte-string helpers

    /// True when `p[0..<n]` ends with `s`.
    @inline(__always)
    static func ends(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, _ s: StaticString) -> Bool {
        let m = s.utf8CodeUnitCount
        guard n >= m else { return false }
        let q = s.utf8Start
        var i = 0
        while i < m {
            if p[n - m + i] != q[i] { return false }
            i += 1
        }
        return true
    }

    /// True when `p[0..<n]` is exactly `s`.
    @inline(__always)
    static func equals(_ p: UnsafePointer<UInt8>, _ n: Int, _ s: StaticString) -> Bool {
        n == s.utf8CodeUnitCount && begins(p, n, s)
    }

    /// True when `p[0..<n]` begins with `s`.
    @inline(__always)
    static func begins(_ p: UnsafePointer<UInt8>, _ n: Int, _ s: StaticString) -> Bool {
        let m = s.utf8CodeUnitCount
        guard n >= m else { return false }
        let q = s.utf8Start
        var i = 0
        while i < m {
            if p[i] != q[i] { return false }
            i += 1
        }
        return true
    }

    /// Writes `s` at offset `k` and returns the new length `k + s.count`.
    @inline(__always)
    static func put(_ p: UnsafeMutablePointer<UInt8>, _ k: Int, _ s: StaticString) -> Int {
        let m = s.utf8CodeUnitCount
        let q = s.utf8Start
        var i = 0
        while i < m {
            p[k + i] = q[i]
            i += 1
        }
        return k + m
    }

    // MARK: exception1

    /// The whole-word exceptional forms, tested before anything else (even before the
    /// leading apostrophe is removed). Returns the stem, or nil when `word` is not one.
    static func exception(_ p: UnsafePointer<UInt8>, _ n: Int) -> StaticString? {
        switch n {
        case 3:
            if equals(p, n, "sky") { return "sky" }
        case 4:
            switch p[0] {
            case 0x62: if equals(p, n, "bias") { return "bias" }  // b
            case 0x68: if equals(p, n, "howe") { return "howe" }  // h
            case 0x69: if equals(p, n, "idly") { return "idl" }  // i
            case 0x6E: if equals(p, n, "news") { return "news" }  // n
            case 0x6F: if equals(p, n, "only") { return "onli" }  // o
            case 0x73: if equals(p, n, "skis") { return "ski" }  // s
            case 0x75: if equals(p, n, "ugly") { return "ugli" }  // u
            default: break
            }
        case 5:
            switch p[0] {
            case 0x61:  // a
                if equals(p, n, "andes") { return "andes" }
                if equals(p, n, "atlas") { return "atlas" }
            case 0x65: if equals(p, n, "early") { return "earli" }  // e
            case 0x73: if equals(p, n, "skies") { return "sky" }  // s
            default: break
            }
        case 6:
            switch p[0] {
            case 0x63: if equals(p, n, "cosmos") { return "cosmos" }  // c
            case 0x67: if equals(p, n, "gently") { return "gentl" }  // g
            case 0x73: if equals(p, n, "singly") { return "singl" }  // s
            default: break
            }
        default:
            break
        }
        return nil
    }

    // MARK: The stem routine

    /// Stems `p[0..<n]` (already past exception1, the length check and the leading-apostrophe
    /// removal) and returns the new length.
    static func stem(_ p: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
        var n = length

        // Prelude: initial y, and y after a vowel, become the consonant Y.
        var yFound = false
        if n > 0 && p[0] == 0x79 {
            p[0] = upperY
            yFound = true
        }
        var i = 0
        while i + 1 < n {
            if p[i + 1] == 0x79 && isVowel(p[i]) {
                p[i + 1] = upperY
                yFound = true
            }
            i += 1
        }

        // Regions.
        let (p1, p2) = markRegions(p, n)

        step1a(p, &n)
        step1b(p, &n, p1)
        step1c(p, &n)
        step2(p, &n, p1)
        step3(p, &n, p1, p2)
        step4(p, &n, p2)
        step5(p, &n, p1, p2)

        // Postlude.
        if yFound {
            var j = 0
            while j < n {
                if p[j] == upperY { p[j] = 0x79 }
                j += 1
            }
        }
        return n
    }

    /// R1 and R2 as offsets (`n` when a region is empty).
    @inline(__always)
    static func markRegions(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> (Int, Int) {
        var cursor: Int
        if let prefix = r1Prefix(p, n) {
            cursor = prefix
        } else {
            guard let after = pastVowelThenConsonant(p, n, from: 0) else { return (n, n) }
            cursor = after
        }
        let p1 = cursor
        guard let after = pastVowelThenConsonant(p, n, from: cursor) else { return (p1, n) }
        return (p1, after)
    }

    /// `gopast v gopast non-v` from `start`: the offset after the first consonant that follows
    /// a vowel, or nil.
    @inline(__always)
    static func pastVowelThenConsonant(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, from start: Int) -> Int? {
        var i = start
        while i < n && !isVowel(p[i]) { i += 1 }
        guard i < n else { return nil }
        i += 1
        while i < n && isVowel(p[i]) { i += 1 }
        guard i < n else { return nil }
        return i + 1
    }

    /// The length of the R1 exception prefix the word starts with, if any.
    @inline(__always)
    static func r1Prefix(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> Int? {
        guard n >= 4 else { return nil }
        switch p[0] {
        case 0x61: if begins(p, n, "arsen") { return 5 }  // a
        case 0x63: if begins(p, n, "commun") { return 6 }  // c
        case 0x65: if begins(p, n, "emerg") { return 5 }  // e
        case 0x67: if begins(p, n, "gener") { return 5 }  // g
        case 0x69: if begins(p, n, "inter") { return 5 }  // i
        case 0x6C: if begins(p, n, "later") { return 5 }  // l
        case 0x6F: if begins(p, n, "organ") { return 5 }  // o
        case 0x70: if begins(p, n, "past") { return 4 }  // p
        case 0x75: if begins(p, n, "univers") { return 7 }  // u
        default: break
        }
        return nil
    }

    /// `shortv`, looking backwards from offset `end` (with the start of the word as the limit):
    /// non-(v, w, x, Y) + vowel + non-vowel; or vowel + non-vowel making up the whole of
    /// `p[0..<end]`; or `p[0..<end]` ending in "past".
    @inline(__always)
    static func shortV(_ p: UnsafeMutablePointer<UInt8>, _ end: Int) -> Bool {
        if end >= 3 && !isVowelWXY(p[end - 1]) && isVowel(p[end - 2]) && !isVowel(p[end - 3]) {
            return true
        }
        if end == 2 && !isVowel(p[1]) && isVowel(p[0]) {
            return true
        }
        return ends(p, end, "past")
    }

    // MARK: Steps

    /// Step 0 and step 1a: apostrophe endings, then sses/ied/ies/s/us/ss.
    @inline(__always)
    static func step1a(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int) {
        if ends(p, n, "'s'") {
            n -= 3
        } else if ends(p, n, "'s") {
            n -= 2
        } else if n >= 1 && p[n - 1] == apostrophe {
            n -= 1
        }

        if ends(p, n, "ied") || ends(p, n, "ies") {
            n = n - 3 >= 2 ? n - 2 : n - 1  // -> "i" after two or more letters, else "ie"
            return
        }
        guard n >= 1 && p[n - 1] == 0x73 else { return }  // s
        if ends(p, n, "sses") {
            n -= 2
        } else if n >= 2 && (p[n - 2] == 0x73 || p[n - 2] == 0x75) {
            return  // ss, us
        } else {
            // s: delete if a vowel occurs before the letter just before the s.
            let k = n - 1
            guard k >= 1 else { return }
            var j = k - 2
            while j >= 0 {
                if isVowel(p[j]) {
                    n = k
                    return
                }
                j -= 1
            }
        }
    }

    /// Step 1b: eed/eedly, ed/edly, ing/ingly.
    @inline(__always)
    static func step1b(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int, _ p1: Int) {
        guard n >= 2 else { return }
        let k: Int  // start of the suffix
        switch p[n - 1] {
        case 0x79 where ends(p, n, "eedly"):  // y
            k = n - 5
            eed(p, &n, k, p1)
            return
        case 0x79 where ends(p, n, "ingly"), 0x79 where ends(p, n, "edly"):
            k = n - (p[n - 3] == 0x64 ? 4 : 5)  // "dly" -> edly
        case 0x64 where ends(p, n, "eed"):  // d
            k = n - 3
            eed(p, &n, k, p1)
            return
        case 0x64 where ends(p, n, "ed"):
            k = n - 2
        case 0x67 where ends(p, n, "ing"):  // g
            k = n - 3
            // Exceptional -ing forms: C + "ying" -> C + "ie"; inning, outing, canning,
            // herring, earring and evening stay as they are.
            if k >= 1 && p[k - 1] == 0x79 {
                if k == 2 && !isVowel(p[0]) {
                    p[1] = 0x69  // i
                    p[2] = 0x65  // e
                    n = 3
                    return
                }
            } else if equals(p, k, "inn") || equals(p, k, "out") || equals(p, k, "cann")
                || equals(p, k, "herr") || equals(p, k, "earr") || equals(p, k, "even")
            {
                return
            }
        default:
            return
        }

        // ed, edly, ing, ingly: removed when a vowel precedes them.
        var hasVowel = false
        var j = 0
        while j < k {
            if isVowel(p[j]) {
                hasVowel = true
                break
            }
            j += 1
        }
        guard hasVowel else { return }
        n = k

        if ends(p, n, "at") || ends(p, n, "bl") || ends(p, n, "iz") {
            n = put(p, n, "e")
            return
        }
        if n >= 2 && p[n - 1] == p[n - 2] {
            switch p[n - 1] {
            case 0x62, 0x64, 0x66, 0x67, 0x6D, 0x6E, 0x70, 0x72, 0x74:  // b d f g m n p r t
                // Undouble, except when exactly a, e or o precedes ("add", "egg", "odd").
                if n == 3 && (p[0] == 0x61 || p[0] == 0x65 || p[0] == 0x6F) { return }
                n -= 1
                return
            default:
                break
            }
        }
        if n == p1 && shortV(p, n) {
            n = put(p, n, "e")
        }
    }

    /// The eed/eedly branch of step 1b: -> ee in R1, except for proceed, exceed, succeed.
    @inline(__always)
    static func eed(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int, _ k: Int, _ p1: Int) {
        guard p1 <= k else { return }
        if equals(p, k, "proc") || equals(p, k, "exc") || equals(p, k, "succ") { return }
        n = put(p, k, "ee")
    }

    /// Step 1c: final y or Y after a consonant that is not the first letter -> i.
    @inline(__always)
    static func step1c(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int) {
        guard n >= 3 else { return }
        let last = p[n - 1]
        if (last == 0x79 || last == upperY) && !isVowel(p[n - 2]) {
            p[n - 1] = 0x69  // i
        }
    }

    /// Step 2: the longest of the listed suffixes, replaced when it lies in R1.
    @inline(__always)
    static func step2(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int, _ p1: Int) {
        guard n >= 2 else { return }
        switch p[n - 1] {
        case 0x69:  // i
            switch p[n - 2] {
            case 0x63:  // ci
                if ends(p, n, "anci") || ends(p, n, "enci") {  // -> ance / ence
                    if p1 <= n - 4 { p[n - 1] = 0x65 }
                }
            case 0x67:  // gi
                if ends(p, n, "ogi") {  // logi -> log
                    let k = n - 3
                    if p1 <= k && k >= 1 && p[k - 1] == 0x6C { n = k + 2 }
                }
            case 0x6C:  // li
                if ends(p, n, "lessli") {
                    if p1 <= n - 6 { n -= 2 }
                } else if ends(p, n, "fulli") {
                    if p1 <= n - 5 { n -= 2 }
                } else if ends(p, n, "ousli") {
                    if p1 <= n - 5 { n -= 2 }
                } else if ends(p, n, "entli") {
                    if p1 <= n - 5 { n -= 2 }
                } else if ends(p, n, "abli") {
                    if p1 <= n - 4 { p[n - 1] = 0x65 }  // -> able
                } else if ends(p, n, "alli") {
                    if p1 <= n - 4 { n -= 2 }
                } else if ends(p, n, "bli") {
                    if p1 <= n - 3 { p[n - 1] = 0x65 }  // -> ble
                } else {
                    let k = n - 2
                    if p1 <= k && k >= 1 && inMask(p[k - 1], validLIMask) { n = k }
                }
            case 0x74:  // ti
                if ends(p, n, "biliti") {
                    if p1 <= n - 6 { n = put(p, n - 6, "ble") }
                } else if ends(p, n, "aliti") {
                    if p1 <= n - 5 { n -= 3 }
                } else if ends(p, n, "iviti") {
                    if p1 <= n - 5 { n = put(p, n - 5, "ive") }
                }
            default:
                break
            }
        case 0x6C:  // l
            if ends(p, n, "ational") {
                if p1 <= n - 7 { n = put(p, n - 7, "ate") }
            } else if ends(p, n, "tional") {
                if p1 <= n - 6 { n -= 2 }
            }
        case 0x6D:  // m
            if ends(p, n, "alism") {
                if p1 <= n - 5 { n -= 3 }
            }
        case 0x6E:  // n
            if ends(p, n, "ization") {
                if p1 <= n - 7 { n = put(p, n - 7, "ize") }
            } else if ends(p, n, "ation") {
                if p1 <= n - 5 { n = put(p, n - 5, "ate") }
            }
        case 0x72:  // r
            if ends(p, n, "izer") {
                if p1 <= n - 4 { n -= 1 }
            } else if ends(p, n, "ator") {
                if p1 <= n - 4 { n = put(p, n - 4, "ate") }
            }
        case 0x73:  // s
            if ends(p, n, "iveness") || ends(p, n, "fulness") || ends(p, n, "ousness") {
                if p1 <= n - 7 { n -= 4 }
            }
        case 0x74:  // t
            if ends(p, n, "ogist") {
                if p1 <= n - 5 { n -= 3 }
            }
        default:
            break
        }
    }

    /// Step 3: the longest of the listed suffixes, replaced when it lies in R1 (ative: R2).
    @inline(__always)
    static func step3(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int, _ p1: Int, _ p2: Int) {
        guard n >= 3 else { return }
        switch p[n - 1] {
        case 0x6C:  // l
            if ends(p, n, "ational") {
                if p1 <= n - 7 { n = put(p, n - 7, "ate") }
            } else if ends(p, n, "tional") {
                if p1 <= n - 6 { n -= 2 }
            } else if ends(p, n, "ical") {
                if p1 <= n - 4 { n -= 2 }
            } else if ends(p, n, "ful") {
                if p1 <= n - 3 { n -= 3 }
            }
        case 0x65:  // e
            if ends(p, n, "icate") {
                if p1 <= n - 5 { n -= 3 }
            } else if ends(p, n, "ative") {
                if p1 <= n - 5 && p2 <= n - 5 { n -= 5 }
            } else if ends(p, n, "alize") {
                if p1 <= n - 5 { n -= 3 }
            }
        case 0x69:  // i
            if ends(p, n, "iciti") {
                if p1 <= n - 5 { n -= 3 }
            }
        case 0x73:  // s
            if ends(p, n, "ness") {
                if p1 <= n - 4 { n -= 4 }
            }
        default:
            break
        }
    }

    /// Step 4: the longest of the listed suffixes, deleted when it lies in R2.
    @inline(__always)
    static func step4(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int, _ p2: Int) {
        guard n >= 2 else { return }
        var m = 0  // length of the matched suffix
        switch p[n - 1] {
        case 0x6C:  // l
            if p[n - 2] == 0x61 { m = 2 }  // al
        case 0x65:  // e
            if ends(p, n, "ance") || ends(p, n, "ence") || ends(p, n, "able") || ends(p, n, "ible") {
                m = 4
            } else if ends(p, n, "ate") || ends(p, n, "ive") || ends(p, n, "ize") {
                m = 3
            }
        case 0x72:  // r
            if p[n - 2] == 0x65 { m = 2 }  // er
        case 0x63:  // c
            if p[n - 2] == 0x69 { m = 2 }  // ic
        case 0x74:  // t
            if ends(p, n, "ement") {
                m = 5
            } else if ends(p, n, "ment") {
                m = 4
            } else if ends(p, n, "ent") || ends(p, n, "ant") {
                m = 3
            }
        case 0x6D:  // m
            if ends(p, n, "ism") { m = 3 }
        case 0x69:  // i
            if ends(p, n, "iti") { m = 3 }
        case 0x73:  // s
            if ends(p, n, "ous") { m = 3 }
        case 0x6E:  // n
            if ends(p, n, "ion") {
                let k = n - 3
                if p2 <= k && k >= 1 && (p[k - 1] == 0x73 || p[k - 1] == 0x74) { n = k }
            }
            return
        default:
            break
        }
        if m > 0 && p2 <= n - m { n -= m }
    }

    /// Step 5: final e (in R2, or in R1 when not after a short syllable), final l after l in R2.
    @inline(__always)
    static func step5(_ p: UnsafeMutablePointer<UInt8>, _ n: inout Int, _ p1: Int, _ p2: Int) {
        guard n >= 1 else { return }
        let k = n - 1
        switch p[k] {
        case 0x65:  // e
            if p2 <= k || (p1 <= k && !shortV(p, k)) { n = k }
        case 0x6C:  // l
            if p2 <= k && k >= 1 && p[k - 1] == 0x6C { n = k }
        default:
            break
        }
    }
}
