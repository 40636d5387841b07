/// What a file holds, decided from its first bytes (the extension only breaks ties).
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case text, html, jsonl, warc

    /// Sniffs decompressed leading bytes. `pathExtension` helps only where content is ambiguous.
    public static func sniff(_ head: [UInt8], pathExtension: String = "") -> InputFormat {
        var i = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < head.count, head[i] == 0x20 || head[i] == 0x0A || head[i] == 0x0D || head[i] == 0x09 { i += 1 }
        let rest = head[i...]
        if rest.starts(with: Array("WARC/".utf8)) { return .warc }
        if rest.first == 0x7B { return .jsonl }  // "{"
        let lower = String(decoding: rest.prefix(2048), as: UTF8.self).lowercased()
        if lower.hasPrefix("<") {
            for marker in ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div", "<article", "<!--"]
            where lower.contains(marker) {
                return .html
            }
        }
        switch pathExtension.lowercased() {
        case "html", "htm", "xhtml": return lower.contains("<") ? .html : .text
        default: return .text
        }
    }

    /// Extensions a folder walk reads; anything else in a folder is skipped unless sniffed.
    static let folderExtensions: Set<String> = ["txt", "text", "md", "html", "htm", "xhtml", "jsonl", "ndjson", "warc", "gz"]
}
