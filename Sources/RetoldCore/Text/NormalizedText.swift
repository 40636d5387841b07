import Foundation

/// Text prepared for matching, with every offset traceable to the original input.
///
/// What normalization does, and why:
/// - NFC, so "é" typed as one scalar or as "e" plus an accent compares equal.
/// - Curly quotes, primes and guillemets fold to `'` and `"`; dashes and minus signs to `-`;
///   the ellipsis character to `...`. Scrapers and spinners change these freely.
/// - Unicode spaces become a plain space, runs of horizontal space collapse to one, zero-width
///   characters and soft hyphens disappear, and CR/CRLF become LF; blank-line runs collapse to one blank line.
/// Case is kept: names and sentence starts need it. Tokens lowercase themselves.
public struct NormalizedText: Sendable {
    /// The original input, exactly as given.
    public let original: String
    /// Normalized UTF-8 bytes.
    public let bytes: [UInt8]
    /// Normalized offset to original offset.
    public let offsets: OffsetMap

    /// Normalizes a text, keeping the original and the map from normalized offsets back to it.
    public init(_ original: String) {
        self.original = original
        var input = original
        let (bytes, offsets) = input.withUTF8 { Self.normalize($0) }
        self.bytes = bytes
        self.offsets = offsets
    }

    /// The normalized text as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Normalized text of a byte range.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// 1-based line number, in the original input, of a normalized byte offset.
    public func lineNumber(at offset: Int) -> Int {
        let end = offsets.originalOffset(offset)
        var copy = original
        return copy.withUTF8 { bytes in 1 + bytes[0..<min(end, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    }

    /// The original text covered by a normalized byte range.
    public func originalText(_ range: Range<Int>) -> String {
        let start = offsets.originalOffset(range.lowerBound)
        let end = offsets.originalOffset(range.upperBound)
        var copy = original
        return copy.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<max(start, end)]), as: UTF8.self) }
    }

    // MARK: - The normalizer

    private enum Pending { case none, space, newline, blankLine }

    static func normalize(_ input: UnsafeBufferPointer<UInt8>) -> ([UInt8], OffsetMap) {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var map = OffsetMap()
        var pending = Pending.none
        var pendingOrigin = 0
        var i = 0
        let n = input.count

        // Emits any pending whitespace before a visible character at original offset `origin`.
        @inline(__always) func flush(_ origin: Int) {
            switch pending {
            case .none: return
            case .space:
                if !out.isEmpty { map.anchor(normalized: out.count, original: pendingOrigin); out.append(0x20) }
            case .newline:
                if !out.isEmpty { map.anchor(normalized: out.count, original: pendingOrigin); out.append(0x0A) }
            case .blankLine:
                if !out.isEmpty {
                    map.anchor(normalized: out.count, original: pendingOrigin)
                    out.append(0x0A); out.append(0x0A)
                }
            }
            pending = .none
            map.anchor(normalized: out.count, original: origin)
        }
        @inline(__always) func whitespace(_ kind: Pending, at origin: Int) {
            if pending == .none { pendingOrigin = origin }
            switch (pending, kind) {
            case (.none, _): pending = kind
            case (.space, .newline), (.space, .blankLine): pending = kind
            case (.newline, .newline): pending = .blankLine
            case (.newline, .blankLine): pending = .blankLine
            default: break
            }
        }
        @inline(__always) func replace(_ replacement: StaticString, from start: Int, to end: Int) {
            flush(start)
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            map.anchor(normalized: out.count, original: end)
        }

        while i < n {
            // Fast path: a run of printable ASCII, with single spaces between words, copies as is
            // (offsets run together, so the map needs no anchor).
            if input[i] &- 0x21 < 0x5E {
                if pending != .none { flush(i) }
                let start = i
                i += 1
                while i < n {
                    let b = input[i]
                    if b &- 0x21 < 0x5E { i += 1; continue }
                    if b == 0x20, i + 1 < n, input[i + 1] &- 0x21 < 0x5E { i += 2; continue }
                    break
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<i]))
                continue
            }
            let byte = input[i]
            if byte < 0x80 {
                switch byte {
                case 0x20, 0x09, 0x0B, 0x0C: whitespace(.space, at: i); i += 1
                case 0x0A: whitespace(.newline, at: i); i += 1
                case 0x0D:
                    whitespace(.newline, at: i)
                    i += (i + 1 < n && input[i + 1] == 0x0A) ? 2 : 1
                case 0x00..<0x20, 0x7F: i += 1  // other controls are dropped
                default:
                    if pending != .none { flush(i) }
                    out.append(byte)
                    i += 1
                }
                continue
            }
            // Non-ASCII: decode one scalar.
            let (scalar, length) = decodeScalar(input, at: i)
            let end = i + length
            switch scalar {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x02BC, 0x00B4:
                replace("'", from: i, to: end)
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB, 0x301D, 0x301E:
                replace("\"", from: i, to: end)
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
                replace("-", from: i, to: end)
            case 0x2026:
                replace("...", from: i, to: end)
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                whitespace(.space, at: i)
            case 0x2028, 0x0085:
                whitespace(.newline, at: i)
            case 0x2029:
                whitespace(.blankLine, at: i)
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                break  // invisible: dropped
            default:
                // A base character followed by combining marks is recomposed (NFC) as a unit.
                var clusterEnd = end
                while clusterEnd < n, input[clusterEnd] >= 0x80 {
                    let (next, nextLength) = decodeScalar(input, at: clusterEnd)
                    guard let s = Unicode.Scalar(next), s.properties.canonicalCombiningClass != .notReordered
                        || isHangulJamoVowelOrTrailing(next) else { break }
                    clusterEnd += nextLength
                }
                // A mark right after an ASCII letter ("e" + U+0301): take the letter back into the cluster.
                var clusterStart = i
                if pending == .none, i > 0, input[i - 1] < 0x80, !out.isEmpty, out.last == input[i - 1],
                   let s = Unicode.Scalar(scalar), s.properties.canonicalCombiningClass != .notReordered {
                    clusterStart = i - 1
                    out.removeLast()
                }
                if pending != .none { flush(i) }
                if clusterStart == i && clusterEnd == end && !needsDecomposition(scalar) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: input[i..<end]))
                } else {
                    let cluster = String(decoding: UnsafeBufferPointer(rebasing: input[clusterStart..<clusterEnd]), as: UTF8.self)
                    let composed = cluster.precomposedStringWithCanonicalMapping
                    map.anchor(normalized: out.count, original: clusterStart)
                    out.append(contentsOf: composed.utf8)
                    map.anchor(normalized: out.count, original: clusterEnd)
                }
                i = clusterEnd
                continue
            }
            i = end
        }
        // Trailing whitespace is not part of the text's last span.
        map.finish(normalizedLength: out.count, originalLength: pending == .none ? n : pendingOrigin)
        return (out, map)
    }

    /// Decodes the scalar starting at `i`; malformed bytes decode as U+FFFD of length 1.
    @inline(__always)
    static func decodeScalar(_ input: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(input[i])
        let n = input.count
        if b0 & 0xE0 == 0xC0, i + 1 < n {
            return (((b0 & 0x1F) << 6) | (UInt32(input[i + 1]) & 0x3F), 2)
        }
        if b0 & 0xF0 == 0xE0, i + 2 < n {
            return (((b0 & 0x0F) << 12) | ((UInt32(input[i + 1]) & 0x3F) << 6) | (UInt32(input[i + 2]) & 0x3F), 3)
        }
        if b0 & 0xF8 == 0xF0, i + 3 < n {
            return (((b0 & 0x07) << 18) | ((UInt32(input[i + 1]) & 0x3F) << 12)
                | ((UInt32(input[i + 2]) & 0x3F) << 6) | (UInt32(input[i + 3]) & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// Singleton scalars whose NFC form differs from themselves (e.g. the Kelvin and Ångström signs).
    @inline(__always)
    static func needsDecomposition(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x0340, 0x0341, 0x0343, 0x0344, 0x0374, 0x037E, 0x0387, 0x1F71...0x1FFD, 0x2000, 0x2001,
             0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0xF900...0xFAFF, 0x2F800...0x2FA1D:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isHangulJamoVowelOrTrailing(_ scalar: UInt32) -> Bool {
        (0x1161...0x11C2).contains(scalar)
    }
}
