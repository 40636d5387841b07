import Foundation

/// Validates JSON values against a JSON Schema (draft 2020-12) document.
///
/// It implements every assertion keyword Retold's schema files use, and refuses a schema with
/// any other keyword, so a schema can never pass because a keyword was silently skipped:
/// `type` (one or several; `integer` is a number with no fractional part), `enum`, `const`,
/// `properties`, `required`, `additionalProperties` (boolean or schema), `items`,
/// `minItems`/`maxItems`, `minimum`/`maximum`, `exclusiveMinimum`/`exclusiveMaximum`,
/// `minLength`/`maxLength`, `oneOf`, `anyOf`, `allOf`, `not`, and `$ref` to a JSON Pointer in
/// the same document (`#/$defs/...`, or `#/components/schemas/...` in an OpenAPI document).
public struct JSONSchemaValidator: Sendable {
    /// One way the value fails the schema, at a JSON path such as `$.passages[0].start`.
    public struct Violation: Error, CustomStringConvertible, Equatable {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// A keyword this validator does not implement, found in the schema.
    public struct UnsupportedKeyword: Error, CustomStringConvertible {
        public var keyword: String
        public var location: String
        public var description: String { "schema keyword '\(keyword)' at \(location) is not implemented by the validator" }
    }

    /// Keywords that annotate and never constrain.
    static let annotations: Set<String> = [
        "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated",
        "readOnly", "writeOnly", "format",
    ]
    static let assertions: Set<String> = [
        "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
        "oneOf", "anyOf", "allOf", "not", "$ref",
    ]

    public let root: JSONValue

    /// A validator for a schema document; `schema` is checked for keywords it cannot honour.
    public init(schema: JSONValue) throws {
        root = schema
        try Self.checkKeywords(schema, location: "#")
    }

    public init(contentsOf url: URL) throws {
        try self.init(schema: try JSONValue.parse(contentsOf: url))
    }

    /// A validator for the schemas of an OpenAPI 3.1 document, addressed as
    /// `#/components/schemas/NAME`; the document around them is not itself a schema.
    public init(openAPIDocument document: JSONValue) throws {
        root = document
        for (name, schema) in document["components"]?["schemas"]?.object ?? [:] {
            try Self.checkKeywords(schema, location: "#/components/schemas/\(name)")
        }
    }

    /// Every violation of the schema at `pointer` (default: the document itself); empty when the value conforms.
    public func violations(of value: JSONValue, against pointer: String = "#") throws -> [Violation] {
        var found: [Violation] = []
        try check(value, try resolve(pointer), path: "$", into: &found)
        return found
    }

    /// Throws the first violation, for tests that only need to know that the value conforms.
    public func validate(_ value: JSONValue, against pointer: String = "#") throws {
        if let first = try violations(of: value, against: pointer).first { throw first }
    }

    func resolve(_ pointer: String) throws -> JSONValue {
        guard pointer.hasPrefix("#") else { throw Violation(path: pointer, message: "only references inside the document are supported") }
        var node = root
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else { throw Violation(path: pointer, message: "reference does not resolve") }
            node = next
        }
        return node
    }

    func check(_ value: JSONValue, _ schema: JSONValue, path: String, into found: inout [Violation]) throws {
        if case .bool(let allowed) = schema {
            if !allowed { found.append(Violation(path: path, message: "no value is allowed here")) }
            return
        }
        guard let keywords = schema.object else { throw Violation(path: path, message: "schema is not an object") }
        func fail(_ message: String) { found.append(Violation(path: path, message: message)) }

        if let reference = keywords["$ref"]?.string { try check(value, try resolve(reference), path: path, into: &found) }
        if let type = keywords["type"] {
            let allowed = type.array?.compactMap(\.string) ?? [type.string].compactMap { $0 }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                fail("\(Self.typeName(value)) is not \(allowed.joined(separator: " or "))")
            }
        }
        if let options = keywords["enum"]?.array, !options.contains(value) { fail("\(value) is not one of \(options)") }
        if let constant = keywords["const"], constant != value { fail("\(value) is not \(constant)") }

