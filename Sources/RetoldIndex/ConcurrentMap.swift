import Foundation

/// `map` over an array on all cores, results in input order.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        // Deinitialize before deallocating: the results are copied out below, and without it
        // every result object (every document of an index build) would stay allocated forever.
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            output[i] = transform(items[i])
        }
        return results.map { $0! }
    }

    /// Like `map`, in contiguous chunks (one per core and then some), for cheap transforms.
    static func mapChunked<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunks = min(items.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        guard chunks > 1 else { return items.map(transform) }
        let size = (items.count + chunks - 1) / chunks
        let ranges = stride(from: 0, to: items.count, by: size).map { $0..<min($0 + size, items.count) }
        return map(ranges) { range in items[range].map(transform) }.flatMap { $0 }
    }
}
