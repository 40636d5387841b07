import Foundation

/// A one-line progress display on standard error, redrawn at most ten times a second, and only
/// when standard error is a terminal (scripts and logs get the summary line alone).
final class ProgressBar {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    var elapsed: TimeInterval { Date().timeIntervalSince(start) }

    /// `fraction` in 0...1 when the total is known; `items` and `bytes` so far.
    func update(items: Int, noun: String, bytes: Int? = nil, fraction: Double?, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let seconds = max(0.001, now.timeIntervalSince(start))
        var parts = ["\(Self.grouped(items)) \(noun)"]
        if let bytes { parts.append(String(format: "%.1f MB/s", Double(bytes) / seconds / 1_000_000)) }
        var bar = ""
        if let fraction {
            let f = min(1, max(0, fraction))
            let width = 24
            let filled = Int((f * Double(width)).rounded(.down))
            bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            parts.append(String(format: "%3.0f%%", f * 100))
            if f > 0.01 { parts.append("ETA " + Self.duration(seconds * (1 - f) / f)) }
        }
        let line = bar + parts.joined(separator: "  ")
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
        drawn = true
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// Turns SIGINT (Ctrl-C) and SIGTERM into a flag long jobs check between batches, so they stop
/// after a committed batch and still print their summary.
enum Interruption {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static func install() {
        signal(SIGINT) { _ in Interruption.flag = 1 }
        signal(SIGTERM) { _ in Interruption.flag = 1 }
    }

    static var requested: Bool { flag != 0 }
}
