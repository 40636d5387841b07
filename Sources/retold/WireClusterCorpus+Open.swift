import ArgumentParser
import RetoldEvaluation

extension WireClusterCorpus {
    /// The labelled clusters in `directory`, or a failure saying why they cannot be read.
    static func open(_ directory: String) throws -> WireClusterCorpus {
        do {
            return try WireClusterCorpus(directory: directory)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
