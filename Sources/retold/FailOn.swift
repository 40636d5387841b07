import ArgumentParser
import RetoldCore
import RetoldReport

extension Finding.Severity: ExpressibleByArgument {}

/// `--fail-on LEVEL`: exit 3 when findings at or above LEVEL exist, for scripts and CI gates.
struct FailOnOption: ParsableArguments {
    @Option(name: .customLong("fail-on"), help: "Exit with status 3 when findings at or above this severity exist (low, medium, high).")
    var level: Finding.Severity?

    func exitIfNeeded(_ counts: FindingCounts) throws {
        if let level, counts.any(atLeast: level) { throw ExitCode(3) }
    }
}
