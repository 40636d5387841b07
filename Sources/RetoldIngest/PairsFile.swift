import Foundation
import RetoldCore

/// One line of a `--pairs` JSONL file: `{"id": ..., "a": "...", "b": "..."}`, or with
/// `a_path` / `b_path` naming files (relative to the current directory).
public struct PairRecord: Sendable, Equatable {
    public var id: String?
    public var a: TextInput
    public var b: TextInput
}

/// Why a pairs line could not be compared. The batch goes on; the caller reports these.
public struct PairLineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var id: String?
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

public enum PairsFile {
    /// Reads lines one at a time, so a file of any length runs in constant memory.
    /// Blank lines are skipped. `body` gets each record or the error for its line.
    public static func forEachRecord(
        path: String, maxLineBytes: Int = TextInput.defaultMaxBytes * 2,
        _ body: (Int, Result<PairRecord, PairLineError>) throws -> Void
    ) throws {
        try LineReader.forEachLine(path: path, maxLineBytes: maxLineBytes) { number, line in
            switch line {
            case .success(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                try body(number, parse(bytes, line: number))
            case .failure(let error):
                try body(number, .failure(PairLineError(line: number, id: nil, message: error.message)))
            }
        }
    }

    static func parse(_ bytes: [UInt8], line: Int) -> Result<PairRecord, PairLineError> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(PairLineError(line: line, id: nil, message: "not a JSON object"))
        }
        let id: String?
        switch object["id"] {
        case let string as String: id = string
        case let number as NSNumber: id = number.stringValue
        case nil, is NSNull: id = nil
        default: return .failure(PairLineError(line: line, id: nil, message: "\"id\" must be a string or a number"))
        }
        func side(_ key: String) -> Result<TextInput, PairLineError> {
            let label = id.map { "\($0).\(key)" } ?? "line \(line) \(key)"
            if let text = object[key] as? String {
                return Result { try TextInput.decode(Array(text.utf8), name: label) }
                    .mapError { PairLineError(line: line, id: id, message: ($0 as? InputError)?.description ?? "\($0)") }
            }
            if let path = object["\(key)_path"] as? String {
                return Result { try TextInput.read(path: path) }
                    .mapError { PairLineError(line: line, id: id, message: ($0 as? InputError)?.description ?? "\($0)") }
            }
            return .failure(PairLineError(line: line, id: id, message: "needs \"\(key)\" (text) or \"\(key)_path\" (a file)"))
        }
        switch (side("a"), side("b")) {
        case (.success(let a), .success(let b)): return .success(PairRecord(id: id, a: a, b: b))
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        }
    }
}
