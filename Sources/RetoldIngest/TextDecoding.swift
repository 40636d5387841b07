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
    enum Failure: Error, Equatable { case binary, undecodable }

    /// How much of the start is examined for binary data (bytes, or UTF-16 code units).
    static let sniffLength = 65_536
    /// Below this many bytes the share of non-ASCII characters says little (a short Latin-1
    /// name can be half accents), so the 30% rule for Windows-1252 is not applied.
    static let minimumBytesForRatio = 64

    static func decode(_ bytes: [UInt8]) throws(Failure) -> (text: String, encoding: TextEncodingName) {
        // UTF-32 marks first: FF FE 00 00 would otherwise pass for UTF-16LE.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw .undecodable
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = bytes[3...]
            if looksBinary(body.prefix(sniffLength)) { throw .binary }
            guard let text = String(validating: body, as: UTF8.self) else { throw .undecodable }
            return (text, .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes[2...], bigEndian: false), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes[2...], bigEndian: true), .utf16BE) }

        if looksBinary(bytes.prefix(sniffLength)) { throw .binary }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (try windows1252(bytes), .windows1252)
    }

    /// Any NUL, or more than 10% control characters other than tab, line feed, form feed and
    /// carriage return. `units` are bytes, or UTF-16 code units after a byte-order mark.
    static func looksBinary<Units: Collection>(_ units: Units) -> Bool where Units.Element: FixedWidthInteger {
        var controls = 0
        for unit in units where unit < 0x20 {
            switch unit {
            case 0: return true
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            default: controls += 1
            }
        }
        return controls * 10 > units.count
    }

    /// UTF-16 after its byte-order mark. An odd length or an unpaired surrogate is undecodable.
    static func utf16(_ body: ArraySlice<UInt8>, bigEndian: Bool) throws(Failure) -> String {
        guard body.count % 2 == 0 else { throw .undecodable }
        let count = body.count / 2
        let units = body.withUnsafeBytes { raw in
            [UInt16](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    let unit = raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)
                    buffer[i] = bigEndian ? UInt16(bigEndian: unit) : UInt16(littleEndian: unit)
                }
                initialized = count
            }
        }
        if looksBinary(units.prefix(sniffLength)) { throw .binary }
        guard let text = String(validating: units, as: UTF16.self) else { throw .undecodable }
        return text
    }

    /// Windows-1252 (Latin-1 for its five undefined bytes), unless the bytes are probably some
    /// other encoding: more than 1% of the non-ASCII bytes undefined in Windows-1252, or (in a
    /// text long enough to judge) more than 30% of the characters non-ASCII.
    static func windows1252(_ bytes: [UInt8]) throws(Failure) -> String {
        var nonASCII = 0, undefined = 0
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer where byte >= 0x80 {
                nonASCII += 1
                if byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D { undefined += 1 }
            }
        }
        if undefined * 100 > nonASCII { throw .undecodable }
        // One byte is one character, so the byte ratio is the character ratio.
        if bytes.count >= minimumBytesForRatio && nonASCII * 10 > bytes.count * 3 { throw .undecodable }

        // Every non-ASCII byte becomes 2 or 3 bytes of UTF-8 (3 only for U+0800 and up).
        return String(unsafeUninitializedCapacity: bytes.count + 2 * nonASCII) { output in
            var end = 0
            for byte in bytes {
                if byte < 0x80 {
                    output[end] = byte
                    end += 1
                    continue
                }
                let scalar = UInt32(windows1252Scalars[Int(byte) - 0x80])
                if scalar < 0x800 {
                    output[end] = UInt8(0xC0 | scalar >> 6)
                    output[end + 1] = UInt8(0x80 | scalar & 0x3F)
                    end += 2
                } else {
                    output[end] = UInt8(0xE0 | scalar >> 12)
                    output[end + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                    output[end + 2] = UInt8(0x80 | scalar & 0x3F)
                    end += 3
                }
            }
            return end
        }
    }

    /// The characters of bytes 0x80...0xFF in Windows-1252. 0x80...0x9F differ from Latin-1,
    /// except the five Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), which
    /// stay the C1 controls of the same number; 0xA0...0xFF are Latin-1.
    static let windows1252Scalars: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ] + (0xA0...0xFF).map { UInt16($0) }
}
