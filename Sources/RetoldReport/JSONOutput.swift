import Foundation

/// One JSON encoding for every report: keys sorted, slashes unescaped, so output is stable
/// across runs and diffable.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own value types cannot fail; a failure here is a programming error.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}
