import Foundation
import Testing

/// Checks a JSON value against the repository's JSON Schema files: required and allowed keys,
/// enums, consts and types, following `$ref`s. Enough to keep documentation and output in step.
enum SchemaCheck {
    struct Mismatch: Error, CustomStringConvertible { var description: String }

    static func conforms(_ value: Any, to file: String) throws {
        let url = RetoldProcess.repositoryRoot.appendingPathComponent("schemas/\(file)")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        try check(value, schema, root: schema, path: "$")
    }

    static func check(_ value: Any, _ schema: [String: Any], root: [String: Any], path: String) throws {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.dropFirst("#/$defs/".count))
            let definitions = root["$defs"] as! [String: Any]
            return try check(value, definitions[name] as! [String: Any], root: root, path: path)
        }
        if let constant = schema["const"] {
            guard "\(constant)" == "\(value)" else { throw Mismatch(description: "\(path): \(value) is not \(constant)") }
        }
        if let options = schema["enum"] as? [String] {
            guard let string = value as? String, options.contains(string) else { throw Mismatch(description: "\(path): \(value) not in \(options)") }
        }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { throw Mismatch(description: "\(path): not an object") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                throw Mismatch(description: "\(path): missing \(key)")
            }
            for (key, item) in object {
                guard let property = (properties[key] ?? schema["additionalProperties"]) as? [String: Any] else {
                    throw Mismatch(description: "\(path): undocumented key \(key)")
                }
                try check(item, property, root: root, path: "\(path).\(key)")
            }
        case "array":
            guard let array = value as? [Any] else { throw Mismatch(description: "\(path): not an array") }
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { try check(item, items, root: root, path: "\(path)[\(index)]") }
            }
        case "string":
            guard value is String else { throw Mismatch(description: "\(path): not a string") }
        case "integer", "number":
            guard value is Int || value is Double || value is NSNumber else {
                throw Mismatch(description: "\(path): not a number")
            }
        default:
            break
        }
    }
}
