import Foundation
import RetoldIngest

extension DocumentFilter {
    /// A date or time a filter value could not be read as; its message names the field.
    public struct InvalidDate: Error, CustomStringConvertible, Equatable {
        public var field: String
        public var value: String
        public var description: String {
            "\(field) \(value): not an ISO 8601 date or time (e.g. 2024-03-01 or 2024-03-01T12:00:00Z)"
        }
    }

    /// The filter of `search` and `clusters` from the values a user typed, read the same way by
    /// the CLI and the API. `from` and `until` are ISO 8601 dates or times; a bare date in
    /// `until` means the whole of that day (its last instant), in `from` its first.
    public static func parse(from: String?, until: String?, outlets: [String] = [], excludedOutlets: [String] = [],
                             fieldNames: (from: String, until: String) = ("from", "until")) throws(InvalidDate) -> DocumentFilter {
        func instant(_ text: String?, field: String) throws(InvalidDate) -> Date? {
            guard let text else { return nil }
            guard let date = ISO8601.parse(text) else { throw InvalidDate(field: field, value: text) }
            return date
        }
        var end = try instant(until, field: fieldNames.until)?.timeIntervalSince1970
        if let text = until, isBareDate(text), let start = end { end = start + 86_400 - 0.001 }
        return DocumentFilter(publishedFrom: try instant(from, field: fieldNames.from)?.timeIntervalSince1970, publishedUntil: end,
                              outlets: Set(outlets), excludedOutlets: Set(excludedOutlets))
    }

    /// "2024-03-01" with nothing after it (spaces aside): a day, not an instant.
    static func isBareDate(_ text: String) -> Bool {
        let trimmed = text.utf8.filter { $0 != 0x20 }
        return trimmed.count == 10 && trimmed[4] == UInt8(ascii: "-") && trimmed[7] == UInt8(ascii: "-")
    }
}
