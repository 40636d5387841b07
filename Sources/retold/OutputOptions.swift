import ArgumentParser
import Foundation
import RetoldReport

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// What `retold compare` can write: text, json, or html, one comparison as a page to share or
/// print. Only compare has two texts to show side by side, so html is a value of its own type:
/// it stays out of the other commands' help, and their parsers refuse it as a usage error.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Output flags of the commands that print a text or JSON report (compare, which can also write
/// html, takes its own format and the terminal options).
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: text (a readable report) or json (the documented schema).")
    var format: OutputFormat = .text

    @OptionGroup var terminal: TerminalOptions

    var style: TerminalStyle { terminal.style }
}

/// How the text report looks: colour and width.
struct TerminalOptions: ParsableArguments {
    @Option(help: "Colour: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Option(help: "Wrap the text report to this many columns (default: the terminal's width, or 100).")
    var width: Int?

    var style: TerminalStyle {
        let environment = ProcessInfo.processInfo.environment
        let useColor: Bool
        switch color {
        case .always: useColor = true
        case .never: useColor = false
        case .auto:
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            useColor = isatty(STDOUT_FILENO) == 1 && !noColor && environment["TERM"] != "dumb"
        }
        return TerminalStyle(color: useColor, width: width ?? Self.terminalWidth(environment))
    }

    static func terminalWidth(_ environment: [String: String]) -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 100
    }
}

/// Writes to standard output without buffering surprises between stdout and stderr.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
