#if PostgreSQL
import Foundation
import Testing
import RetoldPostgres
import RetoldIndex
import RetoldSQLite
import RetoldIngest
import RetoldEvaluation
@testable import RetoldServer

/// Two servers on one PostgreSQL database, as a deployment behind a load balancer runs them:
/// what one stores the other finds, and both answer exactly as a server on SQLite with the same
/// documents does.
@Suite struct SharedDatabaseTests {
    @Test func twoServersOnOneDatabaseAnswerAsSQLiteDoes() async throws {
        guard let server = ProcessInfo.processInfo.environment["RETOLD_TEST_POSTGRES"], !server.isEmpty else {
            Issue.record("RETOLD_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster")
            return
        }
        let name = "retold_test_servers_\(UInt32.random(in: 0...UInt32.max))"
        let url = try await PostgresAdmin.createDatabase(named: name, server: server)
        let path = NSTemporaryDirectory() + "retold-shared-\(UUID().uuidString).db"
        defer {
            Task { try? await PostgresAdmin.dropDatabase(named: name, server: server) }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        try await PostgresIndex.migrate(url: url)

        // The examples and 200 synthetic articles with planted copies; the first example and
        // 20 planted copies as queries.
        let planted = NSTemporaryDirectory() + "retold-planted-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: planted) }
        try PlantedCorpus(.init(documents: 200, seed: 3)).write(to: planted)
        var texts: [String: String] = [:]
        var documents: [[String: Any]] = try ["000_1fa55ddf9ed85ec1.txt", "001_b3d10f58ee285008.txt"].map {
            ["id": $0, "text": try TestServer.example($0)]
        }
        _ = try DocumentReader().read([planted + "/corpus.jsonl"]) { document in
            texts[document.id] = document.text
            documents.append(["id": document.id, "text": document.text])
        }
        let copies = try PlantedCorpus.readTruth(planted + "/truth.tsv").filter { $0.kind != .original }.prefix(20)
        #expect(copies.count == 20)
        let queries = try [TestServer.example("000_1fa55ddf9ed85ec1.txt")] + copies.map { texts[$0.id]! }

        func answers(_ server: TestServer) async throws -> [String] {
            var out: [String] = []
            for query in queries {
                let reply = try await server.request("POST", "/v1/search", json: ["text": query, "limit": 20, "passages": true])
                #expect(reply.status == 200)
                out.append(reply.text)
            }
            #expect(try await server.request("POST", "/v1/links").status == 200)
            let clusters = try await server.request("GET", "/v1/clusters")
            #expect(clusters.status == 200)
            out.append(clusters.text)
            return out
        }

        var sqlite: [String] = []
        try await TestServer.run(index: try SQLiteIndex(path: path)) { server in
            let added = try await server.request("POST", "/v1/documents", json: documents)
            #expect(added.status == 201 && added.json["added"] as? Int == documents.count)
            sqlite = try await answers(server)
        }
        #expect(sqlite.count == 22 && sqlite.dropLast().allSatisfy { $0.contains("\"relationship\"") }, "every query finds its source")

        try await TestServer.run(index: try await PostgresIndex.open(url: url)) { writer in
            try await TestServer.run(index: try await PostgresIndex.open(url: url)) { reader in
                let added = try await writer.request("POST", "/v1/documents", json: documents)
                #expect(added.status == 201 && added.json["added"] as? Int == documents.count)
                let again = try await reader.request("POST", "/v1/documents", json: Array(documents.prefix(3)))
                #expect(again.status == 200 && again.json["duplicates"] as? Int == 3, "the other server sees them stored")
                let health = try await reader.request("GET", "/healthz")
                #expect(health.json["documents"] as? Int == documents.count)
                let shared = try await answers(reader)
                #expect(shared.count == sqlite.count)
                for (expected, got) in zip(sqlite, shared) { #expect(got == expected) }
            }
        }
    }
}
#endif
