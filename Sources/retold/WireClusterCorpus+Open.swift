import ArgumentParser
import RetoldEvaluation

extension WireClusterCorpus {
    /// The labelled clusters in `directory`, or the reason they cannot be read on standard
    /// error and exit status 1.
    static func open(_ directory: String) throws -> WireClusterCorpus {
        do {
            return try WireClusterCorpus(directory: directory)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
