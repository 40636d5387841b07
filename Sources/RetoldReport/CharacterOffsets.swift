/// Converts UTF-8 byte offsets of a text into character offsets (Unicode scalar values), which
/// is how JSON consumers such as Python index strings.
///
/// Counts are checkpointed every 256 bytes, so a conversion costs at most 256 byte checks and
/// all-ASCII text converts for free.
public struct CharacterOffsets: Sendable {
    private let bytes: [UInt8]
    private let checkpoints: [Int]
    private let isASCII: Bool
    static let block = 256

    public init(_ text: String) {
        bytes = Array(text.utf8)
        isASCII = bytes.allSatisfy { $0 < 0x80 }
        var checkpoints = [Int]()
        if !isASCII {
            checkpoints.reserveCapacity(bytes.count / Self.block + 1)
            var count = 0
            for i in 0..<bytes.count {
                if i % Self.block == 0 { checkpoints.append(count) }
                if bytes[i] & 0xC0 != 0x80 { count += 1 }
            }
        }
        self.checkpoints = checkpoints
    }

    /// The character offset of a byte offset.
    public func character(_ byteOffset: Int) -> Int {
        let offset = min(max(0, byteOffset), bytes.count)
        if isASCII { return offset }
        let block = offset / Self.block
        guard block < checkpoints.count else {
            return checkpoints.isEmpty ? 0 : count(from: (checkpoints.count - 1) * Self.block, to: offset, base: checkpoints.last!)
        }
        return count(from: block * Self.block, to: offset, base: checkpoints[block])
    }

    private func count(from start: Int, to end: Int, base: Int) -> Int {
        var result = base
        for i in start..<end where bytes[i] & 0xC0 != 0x80 { result += 1 }
        return result
    }
}
