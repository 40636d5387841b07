import Foundation
import Testing
@testable import RetoldIngest

@Suite("Reading text inputs")
struct TextInputTests {
    func decode(_ bytes: [UInt8], maxBytes: Int = TextInput.defaultMaxBytes) throws(InputError) -> TextInput {
        try TextInput.decode(bytes, name: "sample", maxBytes: maxBytes)
    }

    @Test("UTF-8, with and without a byte-order mark")
    func utf8() throws {
        #expect(try decode(Array("Séoul – “talks”".utf8)).text == "Séoul – “talks”")
        #expect(try decode(Array("Séoul".utf8)).encoding == .utf8)
        let withBOM = try decode([0xEF, 0xBB, 0xBF] + Array("Seoul".utf8))
        #expect(withBOM.text == "Seoul" && withBOM.encoding == .utf8WithBOM)
    }

    @Test("UTF-16 with either byte-order mark")
    func utf16() throws {
        let text = "Kim’s “talks”"
        var little: [UInt8] = [0xFF, 0xFE], big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(try decode(little).text == text)
        #expect(try decode(little).encoding == .utf16LE)
        #expect(try decode(big).text == text)
        #expect(try decode(big).encoding == .utf16BE)
        // An unpaired surrogate is not text.
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }
    }

    @Test("invalid UTF-8 falls back to Windows-1252")
    func windows1252() throws {
        let input = try decode([0x93, 0x43, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x80, 0x35])
        #expect(input.text == "“Café” €5")
        #expect(input.encoding == .windows1252)
    }

    @Test("binary, undecodable, empty and oversized inputs are refused with their reason")
    func refusals() {
        #expect(throws: InputError(name: "sample", reason: .binary)) { try decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]) }
        #expect(throws: InputError(name: "sample", reason: .binary)) { try decode(Array(repeating: 0x01, count: 50) + Array("text".utf8)) }
        #expect(throws: InputError(name: "sample", reason: .undecodable)) { try decode(Array(repeating: [0x8D, 0x90, 0x9D], count: 10).flatMap { $0 }) }
        #expect(throws: InputError(name: "sample", reason: .empty)) { try decode([]) }
        #expect(throws: InputError(name: "sample", reason: .empty)) { try decode(Array(" \n\u{00A0}\t".utf8)) }
        #expect(throws: InputError(name: "sample", reason: .tooLarge(bytes: 101, limit: 100))) {
            try decode(Array(repeating: 0x61, count: 101), maxBytes: 100)
        }
    }

    @Test("files: missing, directory, too large, and a good one")
    func files() throws {
        let directory = FileManager.default.temporaryDirectory
        let missing = directory.appendingPathComponent("retold-\(UUID().uuidString).txt").path
        #expect(throws: InputError(name: missing, reason: .missing)) { try TextInput.read(path: missing) }
        #expect(throws: InputError(name: directory.path, reason: .isDirectory)) { try TextInput.read(path: directory.path) }
        let file = directory.appendingPathComponent("retold-\(UUID().uuidString).txt")
        try Data("North Korea offers talks.\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try TextInput.read(path: file.path).text == "North Korea offers talks.\n")
        #expect(throws: InputError(name: file.path, reason: .tooLarge(bytes: 26, limit: 10))) { try TextInput.read(path: file.path, maxBytes: 10) }
    }

    @Test("messages are one line naming the input")
    func messages() {
        #expect(InputError(name: "a.txt", reason: .missing).description == "cannot read 'a.txt': no such file")
        #expect(InputError(name: "big.txt", reason: .tooLarge(bytes: 80_200_000, limit: 64 << 20)).description
            == "'big.txt' is 80.2 MB, over the 67.1 MB limit")
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
