/// How terminal output may look: colour or plain marks, and the width to wrap to.
public struct TerminalStyle: Sendable, Equatable {
    public var color: Bool
    public var width: Int

    public init(color: Bool, width: Int) {
        self.color = color
        self.width = max(40, width)
    }

    /// Side-by-side passages need room for two readable columns.
    public var sideBySide: Bool { width >= 100 }

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }

    /// A word of A that B dropped or replaced, and a word of B that A does not have.
    func removed(_ word: String) -> String { color ? paint(word, "31") : "[-\(word)-]" }
    func added(_ word: String) -> String { color ? paint(word, "32") : "{+\(word)+}" }
}
