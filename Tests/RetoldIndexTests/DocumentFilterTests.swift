import Foundation
import Testing
import RetoldCore
@testable import RetoldIndex

/// The one reading of `--from` / `--until` (CLI) and `from` / `until` (API).
@Suite struct DocumentFilterTests {
    static let march1 = 1_709_251_200.0  // 2024-03-01T00:00:00Z

    @Test func aBareUntilDateIsTheWholeDayAndABareFromDateItsStart() throws {
        let filter = try DocumentFilter.parse(from: "2024-03-01", until: "2024-03-01")
        #expect(filter.publishedFrom == Self.march1)
        #expect(filter.publishedUntil == Self.march1 + 86_400 - 0.001)
        func document(_ at: Double) -> StoredDocument {
            StoredDocument(id: 1, sourceID: "d", origin: "d", url: nil, outlet: nil, title: nil, published: nil, publishedAt: at, words: 1, contentHash: ContentHash(high: 0, low: 0))
        }
        #expect(filter.admits(document(Self.march1 + 86_399.5)))
        #expect(!filter.admits(document(Self.march1 + 86_400)))
        #expect(!filter.admits(document(Self.march1 - 1)))
    }

    @Test func aTimeIsAnInstant() throws {
        let filter = try DocumentFilter.parse(from: nil, until: "2024-03-01T12:00:00Z")
        #expect(filter.publishedFrom == nil)
        #expect(filter.publishedUntil == Self.march1 + 43_200)
    }

    @Test func outletsAndNoDates() throws {
        let filter = try DocumentFilter.parse(from: nil, until: nil, outlets: ["AP", "AP"], excludedOutlets: ["X"])
        #expect(filter == DocumentFilter(outlets: ["AP"], excludedOutlets: ["X"]))
    }

    @Test func aBadDateNamesItsField() {
        #expect(throws: DocumentFilter.InvalidDate(field: "--until", value: "yesterday")) {
            try DocumentFilter.parse(from: "2024-03-01", until: "yesterday", fieldNames: ("--from", "--until"))
        }
        let error = DocumentFilter.InvalidDate(field: "from", value: "2024-13-01")
        #expect(error.description == "from 2024-13-01: not an ISO 8601 date or time (e.g. 2024-03-01 or 2024-03-01T12:00:00Z)")
    }
}
