import Testing
@testable import RetoldCore

@Suite struct MinHashTests {
    @Test func placeholderCompiles() { #expect(MinHasher().bins == 128) }
}
