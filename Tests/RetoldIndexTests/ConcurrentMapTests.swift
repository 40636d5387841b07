import Synchronization
import Testing
@testable import RetoldIndex

@Suite struct ConcurrentMapTests {
    /// Counts its own live instances.
    final class Tracked: Sendable {
        static let live = Atomic<Int>(0)
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.live.add(1, ordering: .relaxed)
        }
        deinit { Self.live.subtract(1, ordering: .relaxed) }
    }

    @Test func keepsInputOrder() {
        let items = Array(0..<1_000)
        #expect(ConcurrentMap.map(items) { $0 * 3 } == items.map { $0 * 3 })
        #expect(ConcurrentMap.mapChunked(items) { $0 + 1 } == items.map { $0 + 1 })
        #expect(ConcurrentMap.map([7]) { $0 } == [7])
        #expect(ConcurrentMap.map([Int]()) { $0 }.isEmpty)
    }

    /// Every result is freed once the caller drops it: an index build maps every document
    /// through here, so a result kept alive by the map itself grows memory without bound.
    @Test func releasesEveryResult() {
        let before = Tracked.live.load(ordering: .relaxed)
        do {
            let results = ConcurrentMap.map(Array(0..<500)) { Tracked($0) }
            #expect(results.map(\.value) == Array(0..<500))
            let chunked = ConcurrentMap.mapChunked(Array(0..<500)) { Tracked($0) }
            #expect(chunked.count == 500)
        }
        #expect(Tracked.live.load(ordering: .relaxed) == before)
    }
}
