import Foundation
import RetoldTestSupport
import Testing

/// The validator the output tests rely on: each keyword must catch what it forbids, or a
/// passing output test would mean nothing.
@Suite("JSON Schema validator")
struct JSONSchemaValidatorTests {
    let schema = try! JSONSchemaValidator(schema: JSONValue.parse(#"""
    {
      "type": "object",
      "required": ["count", "share", "kind"],
      "additionalProperties": false,
      "properties": {
        "count": { "type": "integer", "minimum": 0 },
        "share": { "type": "number", "minimum": 0, "maximum": 1 },
        "kind": { "enum": ["verbatim", "edited"] },
        "version": { "const": 3 },
        "label": { "type": ["string", "null"], "maxLength": 5 },
        "spans": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/span" } },
        "either": { "oneOf": [{ "type": "string" }, { "type": "integer", "exclusiveMinimum": 2 }] }
      },
      "$defs": {
        "span": { "type": "object", "required": ["start"], "properties": { "start": { "type": "integer" } } }
      }
    }
    """#))

    func messages(_ json: String) throws -> [String] {
        try schema.violations(of: JSONValue.parse(json)).map(\.description)
    }

    @Test func aConformingValuePasses() throws {
        #expect(try messages(#"{"count": 2, "share": 0.5, "kind": "edited", "version": 3, "label": null, "spans": [{"start": 0}], "either": "x"}"#) == [])
        // 2.0 is an integer in JSON Schema: the fraction, not the spelling, decides.
        #expect(try messages(#"{"count": 2.0, "share": 1, "kind": "verbatim"}"#) == [])
    }

    @Test func eachKeywordCatchesItsViolation() throws {
        #expect(try messages(#"{"count": 1.5, "share": 0.5, "kind": "edited"}"#) == ["$.count: number 1.5 is not integer"])
        #expect(try messages(#"{"count": -1, "share": 0.5, "kind": "edited"}"#) == ["$.count: -1 is below the minimum 0"])
        #expect(try messages(#"{"count": 1, "share": 1.25, "kind": "edited"}"#) == ["$.share: 1.25 is above the maximum 1"])
        #expect(try messages(#"{"count": 1, "share": true, "kind": "edited"}"#) == ["$.share: boolean is not number"])
        #expect(try messages(#"{"count": 1, "share": 0, "kind": "copied"}"#) == [#"$.kind: "copied" is not one of ["verbatim", "edited"]"#])
        #expect(try messages(#"{"count": 1, "share": 0, "kind": "edited", "version": 2}"#) == ["$.version: 2 is not 3"])
        #expect(try messages(#"{"count": 1, "share": 0, "kind": "edited", "label": "toolong"}"#) == ["$.label: string longer than 5"])
        #expect(try messages(#"{"count": 1, "share": 0, "kind": "edited", "spans": []}"#) == ["$.spans: fewer than 1 items"])
        #expect(try messages(#"{"count": 1, "share": 0, "kind": "edited", "spans": [{"start": "0"}]}"#) == ["$.spans[0].start: string is not integer"])
        #expect(try messages(#"{"count": 1, "share": 0, "kind": "edited", "either": 2}"#) == ["$.either: matches 0 of the oneOf schemas, not exactly one"])
        #expect(try messages(#"{"share": 0, "kind": "edited", "extra": 1}"#) == ["$: missing required key 'count'", "$: key 'extra' is not in the schema"])
    }

    @Test func aSchemaWithAKeywordItCannotHonourIsRefused() throws {
        #expect(throws: JSONSchemaValidator.UnsupportedKeyword.self) {
            try JSONSchemaValidator(schema: JSONValue.parse(#"{"type": "object", "properties": {"a": {"type": "string", "pattern": "^x"}}}"#))
        }
    }

    @Test("every schema file in the repository uses only keywords the validator implements")
    func everySchemaFileLoads() throws {
        let folder = Repository.root.appendingPathComponent("schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("retold.") }.sorted()
        #expect(files.count >= 10)
        for file in files { _ = try Repository.schema(file) }
        let openAPI = try JSONSchemaValidator(openAPIDocument: JSONValue.parse(contentsOf: folder.appendingPathComponent("openapi.json")))
        #expect(try openAPI.violations(of: JSONValue.parse(#"{"error": {"message": "no"}}"#), against: "#/components/schemas/Error") == [])
        #expect(try openAPI.violations(of: JSONValue.parse(#"{"error": {}}"#), against: "#/components/schemas/Error").map(\.description)
                == ["$.error: missing required key 'message'"])
    }
}
