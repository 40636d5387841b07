import Foundation

/// Runs the built `retold` binary, as a user or a script would.
public enum RetoldProcess {
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The executable next to the test bundle (`swift build --build-tests` builds both).
    public static var executable: URL {
        get throws {
            let bundleDirectory = Bundle.main.bundleURL
            let candidates = [
                bundleDirectory.appendingPathComponent("retold"),
                bundleDirectory.deletingLastPathComponent().appendingPathComponent("retold"),
                Repository.root.appendingPathComponent(".build/debug/retold"),
            ]
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: candidates[0].path])
            }
            return found
        }
    }

    /// Runs `retold` with `arguments` in the repository root, feeding `stdin`, and waits for it.
    ///
    /// Standard input is written, and standard output and standard error are read, each on a
    /// thread of its own: a child that fills one pipe while the test is blocked on another
    /// would otherwise stall both forever.
    public static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        _ = ignoringBrokenPipes
        try process.run()

        let streams = DispatchGroup()
        let stdoutData = Drained(), stderrData = Drained()
        for (pipe, sink) in [(out, stdoutData), (err, stderrData)] {
            DispatchQueue.global().async(group: streams) { sink.data = pipe.fileHandleForReading.readDataToEndOfFile() }
        }
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async(group: streams) {
            // A child that exits without reading all of its input closes the pipe: ignore EPIPE.
            if let stdin { try? writer.write(contentsOf: Data(stdin.utf8)) }
            try? writer.close()
        }
        streams.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdoutData.data, as: UTF8.self),
                      stderr: String(decoding: stderrData.data, as: UTF8.self))
    }

    /// Writing to a child that has exited raises SIGPIPE, whose default action would end the test run.
    static let ignoringBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// A temporary file with the given bytes, removed by the caller.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String = ".txt") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("retold-test-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }

    /// The bytes one reader thread collected; read only after the group has finished.
    final class Drained: @unchecked Sendable {
        var data = Data()
    }
}
