import Foundation

/// A text read from a file, standard input or memory, decoded, with the encoding it was in.
public struct TextInput: Sendable, Equatable {
    /// The path as given, `<stdin>`, or a caller's label.
    public let name: String
    public let text: String
    public let encoding: TextEncodingName

    /// Inputs larger than this are refused: a news text is kilobytes, not hundreds of megabytes.
    public static let defaultMaxBytes = 64 << 20

    /// Reads a file, or standard input for "-".
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(InputError) -> TextInput {
        if path == "-" { return try decode(readStandardInput(limit: maxBytes), name: "<stdin>", maxBytes: maxBytes) }
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw InputError(name: path, reason: errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        if status.st_mode & S_IFMT == S_IFDIR { throw InputError(name: path, reason: .isDirectory) }
        if Int(status.st_size) > maxBytes { throw InputError(name: path, reason: .tooLarge(bytes: Int(status.st_size), limit: maxBytes)) }
        guard let file = fopen(path, "rb") else { throw InputError(name: path, reason: .unreadable(String(cString: strerror(errno)))) }
        defer { fclose(file) }
        return try decode(readAll(file, limit: maxBytes, name: path), name: path, maxBytes: maxBytes)
    }

    /// Decodes bytes already in memory.
    public static func decode(_ bytes: [UInt8], name: String, maxBytes: Int = defaultMaxBytes) throws(InputError) -> TextInput {
        if bytes.count > maxBytes { throw InputError(name: name, reason: .tooLarge(bytes: bytes.count, limit: maxBytes)) }
        let decoded: (String, TextEncodingName)
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch .binary {
            throw InputError(name: name, reason: .binary)
        } catch {
            throw InputError(name: name, reason: .undecodable)
        }
        if decoded.0.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" || $0 == "\u{200B}" }) {
            throw InputError(name: name, reason: .empty)
        }
        return TextInput(name: name, text: decoded.0, encoding: decoded.1)
    }

    static func readStandardInput(limit: Int) throws(InputError) -> [UInt8] {
        guard let file = fdopen(dup(STDIN_FILENO), "rb") else {
            throw InputError(name: "<stdin>", reason: .unreadable(String(cString: strerror(errno))))
        }
        defer { fclose(file) }
        return try readAll(file, limit: limit, name: "<stdin>")
    }

    /// Reads to the end, refusing to hold more than `limit` bytes.
    static func readAll(_ file: UnsafeMutablePointer<FILE>, limit: Int, name: String) throws(InputError) -> [UInt8] {
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 {
                if ferror(file) != 0 { throw InputError(name: name, reason: .unreadable(String(cString: strerror(errno)))) }
                break
            }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw InputError(name: name, reason: .tooLarge(bytes: bytes.count, limit: limit)) }
        }
        return bytes
    }
}
