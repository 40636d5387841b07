#if PostgreSQL
import Foundation
import RetoldTestSupport
import Testing
import RetoldEvaluation
import RetoldPostgres
import RetoldIndex

/// Many `retold index add` processes into one PostgreSQL database, as a fleet of ingest workers
/// would run: overlapping inputs, one worker killed in the middle and run again.
@Suite(.serialized) struct ConcurrentWritersTests {
    static let workers = 4

    /// 20,000 distinct articles; worker w's input is its quarter plus a tenth of each other
    /// quarter (30% more than its own share, all of it also in another worker's input).
    static func inputs(_ corpus: String, into folder: String) throws -> (inputs: [String], ids: Set<String>) {
        let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n")
        var inputs = [[Substring]](repeating: [], count: workers)
        var ids = Set<String>()
        for (number, line) in lines.enumerated() {
            for worker in 0..<workers where number % workers == worker || (number * 7 + worker * 13) % 10 == 0 {
                inputs[worker].append(line)
            }
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            ids.insert(object["id"] as! String)
        }
        let paths = try inputs.enumerated().map { worker, lines in
            let path = folder + "/worker\(worker).jsonl"
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        return (paths, ids)
    }

    @Test func fourWritersOneKilledAndRerunStoreExactlyTheDistinctDocuments() async throws {
        guard let server = ProcessInfo.processInfo.environment["RETOLD_TEST_POSTGRES"], !server.isEmpty else {
            Issue.record("RETOLD_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster")
            return
        }
        let folder = NSTemporaryDirectory() + "retold-writers-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = "retold_test_writers_\(UInt32.random(in: 0...UInt32.max))"
        let url = try await PostgresAdmin.createDatabase(named: name, server: server)
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            Task { try? await PostgresAdmin.dropDatabase(named: name, server: server) }
        }
        _ = try PlantedCorpus(.init(documents: 20_000, seed: 7)).write(to: folder)
        let (inputs, ids) = try Self.inputs(folder + "/corpus.jsonl", into: folder)
        #expect(ids.count == 20_000)
        let migrated = try RetoldProcess.run(["index", "migrate", "--db", url])
        #expect(migrated.status == 0, "\(migrated.stderr)")

        func start(_ worker: Int) throws -> Process {
            let process = Process()
            process.executableURL = try RetoldProcess.executable
            process.arguments = ["index", "add", "--batch-size", "250", inputs[worker]]
            process.environment = ProcessInfo.processInfo.environment.merging(["RETOLD_DB": url]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }

        let index = try await PostgresIndex.open(url: url)
        let processes = try (0..<Self.workers).map(start)
        // Kill worker 0 once a fifth of the corpus is in: it has committed batches by then, and
        // has more to go.
        while try await index.count() < 4_000 && processes[0].isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(processes[0].isRunning, "worker 0 was killed midway, not after it finished")
        kill(processes[0].processIdentifier, SIGKILL)
        for process in processes { process.waitUntilExit() }
        #expect(processes[0].terminationReason == .uncaughtSignal)
        for process in processes.dropFirst() {
            #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        }
        let beforeRerun = try await index.count()
        #expect(beforeRerun < 20_000, "worker 0's own documents are missing until it runs again")

        let rerun = try RetoldProcess.run(["index", "add", "--format", "json", inputs[0]], environment: ["RETOLD_DB": url])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(rerun.stdout.utf8)) as! [String: Any]
        #expect(summary["added"] as? Int == 20_000 - beforeRerun)

        // Exactly the distinct documents: every id once, nothing else, and no postings left by the
        // killed worker's batch in flight.
        #expect(try await index.count() == 20_000)
        let stats = try await index.stats()
        #expect(stats.documents == 20_000)
        #expect(stats.bandPostings == 20_000 * index.settings.bands)
        var stored: [String] = []
        var cursor: Int64 = 0
        while true {
            let page = try await index.documentIDs(after: cursor, limit: 5_000)
            guard let last = page.last else { break }
            stored += try await index.documents(page, withText: false).map(\.sourceID)
            cursor = last
        }
        #expect(stored.count == 20_000 && Set(stored) == ids)
    }
}
#endif
