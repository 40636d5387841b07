import Foundation
import RetoldIngest
import RetoldIndex

/// A request body to the value it stands for, and the fields shared by several requests, each
/// refusal a ``RequestProblem`` naming the field. No HTTP here: the server maps problems to 400s,
/// and a fuzz target feeds arbitrary bytes through the same functions.
public enum RequestDecoding {
    /// The body decoded as `T`; an empty or malformed body, or a missing or mistyped field, is a
    /// problem that says which.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(RequestProblem) -> T {
        guard !data.isEmpty else { throw RequestProblem("the request needs a JSON body") }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw RequestProblem(describe(error))
        } catch {
            throw RequestProblem("the request body is not valid JSON")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.isEmpty ? "the body" : "\"" + context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") + "\""
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "the request body is not valid JSON"
        case .dataCorrupted(let context): return "\(path(context)) is not valid"
        case .keyNotFound(let key, _): return "\"\(key.stringValue)\" is missing"
        case .typeMismatch(let type, let context): return "\(path(context)) must be \(name(of: type))"
        case .valueNotFound(let type, let context): return "\(path(context)) must be \(name(of: type)), not null"
        @unknown default: return "the request body does not match the API"
        }
    }

    static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Double.Type: return "a number"
        case is [String].Type: return "an array of strings"
        default: return "an object"
        }
    }

    /// An ISO 8601 date or time as seconds since 1970; nil stays nil.
    public static func instant(_ value: String?, field: String) throws(RequestProblem) -> Double? {
        guard let value else { return nil }
        guard let date = ISO8601.parse(value) else { throw RequestProblem("\"\(field)\" is not an ISO 8601 date or time") }
        return date.timeIntervalSince1970
    }

    /// The filter as the CLI reads it (``DocumentFilter/parse``).
    public static func filter(from: String?, until: String?, outlets: [String], excludedOutlets: [String]) throws(RequestProblem) -> DocumentFilter {
        do {
            return try DocumentFilter.parse(from: from, until: until, outlets: outlets, excludedOutlets: excludedOutlets)
        } catch {
            throw RequestProblem("\"\(error.field)\" is not an ISO 8601 date or time")
        }
    }
}
