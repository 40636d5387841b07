import CZlib

/// Decompresses a gzip stream as it is read, member after member (WARC.gz files are one
/// member per record, concatenated). Memory stays at two fixed buffers whatever the size.
public struct GzipSource<Base: ByteSource>: ByteSource {
    final class Inflater {
        var stream = z_stream()
        var active = false
        deinit { if active { inflateEnd(&stream) } }
    }

    var base: Base
    let inflater = Inflater()
    var input: [UInt8]
    var inputStart = 0
    var inputEnd = 0
    var baseFinished = false
    var finished = false
    /// Members fully read so far; a corrupt one is reported by its number.
    public private(set) var members = 0
    /// Compressed bytes consumed, for progress reports.
    public private(set) var compressedBytesRead = 0

    public init(_ base: Base, bufferSize: Int = 1 << 16) {
        self.base = base
        input = [UInt8](repeating: 0, count: bufferSize)
    }

    mutating func refill() throws {
        if inputStart < inputEnd || baseFinished { return }
        let count = try input.withUnsafeMutableBytes { (buffer) throws -> Int in try base.read(into: buffer) }
        inputStart = 0
        inputEnd = count
        compressedBytesRead += count
        if count == 0 { baseFinished = true }
    }

    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, buffer.count > 0 else { return 0 }
        while true {
            try refill()
            if !inflater.active {
                // Between members: the end of input, or the next member's header.
                if inputStart == inputEnd && baseFinished { finished = true; return 0 }
                guard retold_inflate_init_gzip(&inflater.stream) == Z_OK else { throw StreamError("cannot start the gzip decoder") }
                inflater.active = true
            }
            let available = inputEnd - inputStart, start = inputStart, inflater = self.inflater
            let (status, produced, consumed) = input.withUnsafeMutableBufferPointer { inputBuffer in
                inflater.stream.next_in = inputBuffer.baseAddress! + start
                inflater.stream.avail_in = UInt32(available)
                inflater.stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
                inflater.stream.avail_out = UInt32(buffer.count)
                let status = inflate(&inflater.stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(inflater.stream.avail_out), available - Int(inflater.stream.avail_in))
            }
            inputStart += consumed
            switch status {
            case Z_STREAM_END:
                inflateEnd(&inflater.stream)
                inflater.active = false
                members += 1
                if produced > 0 { return produced }
            case Z_OK:
                if produced > 0 { return produced }
                if available == 0 && baseFinished { throw StreamError("gzip member \(members + 1) is truncated") }
            case Z_BUF_ERROR:
                if baseFinished && inputStart == inputEnd { throw StreamError("gzip member \(members + 1) is truncated") }
            default:
                let message = inflater.stream.msg.map { String(cString: $0) } ?? "corrupt data"
                throw StreamError("gzip member \(members + 1) is corrupt (\(message))")
            }
        }
    }
}

public enum Gzip {
    /// Whether bytes start with the gzip magic number.
    public static func isGzip<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// Decompresses all members, refusing to produce more than `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int) throws -> [UInt8] {
        var source = GzipSource(MemoryByteSource(bytes))
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { (buffer) throws -> Int in try source.read(into: buffer) }
            if count == 0 { return output }
            output.append(contentsOf: chunk[0..<count])
            if output.count > limit { throw StreamError("decompresses to over \(InputError.size(limit))") }
        }
    }

    /// Compresses bytes as one gzip member (for writing test data and exports).
    public static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard retold_deflate_init_gzip(&stream, level) == Z_OK else { return [] }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                _ = deflate(&stream, Z_FINISH)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }
}
