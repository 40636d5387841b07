/// A source whose first bytes were already read (to sniff them), handed back before the rest.
struct ReplaySource<Base: ByteSource>: ByteSource {
    var prefix: [UInt8]
    var position = 0
    var base: Base

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if position < prefix.count {
            let count = min(buffer.count, prefix.count - position)
            prefix.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + position, byteCount: count) }
            position += count
            return count
        }
        return try base.read(into: buffer)
    }
}
