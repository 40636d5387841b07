import Foundation
import Testing
import RetoldCore
@testable import RetoldIngest

/// A file under the temporary directory with a unique name, removed when the test is done.
private struct TemporaryFile: ~Copyable {
    let url: URL
    var path: String { url.path }

    init(_ bytes: [UInt8]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("retold-ingest-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// SplitMix64, so "random" bytes are the same on every run.
private struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    /// `StableHash.mix` is SplitMix64's step and finalizer in one.
    mutating func next() -> UInt64 {
        defer { state &+= 0x9E37_79B9_7F4A_7C15 }
        return StableHash.mix(state)
    }
}

private func randomBytes(_ count: Int, seed: UInt64, in range: ClosedRange<UInt8> = 0...255) -> [UInt8] {
    var generator = SeededGenerator(state: seed)
    return (0..<count).map { _ in UInt8.random(in: range, using: &generator) }
}

private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
        bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    return bytes
}

private func decode(_ bytes: [UInt8], maxBytes: Int = TextInput.defaultMaxBytes) throws(InputError) -> TextInput {
    try TextInput.decode(bytes, name: "sample", maxBytes: maxBytes)
}

@Suite("Reading text inputs")
struct TextInputTests {
    @Test("a missing file is refused before reading, naming the path")
    func missingFile() {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("retold-missing-\(UUID().uuidString).txt").path
        #expect(throws: InputError(name: path, reason: .missing)) { try TextInput.read(path: path) }
        #expect(throws: InputError(name: "", reason: .missing)) { try TextInput.read(path: "") }
        // A path through a regular file is as missing as one through nothing.
        #expect(throws: InputError(name: "/dev/null/a.txt", reason: .missing)) { try TextInput.read(path: "/dev/null/a.txt") }
    }

    @Test("a directory is refused")
    func directory() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("retold-dir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: InputError(name: url.path, reason: .isDirectory)) { try TextInput.read(path: url.path) }
    }

    @Test("a file the user may not read is refused with the system's reason", .enabled(if: geteuid() != 0, "root reads anything"))
    func permissionDenied() throws {
        let file = try TemporaryFile(Array("secret".utf8))
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        #expect(throws: InputError(name: file.path, reason: .unreadable("permission denied"))) { try TextInput.read(path: file.path) }
    }

    @Test("binary files are refused: a PNG header, control bytes, random bytes")
    func binary() throws {
        let png = try TemporaryFile([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52])
        #expect(throws: InputError(name: png.path, reason: .binary)) { try TextInput.read(path: png.path) }
        // One NUL far into otherwise plain text.
        #expect(throws: InputError(name: "sample", reason: .binary)) { try decode(Array(repeating: 0x61, count: 60_000) + [0x00]) }
        // 11 control bytes in 100 is over 10%; 10 is not.
        let text = Array("North Korea offers talks with the South on Tuesday, the ministry said in a statement..".utf8)
        #expect(text.count == 86)
        #expect(throws: InputError(name: "sample", reason: .binary)) { try decode(Array(repeating: 0x01, count: 11) + text + [0x2E, 0x2E, 0x2E]) }
        #expect(try decode(Array(repeating: 0x1B, count: 10) + text + [0x2E, 0x2E, 0x2E, 0x2E]).encoding == .utf8)
        // Tab, line feed, form feed and carriage return are text.
        #expect(try decode(Array(repeating: [0x09, 0x0A, 0x0C, 0x0D, 0x61], count: 30).flatMap { $0 }).encoding == .utf8)
        // Uniformly random bytes have NULs and plenty of control bytes.
        let random = try TemporaryFile(randomBytes(4096, seed: 1))
        #expect(throws: InputError(name: random.path, reason: .binary)) { try TextInput.read(path: random.path) }
    }

