import ArgumentParser
import Foundation
import RetoldCore
import RetoldIngest
import RetoldReport
import RetoldIndex
import RetoldStores

/// `retold index`: build and look after the corpus index.
struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build and manage the corpus index (an SQLite file or a PostgreSQL database).",
        subcommands: [Add.self, Stats.self, Remove.self, Migrate.self, ImportLinks.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add documents to the index: files, folders, JSONL or WARC (gzipped or not), or - for standard input.",
            discussion: """
            Each document is fingerprinted (MinHash signature, LSH bands, anchor features) and stored with its \
            text and metadata. A text already in the index (same normalized content) is skipped. Documents are \
            committed in batches: an interrupted run keeps every committed batch, and running the same command \
            again adds only what is missing. Bad files, lines and records are reported at the end (exit status 1).
            """
        )

        @Argument(help: "Files, folders (read recursively) or - for standard input.")
        var inputs: [String]

        @OptionGroup var index: IndexOptions

        @Option(help: "Output format for the summary: text or json.")
        var format: OutputFormat = .text

        @Option(help: "Documents per transaction (default: from 4,096 to 16,384 as the index grows). A killed run loses at most the batch in flight.")
        var batchSize: Int?

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one file or folder to add") }
            guard (batchSize ?? 1) >= 1 else { throw ValidationError("--batch-size must be at least 1") }
        }

        func run() async throws {
            let store = try await index.open()
            let sizes = InputSizes(inputs)
            let bar = ProgressBar()
            Interruption.install()
            var writer = IndexWriter(index: store)
            writer.batchSize = batchSize
            let summary: IndexWriter.Summary
            do {
                summary = try await writer.add(inputs, shouldStop: { Interruption.requested }) { progress in
                    bar.update(items: progress.documents, noun: "documents", bytes: progress.textBytes,
                               fraction: sizes.fraction(progress))
                }
            } catch {
                bar.finish()
                throw CommandFailure(index.describe(error))
            }
            bar.finish()
            let seconds = bar.elapsed
            let report = IndexAddReport(summary, seconds: seconds, total: (try? await store.count()) ?? 0)
            switch format {
            case .json: emit(JSONOutput.encode(report, pretty: true) + "\n")
            case .text:
                for issue in summary.issues.prefix(50) { printError(issue.description) }
                if summary.issues.count > 50 { printError("... and \(summary.issues.count - 50) more problems") }
                printError(report.line)
            }
            if summary.interrupted { throw ExitCode(130) }
            if !summary.issues.isEmpty { throw ExitCode(1) }
        }
    }

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or update the index schema: on PostgreSQL, before the first use and after upgrading retold.",
            discussion: """
            Applies the schema migrations the index is missing, in order, in one transaction; on a new database it also \
            records the fingerprint settings and creates one band partition per LSH band. Several processes may run it \
            at once (they take turns). An SQLite file is brought up to date whenever it is opened; this creates or \
            updates one all the same.
            """
        )

        @OptionGroup var index: IndexOptions

        func run() async throws {
            let applied = try await IndexLocation.migrate(index.db)
            for migration in applied { emit("applied migration \(migration)\n") }
            emit("\(index.name): the index schema is up to date\n")
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show what the index holds.")

        @OptionGroup var index: IndexOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run() async throws {
            let stats = try await index.openExisting().stats()
            switch format {
            case .json: emit(JSONOutput.encode(stats, pretty: true) + "\n")
            case .text:
                let g = ProgressBar.grouped
                var lines = [
                    "index        \(index.name)",
                    "documents    \(g(stats.documents)) (\(g(stats.words)) words, \(Self.megabytes(stats.textBytes)) of text)",
                    "outlets      \(g(stats.outlets))",
                ]
                if let earliest = stats.earliestPublished, let latest = stats.latestPublished {
                    lines.append("published    \(earliest) to \(latest)")
                }
                lines += [
                    "postings     \(g(stats.bandPostings)) LSH band, \(g(stats.anchorPostings)) anchor, \(g(stats.passagePostings)) passage",
                    "links        \(g(stats.links)) verified reuse pairs (updated by `retold clusters`)",
                    "size         \(Self.megabytes(stats.databaseBytes)) on disk",
                    "fingerprint  MinHash \(stats.settings.minHashBins) values, LSH \(stats.settings.bands) bands × \(stats.settings.rows) rows, "
                        + "word \(stats.settings.shingleSize)-grams, winnowing windows \(stats.settings.anchorWindow) (anchors) "
                        + "and \(stats.settings.passageWindow) (passages)",
                ]
                emit(lines.joined(separator: "\n") + "\n")
            }
        }

        static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove documents (by index id) with their postings and links.")

        @Argument(help: "Index ids, as `retold search` and `retold clusters` show them (#12 or 12).")
        var ids: [String]

        @OptionGroup var index: IndexOptions

        func validate() throws {
            guard !ids.isEmpty else { throw ValidationError("give at least one id to remove") }
            _ = try parsedIDs()
        }

        /// The ids as numbers (`#12` or `12`); the first that is not one is a usage error.
        func parsedIDs() throws(ValidationError) -> [Int64] {
            try ids.map { (text: String) throws(ValidationError) -> Int64 in
                guard let id = Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) else {
                    throw ValidationError("\(text): not an index id (a number, as search results show it)")
                }
                return id
            }
        }

        func run() async throws {
            let store = try await index.openExisting()
            var missing = 0
            for id in try parsedIDs() {
                if try await store.remove(id) {
                    emit("removed #\(id)\n")
                } else {
                    printError("\(index.name): no document #\(id)")
                    missing += 1
                }
            }
            if missing > 0 { throw ExitCode(1) }
        }
    }
}

/// Input sizes on disk, to turn "which file are we in, and how far" into a fraction done.
final class InputSizes {
    private var sizes: [String: Int] = [:]
    /// Bytes of all files read before each file.
    private var before: [String: Int] = [:]
    let total: Int
    private var current: String?
    private var textAtFileStart = 0

    init(_ paths: [String]) {
        var sum = 0
        for file in DocumentReader.files(paths) {
            guard let size = Self.size(file) else { continue }
            sizes[file] = size
            before[file] = sum
            sum += size
        }
        total = sum
    }

    static func size(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    /// Within the current file, text read so far stands in for bytes read (capped at its size).
    func fraction(_ progress: IndexWriter.Progress) -> Double? {
        guard total > 0, let path = progress.currentPath, let size = sizes[path], let start = before[path] else { return nil }
        if path != current { current = path; textAtFileStart = progress.textBytes }
        let within = min(size, progress.textBytes - textAtFileStart)
        return Double(start + within) / Double(total)
    }
}
