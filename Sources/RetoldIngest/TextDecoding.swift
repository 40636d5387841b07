/// Bytes to text: byte-order marks, UTF-8, UTF-16, and the Windows-1252 fallback that old
/// newsroom systems and scrapers still produce; binary data is refused.
public enum TextEncodingName: String, Sendable, Codable {
    case utf8 = "utf-8"
    case utf8WithBOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
}

enum TextDecoding {
    enum Failure: Error { case binary, undecodable }

    static func decode(_ bytes: [UInt8]) throws(Failure) -> (String, TextEncodingName) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            guard let text = String(validating: body, as: UTF8.self) else { throw .undecodable }
            return (text, .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes.dropFirst(2), littleEndian: true), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes.dropFirst(2), littleEndian: false), .utf16BE) }
        if looksBinary(bytes) { throw .binary }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        // Not UTF-8: Windows-1252, unless the bytes are clearly something else.
        var nonASCII = 0, undefined = 0
        for byte in bytes where byte >= 0x80 {
            nonASCII += 1
            if byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D { undefined += 1 }
        }
        // Bytes Windows-1252 leaves undefined, or mostly high bytes in a text long enough to
        // judge, mean another encoding (or binary data), not Western European text.
        if undefined * 100 > nonASCII || (bytes.count >= 64 && nonASCII * 10 > bytes.count * 3) { throw .undecodable }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes { scalars.append(windows1252(byte)) }
        return (String(scalars), .windows1252)
    }

    /// NUL bytes, or many control characters, in the first 64 KiB.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65_536)
        var controls = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return controls * 10 > sample.count
    }

    static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool) throws(Failure) -> String {
        guard body.count % 2 == 0 else { throw .undecodable }
        var units = [UInt16]()
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let first = UInt16(body[i]), second = UInt16(body[i + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { throw .undecodable }
        return text
    }

    /// Windows-1252; its five undefined bytes map to the C1 controls of the same number (Latin-1).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        guard byte >= 0x80 && byte < 0xA0 else { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte - 0x80)])!
    }
}
