import Foundation

/// Where CPU-bound work over stored documents runs (alignment of search candidates, fingerprints
/// of a batch): GCD's worker threads, each `map` at most one per core, never Swift's cooperative
/// pool or an event loop, which stay free to answer other requests and to drive the store's I/O
/// while a long comparison runs.
public enum ComputePool {
    private static let queue = DispatchQueue(label: "retold.compute", attributes: .concurrent)

    /// Runs `work` on the pool and resumes the caller with its result.
    public static func run<R: Sendable>(_ work: @escaping @Sendable () -> R) async -> R {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }

    /// Runs throwing `work` on the pool.
    public static func run<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// `map` over an array on all cores, results in input order.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async -> [R] {
        await run { ConcurrentMap.map(items, transform) }
    }

    /// Like `map`, in contiguous chunks, for cheap transforms.
    public static func mapChunked<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) async -> [R] {
        await run { ConcurrentMap.mapChunked(items, transform) }
    }
}
