import Foundation

/// The static token table distilled from the sentence encoder: one vector per vocabulary piece
/// (the encoder's vector of the piece alone, reduced by principal components) and one weight
/// per piece (its rarity). A sentence's static vector is the weighted sum of its pieces' vectors.
///
/// On disk (`static-vectors.bin` in the model directory), little-endian:
///
/// | bytes | field |
/// | --- | --- |
/// | 8 | magic `RTSTATIC` |
/// | 4 | format version (1) |
/// | 4 | rows: vocabulary pieces |
/// | 4 | dimensions |
/// | 4 | zero |
/// | 8 | checksum of everything after the header (64-bit FNV-1a over 8-byte words) |
/// | 4·rows·dimensions | the vectors, row by row, as 32-bit floats |
/// | 4·rows | the weights |
///
/// A file with another magic, version, size or checksum is refused, never half read.
public struct StaticTable: Sendable, Equatable {
    public static let fileName = "static-vectors.bin"
    static let magic = Array("RTSTATIC".utf8)
    static let version: UInt32 = 1
    static let headerSize = 32

    public let rows: Int
    public let dimensions: Int
    /// `rows × dimensions`, row-major.
    public let vectors: [Float]
    public let weights: [Float]

    public init(rows: Int, dimensions: Int, vectors: [Float], weights: [Float]) {
        precondition(rows >= 0 && dimensions > 0 && vectors.count == rows * dimensions && weights.count == rows)
        self.rows = rows
        self.dimensions = dimensions
        self.vectors = vectors
        self.weights = weights
    }

    /// The file's bytes.
    public func encoded() -> Data {
        var data = Data(capacity: Self.headerSize + 4 * (vectors.count + weights.count))
        data.append(contentsOf: Self.magic)
        for value in [Self.version, UInt32(rows), UInt32(dimensions), 0] { append(value, to: &data) }
        let payloadStart = data.count + 8
        data.append(contentsOf: [UInt8](repeating: 0, count: 8))
        for value in vectors { append(value.bitPattern, to: &data) }
        for value in weights { append(value.bitPattern, to: &data) }
        let checksum = data.withUnsafeBytes { Self.checksum(UnsafeRawBufferPointer(rebasing: $0[payloadStart...])) }
        withUnsafeBytes(of: checksum.littleEndian) { data.replaceSubrange((payloadStart - 8)..<payloadStart, with: $0) }
        return data
    }

    /// Reads and checks a table file's bytes; `path` names it in errors.
    public init(bytes data: Data, path: String) throws(EncoderError) {
        func bad(_ reason: String) -> EncoderError { .badFile(path: path, reason: reason) }
        guard data.count >= Self.headerSize else { throw bad("truncated: \(data.count) bytes, shorter than the header") }
        guard data.prefix(8).elementsEqual(Self.magic) else { throw bad("not a static vector table") }
        let version = data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) }
        guard version == Self.version else { throw bad("static table format \(version), not \(Self.version)") }
        let rows = data.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self))) }
        let dimensions = data.withUnsafeBytes { Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 16, as: UInt32.self))) }
        let stored = data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: 24, as: UInt64.self)) }
        guard dimensions > 0, dimensions <= 4096 else { throw bad("\(dimensions) dimensions") }
        let expected = Self.headerSize + 4 * (rows * dimensions + rows)
        guard data.count == expected else {
            throw bad(data.count < expected ? "truncated: \(data.count) bytes, not \(expected)" : "\(data.count) bytes, not \(expected)")
        }
        let checksum = data.withUnsafeBytes { Self.checksum(UnsafeRawBufferPointer(rebasing: $0[Self.headerSize...])) }
        guard checksum == stored else { throw bad("checksum mismatch: the file is corrupt") }
        var vectors = [Float](repeating: 0, count: rows * dimensions), weights = [Float](repeating: 0, count: rows)
        data.withUnsafeBytes { raw in
            for index in 0..<vectors.count {
                vectors[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: Self.headerSize + 4 * index, as: UInt32.self)))
            }
            let base = Self.headerSize + 4 * vectors.count
            for index in 0..<rows {
                weights[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + 4 * index, as: UInt32.self)))
            }
        }
        self.init(rows: rows, dimensions: dimensions, vectors: vectors, weights: weights)
    }

    /// Reads and checks the table file at `url`.
    public init(contentsOf url: URL) throws(EncoderError) {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .badFile(path: url.path, reason: "unreadable (\(error.localizedDescription))")
        }
        try self.init(bytes: data, path: url.path)
    }

    /// Writes the file through a temporary beside it and a rename, so a reader never sees half of it.
    public func write(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    private func append(_ value: UInt32, to data: inout Data) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// 64-bit FNV-1a over little-endian 8-byte words (the payload is a whole number of 4-byte
    /// values; a final half word is zero-padded).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        let words = bytes.count / 8
        for index in 0..<words {
            value = (value ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))) &* 0x0000_0100_0000_01b3
        }
        if bytes.count % 8 != 0 {
            var tail: UInt64 = 0
            for (shift, byte) in bytes[(8 * words)...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
            value = (value ^ tail) &* 0x0000_0100_0000_01b3
        }
        return value
    }
}