    @Test("random high bytes are not mistaken for Windows-1252")
    func randomHighBytes() {
        let bytes = randomBytes(4096, seed: 2, in: 0x80...0xFF)
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode(bytes) }
        // Mostly accented letters, none undefined in Windows-1252: over 30% non-ASCII.
        let latin: [UInt8] = Array(repeating: [UInt8]([0xE9, 0xE8, 0x61]), count: 30).flatMap { $0 }
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode(latin) }
        // More than 1% of the non-ASCII bytes undefined in Windows-1252.
        #expect(throws: InputError(name: "sample", reason: .undecodable)) {
            try decode(Array(repeating: [UInt8]([0x81, 0x8D, 0x41]), count: 40).flatMap { $0 })
        }
        // A UTF-32 byte-order mark: not an encoding read here.
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]) }
    }

    @Test("invalid UTF-8 that is Windows-1252 is decoded as Windows-1252")
    func windows1252() throws {
        // "Kim said “café” for €5." as a Windows-1252 system writes it.
        let file = try TemporaryFile(Array("Kim said ".utf8) + [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94] + Array(" for ".utf8) + [0x80] + Array("5.".utf8))
        let input = try TextInput.read(path: file.path)
        #expect(input.text == "Kim said \u{201C}caf\u{E9}\u{201D} for \u{20AC}5.")
        #expect(Array(input.text.unicodeScalars) == Array("Kim said \u{201C}caf\u{E9}\u{201D} for \u{20AC}5.".unicodeScalars))
        #expect(input.encoding == .windows1252)
        #expect(input.name == file.path)
        // A short text may be mostly accents.
        #expect(try decode([0xC7, 0x61, 0x20, 0xE9, 0x74, 0xE9]).text == "\u{C7}a \u{E9}t\u{E9}")
    }

    @Test("Windows-1252: the 0x80...0x9F table, Latin-1 above, C1 controls for the undefined bytes")
    func windows1252Table() throws {
        let defined = (0x80...0x9F).map { UInt8($0) }.filter { ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }
        let padding = Array(repeating: UInt8(ascii: "x"), count: 70)
        #expect(try decode(defined + padding).text
            == "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ" + String(repeating: "x", count: 70))
        let latin1 = (0xA0...0xFF).map { UInt8($0) }
        let decoded = try decode(latin1 + Array(repeating: UInt8(ascii: "y"), count: 300)).text
        #expect(decoded.unicodeScalars.prefix(96).map(\.value) == Array(0xA0...0xFF))
        // One undefined byte among 100 accented letters is within the 1%: it stays U+0081.
        let mostlyText: [UInt8] = Array(repeating: Array("lat".utf8) + [UInt8(0xE9)], count: 100).flatMap { $0 } + [0x81]
        #expect(try decode(mostlyText).text == String(repeating: "lat\u{E9}", count: 100) + "\u{81}")
        #expect(try decode(mostlyText).encoding == .windows1252)
    }

    @Test("UTF-8 with a byte-order mark: the mark is stripped")
    func utf8WithBOM() throws {
        let file = try TemporaryFile([0xEF, 0xBB, 0xBF] + Array("Séoul talks\n".utf8))
        let input = try TextInput.read(path: file.path)
        #expect(input.text == "Séoul talks\n")
        #expect(input.text.unicodeScalars.first == "S")
        #expect(input.encoding == .utf8WithBOM)
        // After the mark it must be UTF-8; no fallback to Windows-1252.
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode([0xEF, 0xBB, 0xBF, 0x63, 0x61, 0x66, 0xE9]) }
        #expect(throws: InputError(name: "sample", reason: .binary)) { try decode([0xEF, 0xBB, 0xBF, 0x61, 0x00, 0x62]) }
    }

    @Test("UTF-16 with either byte-order mark")
    func utf16WithBOM() throws {
        let text = "Kim’s “talks” in Séoul 🗞\r\n"
        let little = try TemporaryFile(utf16(text, bigEndian: false))
        let big = try TemporaryFile(utf16(text, bigEndian: true))
        let fromLittle = try TextInput.read(path: little.path), fromBig = try TextInput.read(path: big.path)
        #expect(Array(fromLittle.text.unicodeScalars) == Array(text.unicodeScalars))
        #expect(fromLittle.encoding == .utf16LE)
        #expect(Array(fromBig.text.unicodeScalars) == Array(text.unicodeScalars))
        #expect(fromBig.encoding == .utf16BE)
        // An unpaired surrogate, a reversed pair, or half a code unit is not text.
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode([0xFE, 0xFF, 0xDC, 0x00, 0xD8, 0x00]) }
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode([0xFF, 0xFE, 0x41, 0x00, 0x42]) }
        // NUL code units are binary, BOM or not.
        #expect(throws: InputError(name: "sample", reason: .binary)) { try decode([0xFE, 0xFF, 0x00, 0x41, 0x00, 0x00]) }
    }

    @Test("empty and whitespace-only files are refused")
    func empty() throws {
        let nothing = try TemporaryFile([])
        #expect(throws: InputError(name: nothing.path, reason: .empty)) { try TextInput.read(path: nothing.path) }
        let blank = try TemporaryFile(Array(" \n\t\r\n\u{00A0}\u{FEFF}\u{3000}\u{2028}\u{200B}".utf8))
        #expect(throws: InputError(name: blank.path, reason: .empty)) { try TextInput.read(path: blank.path) }
        #expect(throws: InputError(name: "sample", reason: .empty)) { try decode([0xEF, 0xBB, 0xBF]) }
        #expect(throws: InputError(name: "sample", reason: .empty)) { try decode(utf16(" \n", bigEndian: false)) }
        #expect(throws: InputError(name: "/dev/null", reason: .empty)) { try TextInput.read(path: "/dev/null") }
        #expect(try decode(Array(" \u{00A0}.".utf8)).text == " \u{00A0}.")
    }

    @Test("inputs over the limit are refused; at the limit they are read")
    func tooLarge() throws {
        let over = try TemporaryFile(Array(repeating: 0x61, count: 101))
        #expect(throws: InputError(name: over.path, reason: .tooLarge(bytes: 101, limit: 100))) { try TextInput.read(path: over.path, maxBytes: 100) }
        let at = try TemporaryFile(Array(repeating: 0x61, count: 100))
        #expect(try TextInput.read(path: at.path, maxBytes: 100).text == String(repeating: "a", count: 100))
        #expect(throws: InputError(name: "sample", reason: .tooLarge(bytes: 101, limit: 100))) { try decode(Array(repeating: 0x61, count: 101), maxBytes: 100) }
        // A device has no size: it is read as a stream and stopped one byte past the limit.
        #expect(throws: InputError(name: "/dev/zero", reason: .tooLarge(bytes: 1001, limit: 1000))) { try TextInput.read(path: "/dev/zero", maxBytes: 1000) }
    }

    @Test("streams (standard input) are read to the end, and stopped once over the limit")
    func streams() throws {
        func pipeWith(_ bytes: [UInt8]) -> Int32 {
            var ends: [Int32] = [0, 0]
            #expect(pipe(&ends) == 0)
            #expect(bytes.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) } == bytes.count)
            close(ends[1])
            return ends[0]
        }
        let text = String(repeating: "Kim’s “talks” in Séoul.\n", count: 1000)
        let reading = pipeWith(Array(text.utf8))
        defer { close(reading) }
        let input = try TextInput.read(fileDescriptor: reading, name: "<stdin>", maxBytes: 1 << 20)
        #expect(Array(input.text.utf8) == Array(text.utf8))
        #expect(input.name == "<stdin>")
        let long = pipeWith(Array(repeating: 0x61, count: 300))
        defer { close(long) }
        #expect(throws: InputError(name: "<stdin>", reason: .tooLarge(bytes: 101, limit: 100))) {
            try TextInput.read(fileDescriptor: long, name: "<stdin>", maxBytes: 100)
        }
    }

    @Test("good UTF-8 with non-ASCII text round-trips byte for byte")
    func utf8RoundTrip() throws {
        // Decomposed é, CRLF, a non-BMP character, a right-to-left name: nothing is normalized.
        let text = "Séoul — e\u{301}lan “talks” 🗞 محمد\r\nline two\n"
        let file = try TemporaryFile(Array(text.utf8))
        let input = try TextInput.read(path: file.path)
        #expect(Array(input.text.utf8) == Array(text.utf8))
        #expect(input.encoding == .utf8)
        #expect(input.name == file.path)
        #expect(try decode(Array("caf\u{E9}".utf8)).encoding == .utf8)
    }

    @Test("messages are one line naming the input and the reason")
    func messages() {
        func message(_ name: String, _ reason: InputError.Reason) -> String { InputError(name: name, reason: reason).description }
        #expect(message("a.txt", .missing) == "cannot read 'a.txt': no such file")
        #expect(message("dir", .isDirectory) == "cannot read 'dir': it is a directory")
        #expect(message("a.txt", .unreadable("permission denied")) == "cannot read 'a.txt': permission denied")
        #expect(message("x.bin", .binary) == "'x.bin' looks binary (NUL or control bytes), not text")
        #expect(message("x.txt", .undecodable) == "'x.txt' is not valid UTF-8, UTF-16 or Windows-1252 text")
        #expect(message("x.txt", .empty) == "'x.txt' is empty")
        #expect(message("big.txt", .tooLarge(bytes: 84_095_796, limit: TextInput.defaultMaxBytes)) == "'big.txt' is 80.2 MB, over the 64 MB limit")
        #expect(message("big.txt", .tooLarge(bytes: 1_610_612_736, limit: TextInput.defaultMaxBytes)) == "'big.txt' is 1536 MB, over the 64 MB limit")
        #expect(message("a.txt", .tooLarge(bytes: 101, limit: 100)) == "'a.txt' is 101 bytes, over the 100 bytes limit")
        #expect(message("a.txt", .tooLarge(bytes: 1536, limit: 1)) == "'a.txt' is 1.5 KB, over the 1 byte limit")
        // A stream stopped one byte past the limit: the sizes round alike.
        #expect(message("<stdin>", .tooLarge(bytes: TextInput.defaultMaxBytes + 1, limit: TextInput.defaultMaxBytes)) == "'<stdin>' is over the 64 MB limit")
        #expect(TextInput.defaultMaxBytes == 67_108_864)
    }

    @Test("errors and encodings as other code sees them")
    func names() {
        #expect(TextEncodingName.allRawValues == ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"])
        #expect(TextInput.reason(errno: ENOENT) == .missing)
        #expect(TextInput.reason(errno: EACCES) == .unreadable("permission denied"))
        #expect(TextInput.reason(errno: EIO) == .unreadable("input/output error"))
    }
}

private extension TextEncodingName {
    static var allRawValues: [String] {
        [TextEncodingName.utf8, .utf8WithBOM, .utf16LE, .utf16BE, .windows1252].map(\.rawValue)
    }
}

@Suite("Reading JSONL lines")
struct LineReaderTests {
    @Test("lines are numbered, CRLF is trimmed, an over-long line is reported and skipped")
    func lines() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("retold-\(UUID().uuidString).jsonl")
        try Data("one\r\n\(String(repeating: "x", count: 50))\nthree".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var seen: [String] = []
        try LineReader.forEachLine(path: file.path, maxLineBytes: 20) { number, line in
            switch line {
            case .success(let bytes): seen.append("\(number):\(String(decoding: bytes, as: UTF8.self))")
            case .failure(let error): seen.append("\(number):! \(error.message)")
            }
        }
        #expect(seen == ["1:one", "2:! line is longer than 20 bytes", "3:three"])
    }
}
