/// Lines and counted blocks from a `ByteSource`, through one reusable buffer: what JSONL and
/// WARC readers need, with memory bounded by the largest line or block they accept.
public struct BufferedReader<Source: ByteSource> {
    public private(set) var source: Source
    var buffer: [UInt8]
    var start = 0
    var end = 0
    var exhausted = false
    /// A read error met while reading ahead, held until the bytes before it are used up (a
    /// corrupt gzip member must not cost the records that came before it).
    var pendingError: (any Error)?
    /// Bytes handed out or skipped so far.
    public private(set) var offset = 0

    public init(_ source: Source, bufferSize: Int = 1 << 16) {
        self.source = source
        buffer = [UInt8](repeating: 0, count: bufferSize)
    }

    /// Reads more into the buffer; false at the end of the source.
    mutating func fill() throws -> Bool {
        if let error = pendingError { pendingError = nil; exhausted = true; throw error }
        if exhausted { return false }
        if start > 0 {
            if start < end { buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: end - start) } }
            end -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        let from = end
        let count: Int
        do {
            count = try buffer.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[from...]))
            }
        } catch {
            if start == end { throw error }
            pendingError = error
            return false
        }
        if count == 0 { exhausted = true; return false }
        end += count
        return true
    }

    /// The next line without its "\n" (and "\r"), nil at the end. A line longer than
    /// `maxBytes` is consumed and returned as `.tooLong`.
    public enum Line { case line([UInt8]), tooLong(Int) }

    public mutating func readLine(maxBytes: Int) throws -> Line? {
        var skipped = 0
        // Bytes after `start` already searched for a newline (`fill` may move `start` to 0).
        var scanned = 0
        while true {
            if let newline = buffer[(start + scanned)..<end].firstIndex(of: 0x0A) {
                let length = newline - start
                defer { offset += newline + 1 - start; start = newline + 1 }
                if skipped > 0 || length > maxBytes { return .tooLong(skipped + length) }
                var stop = newline
                if stop > start && buffer[stop - 1] == 0x0D { stop -= 1 }
                return .line(Array(buffer[start..<stop]))
            }
            scanned = end - start
            if scanned > maxBytes {
                // Too long already: drop what is buffered and keep looking for the newline.
                skipped += scanned
                offset += scanned
                start = end
                scanned = 0
            }
            if try !fill() {
                if start == end { return skipped > 0 ? .tooLong(skipped) : nil }
                let length = end - start
                defer { offset += length; start = end }
                if skipped > 0 || length > maxBytes { return .tooLong(skipped + length) }
                return .line(Array(buffer[start..<end]))
            }
        }
    }

    /// Exactly `count` bytes, or fewer at the end of the source.
    public mutating func read(count: Int) throws -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(min(count, 1 << 24))
        while result.count < count {
            if start == end, try !fill() { break }
            let take = min(count - result.count, end - start)
            result.append(contentsOf: buffer[start..<(start + take)])
            start += take
            offset += take
        }
        return result
    }

    /// Skips `count` bytes without keeping them; returns how many were skipped.
    @discardableResult
    public mutating func skip(count: Int) throws -> Int {
        var skipped = 0
        while skipped < count {
            if start == end, try !fill() { break }
            let take = min(count - skipped, end - start)
            start += take
            skipped += take
            offset += take
        }
        return skipped
    }

    /// The next bytes without consuming them (fewer at the end of the source).
    public mutating func peek(count: Int) throws -> [UInt8] {
        while end - start < count, try fill() {}
        return Array(buffer[start..<min(end, start + count)])
    }
}
