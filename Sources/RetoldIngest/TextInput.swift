#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A text read from a file, standard input or memory, decoded, with the encoding it was in.
public struct TextInput: Sendable, Equatable {
    /// The path as given, `<stdin>`, or a caller's label.
    public let name: String
    public let text: String
    public let encoding: TextEncodingName

    /// Inputs larger than this (64 MiB) are refused: a news text is kilobytes, not hundreds of megabytes.
    public static let defaultMaxBytes = 64 << 20

    /// The name standard input is reported under.
    static let standardInputName = "<stdin>"

    /// Reads a file, or standard input for "-". Missing files, directories and files over
    /// `maxBytes` are refused before anything is read; a stream is read until it passes
    /// `maxBytes` at most.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(InputError) -> TextInput {
        if path == "-" { return try read(fileDescriptor: STDIN_FILENO, name: standardInputName, maxBytes: maxBytes) }
        var status = stat()
        guard stat(path, &status) == 0 else { throw InputError(name: path, reason: reason(errno: errno)) }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR { throw InputError(name: path, reason: .isDirectory) }
        // Only a regular file's size means anything; pipes and devices are read as streams.
        let size = type == S_IFREG ? Int(status.st_size) : 0
        if size > maxBytes { throw InputError(name: path, reason: .tooLarge(bytes: size, limit: maxBytes)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputError(name: path, reason: reason(errno: errno)) }
        defer { close(descriptor) }
        let bytes = try readAll(descriptor, name: path, sizeHint: size, limit: maxBytes)
        return try decode(bytes, name: path, maxBytes: maxBytes)
    }

    /// Decodes bytes already in memory; `name` labels the input in errors.
    public static func decode(_ bytes: [UInt8], name: String, maxBytes: Int = defaultMaxBytes) throws(InputError) -> TextInput {
        if bytes.count > maxBytes { throw InputError(name: name, reason: .tooLarge(bytes: bytes.count, limit: maxBytes)) }
        let decoded: (text: String, encoding: TextEncodingName)
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch .binary {
            throw InputError(name: name, reason: .binary)
        } catch {
            throw InputError(name: name, reason: .undecodable)
        }
        if decoded.text.unicodeScalars.allSatisfy(isBlank) { throw InputError(name: name, reason: .empty) }
        return TextInput(name: name, text: decoded.text, encoding: decoded.encoding)
    }

    /// Reads an open descriptor (standard input, or a pipe in tests) to its end and decodes it.
    static func read(fileDescriptor: Int32, name: String, maxBytes: Int) throws(InputError) -> TextInput {
        try decode(readAll(fileDescriptor, name: name, sizeHint: 0, limit: maxBytes), name: name, maxBytes: maxBytes)
    }

    /// Whitespace, or the invisible characters that can make up a "blank" text (a stray
    /// byte-order mark, zero-width space, word joiner).
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}" || scalar == "\u{200B}" || scalar == "\u{2060}"
    }

    /// Reads to the end of `descriptor`, refusing to hold more than `limit` bytes: as soon as
    /// `limit + 1` bytes are in, it stops with `tooLarge`. With the size of a regular file as
    /// `sizeHint`, the whole file arrives in one `read` (the next one only confirms the end).
    static func readAll(_ descriptor: Int32, name: String, sizeHint: Int, limit: Int) throws(InputError) -> [UInt8] {
        let limit = max(limit, 0)
        let ceiling = limit == .max ? limit : limit + 1
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: min(sizeHint > 0 ? sizeHint + 1 : chunk, ceiling))
        var count = 0
        while true {
            if count == buffer.count {
                if count > limit { throw InputError(name: name, reason: .tooLarge(bytes: count, limit: limit)) }
                buffer.append(contentsOf: repeatElement(0, count: min(max(count, chunk), ceiling - count)))
            }
            let received = buffer.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress! + count, raw.count - count)
            }
            if received > 0 {
                count += received
            } else if received == 0 {
                break
            } else if errno != EINTR {
                throw InputError(name: name, reason: reason(errno: errno))
            }
        }
        buffer.removeLast(buffer.count - count)
        return buffer
    }

    /// What a failed `stat`, `open` or `read` means for the user.
    static func reason(errno code: Int32) -> InputError.Reason {
        switch code {
        case ENOENT, ENOTDIR: return .missing
        case EACCES, EPERM: return .unreadable("permission denied")
        case EISDIR: return .isDirectory
        default:
            let message = String(cString: strerror(code))
            return .unreadable(message.prefix(1).lowercased() + message.dropFirst())
        }
    }
}

/// The system `read`, which `TextInput.read` hides inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
