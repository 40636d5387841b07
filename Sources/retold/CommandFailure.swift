import RetoldIndex
import RetoldIngest

/// A failure a command reports as one line on standard error before exiting with `status`.
/// Commands throw it (or let an input or index error through) instead of printing and exiting
/// themselves, so every failure is worded and numbered in one place: `Retold.main`.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    var status: Int32 = 1

    init(_ description: String, status: Int32 = 1) {
        self.description = description
        self.status = status
    }

    /// The failure for an error Retold's own layers raise, which already says which file,
    /// record or index it concerns; nil for argument-parser's own errors and exits.
    static func reported(_ error: any Error) -> CommandFailure? {
        switch error {
        case let failure as CommandFailure: failure
        case let error as InputError: CommandFailure(error.description)
        case let error as IngestIssue: CommandFailure(error.description)
        case let error as IndexError: CommandFailure(error.description)
        default: nil
        }
    }
}
