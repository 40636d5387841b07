import ArgumentParser
import Foundation

/// `retold`: where a news text came from and what changed on the way.
@main
struct Retold: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retold",
        abstract: "Find where a news text came from and what changed on the way.",
        version: RetoldVersion.string,
        subcommands: [Compare.self, Check.self, Extract.self, Index.self, Fingerprint.self, Search.self, Clusters.self, Serve.self, Model.self, Eval.self]
    )

    /// Exit codes: 0 success, 1 unreadable input, 2 usage error (argument-parser's default is 64),
    /// 3 findings at or above the --fail-on level.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            // A status whose reason the command has already printed (a batch's summary line).
            Foundation.exit(error.rawValue)
        } catch {
            if let failure = CommandFailure.reported(error) {
                printError(failure.description)
                Foundation.exit(failure.status)
            }
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

enum RetoldVersion {
    static let string = "0.1.0"
}

/// Writes one line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data(("retold: " + message + "\n").utf8))
}
