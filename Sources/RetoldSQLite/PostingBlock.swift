/// The bytes of one block of a posting run: sorted postings, delta-encoded as LEB128 varints.
///
/// A block's first posting stores its key and document whole; each later one stores the key's
/// distance from the previous key and, under the same key, the document's distance from the
/// previous document (a new key stores its document whole). Keys are hashes spread over all of
/// Int64, so a sorted run's gaps take five or six bytes and a posting about eight, against 18
/// for a row of a key-ordered table.
///
/// A block never splits one key's documents (it ends at a key boundary once it holds
/// ``targetBytes``), so a lookup reads the one block whose last key is the first at or past the
/// key sought.
struct PostingBlock {
    /// Under a 4 KiB page's largest in-page payload, so a block is one page and deleting a
    /// merged run frees pages without reading overflow chains.
    static let targetBytes = 3_000

    /// Cuts sorted, distinct postings into blocks as they come: `emit` receives each finished
    /// block with its last key.
    struct Writer {
        private(set) var bytes: [UInt8] = []
        private var previous: Posting?
        private let emit: (_ lastKey: Int64, _ bytes: [UInt8]) throws -> Void

        init(emit: @escaping (_ lastKey: Int64, _ bytes: [UInt8]) throws -> Void) {
            self.emit = emit
            bytes.reserveCapacity(PostingBlock.targetBytes + 64)
        }

        mutating func append(_ posting: Posting) throws {
            if let last = previous {
                if posting.key != last.key, bytes.count >= PostingBlock.targetBytes {
                    try emit(last.key, bytes)
                    bytes.removeAll(keepingCapacity: true)
                    previous = nil
                }
            }
            if let last = previous {
                let gap = UInt64(bitPattern: posting.key &- last.key)
                PostingBlock.appendVarint(gap, to: &bytes)
                PostingBlock.appendVarint(gap == 0 ? UInt64(posting.document - last.document) : UInt64(bitPattern: posting.document), to: &bytes)
            } else {
                PostingBlock.appendVarint(UInt64(bitPattern: posting.key), to: &bytes)
                PostingBlock.appendVarint(UInt64(bitPattern: posting.document), to: &bytes)
            }
            previous = posting
        }

        /// Emits the last, partly filled block.
        mutating func finish() throws {
            if let last = previous { try emit(last.key, bytes) }
            bytes.removeAll()
            previous = nil
        }
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Calls `body` with every posting of a block, in order. False when the bytes are not a
    /// block (a truncated varint).
    @discardableResult
    static func forEach(in block: UnsafeRawBufferPointer, _ body: (Posting) -> Bool) -> Bool {
        var offset = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < block.count, shift < 64 {
                let byte = block[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        var previous: Posting?
        while offset < block.count {
            guard let first = varint(), let second = varint() else { return false }
            let posting: Posting
            if let last = previous {
                if first == 0 {
                    posting = Posting(key: last.key, document: last.document &+ Int64(bitPattern: second))
                } else {
                    posting = Posting(key: last.key &+ Int64(bitPattern: first), document: Int64(bitPattern: second))
                }
            } else {
                posting = Posting(key: Int64(bitPattern: first), document: Int64(bitPattern: second))
            }
            if !body(posting) { return true }
            previous = posting
        }
        return true
    }

    /// Every posting of a block.
    static func postings(in block: [UInt8]) -> [Posting]? {
        var found: [Posting] = []
        found.reserveCapacity(block.count / 4)
        let whole = block.withUnsafeBytes { forEach(in: $0) { found.append($0); return true } }
        return whole ? found : nil
    }

    /// The documents a block holds under `key`, in order (keys are sorted: the scan stops past it).
    static func documents(of key: Int64, in block: UnsafeRawBufferPointer, into documents: inout [Int64]) {
        forEach(in: block) { posting in
            if posting.key == key { documents.append(posting.document) }
            return posting.key <= key
        }
    }
}