        if case .number(let number) = value {
            if let bound = keywords["minimum"]?.number, number < bound { fail("\(value) is below the minimum \(JSONValue.number(bound))") }
            if let bound = keywords["maximum"]?.number, number > bound { fail("\(value) is above the maximum \(JSONValue.number(bound))") }
            if let bound = keywords["exclusiveMinimum"]?.number, number <= bound { fail("\(value) is not above \(JSONValue.number(bound))") }
            if let bound = keywords["exclusiveMaximum"]?.number, number >= bound { fail("\(value) is not below \(JSONValue.number(bound))") }
        }
        if case .string(let string) = value {
            let length = string.unicodeScalars.count
            if let bound = keywords["minLength"]?.number, Double(length) < bound { fail("string shorter than \(Int(bound))") }
            if let bound = keywords["maxLength"]?.number, Double(length) > bound { fail("string longer than \(Int(bound))") }
        }
        if case .array(let items) = value {
            if let bound = keywords["minItems"]?.number, Double(items.count) < bound { fail("fewer than \(Int(bound)) items") }
            if let bound = keywords["maxItems"]?.number, Double(items.count) > bound { fail("more than \(Int(bound)) items") }
            if let itemSchema = keywords["items"] {
                for (index, item) in items.enumerated() { try check(item, itemSchema, path: "\(path)[\(index)]", into: &found) }
            }
        }
        if case .object(let members) = value {
            let properties = keywords["properties"]?.object ?? [:]
            for key in keywords["required"]?.array?.compactMap(\.string) ?? [] where members[key] == nil {
                fail("missing required key '\(key)'")
            }
            for key in members.keys.sorted() {
                let member = members[key]!
                if let property = properties[key] {
                    try check(member, property, path: "\(path).\(key)", into: &found)
                } else if let additional = keywords["additionalProperties"] {
                    if case .bool(false) = additional {
                        fail("key '\(key)' is not in the schema")
                    } else {
                        try check(member, additional, path: "\(path).\(key)", into: &found)
                    }
                }
            }
        }

        if let all = keywords["allOf"]?.array {
            for branch in all { try check(value, branch, path: path, into: &found) }
        }
        if let any = keywords["anyOf"]?.array, try !any.contains(where: { try conforms(value, $0, path: path) }) {
            fail("matches none of the anyOf schemas")
        }
        if let one = keywords["oneOf"]?.array {
            let matching = try one.filter { try conforms(value, $0, path: path) }.count
            if matching != 1 { fail("matches \(matching) of the oneOf schemas, not exactly one") }
        }
        if let negated = keywords["not"], try conforms(value, negated, path: path) { fail("matches the schema under 'not'") }
    }

    func conforms(_ value: JSONValue, _ schema: JSONValue, path: String) throws -> Bool {
        var found: [Violation] = []
        try check(value, schema, path: path, into: &found)
        return found.isEmpty
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            true
        case ("integer", .number(let number)):
            number.rounded() == number
        default:
            false
        }
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.rounded() == number ? "integer \(value)" : "number \(value)"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Walks the schema's subschemas and refuses keywords that are neither an annotation nor implemented.
    static func checkKeywords(_ schema: JSONValue, location: String) throws {
        guard let keywords = schema.object else { return }
        for (keyword, argument) in keywords {
            guard annotations.contains(keyword) || assertions.contains(keyword) else {
                throw UnsupportedKeyword(keyword: keyword, location: location)
            }
            switch keyword {
            case "properties", "$defs":
                for (name, subschema) in argument.object ?? [:] { try checkKeywords(subschema, location: "\(location)/\(keyword)/\(name)") }
            case "items", "additionalProperties", "not":
                try checkKeywords(argument, location: "\(location)/\(keyword)")
            case "oneOf", "anyOf", "allOf":
                for (index, subschema) in (argument.array ?? []).enumerated() { try checkKeywords(subschema, location: "\(location)/\(keyword)/\(index)") }
            default:
                break
            }
        }
    }
}
