/// Which character set an HTML page is in, in the order browsers decide it: a byte-order
/// mark, the HTTP header, a `<meta>` declaration in the first 4 KB, then the bytes themselves
/// (valid UTF-8, else Windows-1252, as the web's legacy default).
public enum Charset {
    public struct Choice: Sendable, Equatable {
        /// The name handed to the parser ("UTF-8", "windows-1252", "Shift_JIS", ...).
        public var name: String
        /// Where the choice came from: "byte-order mark", "HTTP header", "meta tag", "detected".
        public var source: String
    }

    public static func choose(_ bytes: [UInt8], httpContentType: String? = nil) -> Choice {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Choice(name: "UTF-8", source: "byte-order mark") }
        if bytes.starts(with: [0xFF, 0xFE]) { return Choice(name: "UTF-16LE", source: "byte-order mark") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Choice(name: "UTF-16BE", source: "byte-order mark") }
        if let declared = httpContentType.flatMap({ declaredCharset(in: Array($0.utf8)) }) {
            return settle(declared, source: "HTTP header", bytes)
        }
        if let declared = metaCharset(bytes.prefix(4096)) { return settle(declared, source: "meta tag", bytes) }
        return Choice(name: isValidUTF8(bytes) ? "UTF-8" : "windows-1252", source: "detected")
    }

    /// Maps a declared name to what the parser should use. Latin-1 and ASCII mean Windows-1252
    /// on the web; a UTF-8 declaration over bytes that are not UTF-8 is wrong, and the bytes win.
    static func settle(_ declared: String, source: String, _ bytes: [UInt8]) -> Choice {
        switch declared.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            return isValidUTF8(bytes) ? Choice(name: "UTF-8", source: source) : Choice(name: "windows-1252", source: "detected (declared UTF-8 is invalid)")
        case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1", "cp1252", "windows-1252", "x-cp1252":
            return Choice(name: "windows-1252", source: source)
        case "utf-16", "utf-16le", "utf-16be":
            // A page that declares UTF-16 without a byte-order mark is ASCII-compatible in practice.
            return Choice(name: isValidUTF8(bytes) ? "UTF-8" : "windows-1252", source: "detected")
        default:
            return Choice(name: declared, source: source)
        }
    }

    static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// `charset=NAME` after a content type: "text/html; charset=ISO-8859-1".
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count < lower.count {
            if lower[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < lower.count, lower[j] == 0x20 { j += 1 }
                guard j < lower.count, lower[j] == 0x3D else { i += 1; continue }  // "="
                j += 1
                while j < lower.count, lower[j] == 0x20 || lower[j] == 0x22 || lower[j] == 0x27 { j += 1 }
                var end = j
                while end < lower.count, isNameByte(lower[end]) { end += 1 }
                if end > j { return String(decoding: bytes[j..<end], as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    /// `<meta charset="x">` or `<meta http-equiv="Content-Type" content="...; charset=x">`.
    static func metaCharset(_ head: ArraySlice<UInt8>) -> String? {
        let bytes = Array(head)
        var i = 0
        while i + 5 < bytes.count {
            if bytes[i] == 0x3C, (bytes[i + 1] | 0x20) == 0x6D, (bytes[i + 2] | 0x20) == 0x65, (bytes[i + 3] | 0x20) == 0x74,
               (bytes[i + 4] | 0x20) == 0x61 {  // "<meta"
                var end = i
                while end < bytes.count, bytes[end] != 0x3E { end += 1 }
                if let name = declaredCharset(in: Array(bytes[i..<end])) { return name }
                i = end
            }
            i += 1
        }
        return nil
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
            || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }
}
