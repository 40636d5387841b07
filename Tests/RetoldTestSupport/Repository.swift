import Foundation

/// Paths inside the repository the tests run from: fixtures, schemas and the examples.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A schema file under `schemas/`, parsed.
    public static func schema(_ file: String) throws -> JSONSchemaValidator {
        try JSONSchemaValidator(contentsOf: root.appendingPathComponent("schemas/\(file)"))
    }

    /// One of the bundled example articles under `examples/`.
    public static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("examples/\(name)"), encoding: .utf8)
    }
}
