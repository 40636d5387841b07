import Foundation

/// Reads a file (or stdin for "-") line by line with a bounded buffer.
public enum LineReader {
    public struct LineError: Error, Sendable { public var message: String }

    /// Calls `body` with each line's bytes (without the newline), numbered from 1. A line over
    /// `maxLineBytes` is skipped and reported as a failure for that line; reading goes on.
    public static func forEachLine(
        path: String, maxLineBytes: Int,
        _ body: (Int, Result<[UInt8], LineError>) throws -> Void
    ) throws {
        let file: UnsafeMutablePointer<FILE>
        if path == "-" {
            guard let standardInput = fdopen(dup(STDIN_FILENO), "rb") else {
                throw InputError(name: "<stdin>", reason: .unreadable(String(cString: strerror(errno))))
            }
            file = standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(name: path, reason: .missing)
            }
            guard !isDirectory.boolValue else { throw InputError(name: path, reason: .isDirectory) }
            guard let opened = fopen(path, "rb") else {
                throw InputError(name: path, reason: .unreadable(String(cString: strerror(errno))))
            }
            file = opened
        }
        defer { fclose(file) }
        var buffer = [UInt8]()
        var number = 0
        var oversized = false
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let read = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, file) }
            if read == 0 { break }
            var start = 0
            for i in 0..<read where chunk[i] == 0x0A {
                number += 1
                if !oversized { buffer.append(contentsOf: chunk[start..<i]) }
                try emit(&buffer, number: number, oversized: &oversized, limit: maxLineBytes, body)
                start = i + 1
            }
            if !oversized {
                buffer.append(contentsOf: chunk[start..<read])
                if buffer.count > maxLineBytes { oversized = true; buffer.removeAll() }
            }
        }
        if !buffer.isEmpty || oversized {
            number += 1
            try emit(&buffer, number: number, oversized: &oversized, limit: maxLineBytes, body)
        }
    }

    private static func emit(_ buffer: inout [UInt8], number: Int, oversized: inout Bool, limit: Int,
                             _ body: (Int, Result<[UInt8], LineError>) throws -> Void) throws {
        if oversized || buffer.count > limit {
            try body(number, .failure(LineError(message: "line is longer than \(limit) bytes")))
        } else {
            if buffer.last == 0x0D { buffer.removeLast() }
            try body(number, .success(buffer))
        }
        buffer.removeAll(keepingCapacity: true)
        oversized = false
    }
}
