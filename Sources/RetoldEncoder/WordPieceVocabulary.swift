/// A WordPiece vocabulary (`vocab.txt`: one piece per line, its line number its id), looked up by
/// UTF-8 bytes without building a String per piece.
///
/// Two open-addressing tables: whole-word pieces, and continuation pieces (`##ing`) keyed without
/// their `##`, so a lookup of the rest of a word is a lookup of its bytes as they are.
public struct WordPieceVocabulary: Sendable {
    public let count: Int
    public let unknown: Int32, classification: Int32, separator: Int32, padding: Int32
    private let pieces: [UInt8]
    private let starts: [Int32]
    private let wholes: [Int32], continuations: [Int32]
    private let mask: Int

    /// Reads the lines of `vocab.txt`.
    public init(lines text: String) throws(EncoderError) {
        var pieces = [UInt8](), starts = [Int32]()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            starts.append(Int32(pieces.count))
            pieces.append(contentsOf: line.utf8.filter { $0 != 13 })
        }
        if starts.count > 1, starts.last == Int32(pieces.count) { starts.removeLast() }  // the final newline
        starts.append(Int32(pieces.count))
        let count = starts.count - 1
        guard count > 0, count < Int(Int32.max) else { throw .malformedVocabulary("it has no pieces") }
        var capacity = 1
        while capacity < count * 2 { capacity <<= 1 }
        var wholes = [Int32](repeating: -1, count: capacity), continuations = wholes
        let mask = capacity - 1
        pieces.withUnsafeBufferPointer { all in
            for id in 0..<count {
                let start = Int(starts[id]), end = Int(starts[id + 1])
                let isContinuation = end - start > 2 && all[start] == 35 && all[start + 1] == 35
                let keyStart = isContinuation ? start + 2 : start
                let key = UnsafeBufferPointer(rebasing: all[keyStart..<end])
                var slot = Self.hash(key) & mask
                // The first id of a repeated piece wins, as in the reference tokenizer's map.
                if isContinuation {
                    while continuations[slot] >= 0 {
                        if Self.equal(all, continuations[slot], starts, key, skip: 2) { break }
                        slot = (slot + 1) & mask
                    }
                    if continuations[slot] < 0 { continuations[slot] = Int32(id) }
                } else {
                    while wholes[slot] >= 0 {
                        if Self.equal(all, wholes[slot], starts, key, skip: 0) { break }
                        slot = (slot + 1) & mask
                    }
                    if wholes[slot] < 0 { wholes[slot] = Int32(id) }
                }
            }
        }
        self.count = count
        self.pieces = pieces
        self.starts = starts
        self.wholes = wholes
        self.continuations = continuations
        self.mask = mask
        func special(_ name: String) throws(EncoderError) -> Int32 {
            let id = name.utf8.withContiguousStorageIfAvailable { Self.lookup($0, in: wholes, pieces, starts, mask, skip: 0) } ?? nil
            guard let id else { throw .malformedVocabulary("it has no \(name) piece") }
            return id
        }
        unknown = try special("[UNK]")
        classification = try special("[CLS]")
        separator = try special("[SEP]")
        padding = try special("[PAD]")
    }

    /// The id of `piece`: a word's first piece, or (`continuation`) a later one written without `##`.
    @inline(__always)
    public func id(of piece: UnsafeBufferPointer<UInt8>, continuation: Bool) -> Int32? {
        continuation ? Self.lookup(piece, in: continuations, pieces, starts, mask, skip: 2)
                     : Self.lookup(piece, in: wholes, pieces, starts, mask, skip: 0)
    }

    /// The piece with `id`, as written in the vocabulary.
    public func piece(_ id: Int32) -> String {
        String(decoding: pieces[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
    }

    @inline(__always)
    private static func lookup(_ key: UnsafeBufferPointer<UInt8>, in table: [Int32], _ pieces: [UInt8], _ starts: [Int32],
                               _ mask: Int, skip: Int) -> Int32? {
        var slot = hash(key) & mask
        return pieces.withUnsafeBufferPointer { all in
            while true {
                let id = table[slot]
                if id < 0 { return nil }
                if equal(all, id, starts, key, skip: skip) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func equal(_ all: UnsafeBufferPointer<UInt8>, _ id: Int32, _ starts: [Int32], _ key: UnsafeBufferPointer<UInt8>,
                              skip: Int) -> Bool {
        let start = Int(starts[Int(id)]) + skip, end = Int(starts[Int(id) + 1])
        guard end - start == key.count else { return false }
        for index in 0..<key.count where all[start + index] != key[index] { return false }
        return true
    }

    /// FNV-1a: short keys, no allocation.
    @inline(__always)
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }
}
