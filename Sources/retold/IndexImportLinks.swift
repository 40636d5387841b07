import ArgumentParser
import Foundation
import RetoldCore
import RetoldIndex

extension Index {
    /// `retold index import-links`: links a batch job verified, into an index holding the same
    /// documents, so that `retold clusters` lists them without aligning every pair again.
    struct ImportLinks: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-links",
            abstract: "Store links computed without the index (a batch job's links.jsonl) and mark their documents linked.",
            discussion: """
            Each link names its two documents by content hash, so the index may hold them under other ids. \
            Both documents of every link, and every document of --documents (the batch's documents.jsonl: \
            the documents it checked, linked or not), are marked linked: `retold clusters` then lists the \
            imported links and searches only documents the batch did not see. A link or document the index \
            does not hold is reported and skipped (exit status 1).
            """
        )

        @Argument(help: "JSONL files of links, as the batch job writes them (its parts may be given one by one).")
        var links: [String]

        @Option(name: .customLong("documents"), help: ArgumentHelp("JSONL files of the documents the batch checked (repeat for several parts).", valueName: "file"))
        var documentFiles: [String] = []

        @OptionGroup var index: IndexOptions

        func validate() throws {
            guard !links.isEmpty else { throw ValidationError("give at least one links file") }
        }

        func run() async throws {
            let lines = try BatchLines.read(LinkLine.self, from: links)
            let documents = try BatchLines.read(DocumentLine.self, from: documentFiles)
            let store = try await index.openExisting()
            var ids: [String: Int64?] = [:]
            func id(_ hex: String) async throws -> Int64? {
                if let known = ids[hex] { return known }
                var found: Int64?
                if let hash = ContentHash(hex: hex) { found = try await store.document(contentHash: hash)?.id }
                ids[hex] = found
                return found
            }
            var stored: [StoredLink] = []
            var checked = Set<Int64>()
            var missing = 0
            for line in lines {
                let a = try await id(line.aContentHash), b = try await id(line.bContentHash)
                guard let a, let b else {
                    printError("link \(line.aSourceId) - \(line.bSourceId): the index does not hold \(a == nil ? line.aSourceId : line.bSourceId)")
                    missing += 1
                    continue
                }
                stored.append(StoredLink(pair: (a, b), relationship: line.relationship, coverages: (line.coverageA, line.coverageB),
                                         confidence: line.confidence, reuseProbability: line.reuseProbability))
                checked.formUnion([a, b])
            }
            for document in documents {
                guard let found = try await id(document.contentHash) else {
                    printError("document \(document.sourceId): the index does not hold it")
                    missing += 1
                    continue
                }
                checked.insert(found)
            }
            do {
                try await store.storeLinks(stored, checked: checked.sorted())
            } catch {
                throw CommandFailure(index.describe(error))
            }
            printError("\(stored.count) link\(stored.count == 1 ? "" : "s") imported, \(checked.count) document\(checked.count == 1 ? "" : "s") marked linked"
                       + (missing > 0 ? ", \(missing) skipped" : ""))
            if missing > 0 { throw ExitCode(1) }
        }
    }
}
