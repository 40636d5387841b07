import Foundation
import Hummingbird
import RetoldTestSupport
import Testing
import RetoldCore
import RetoldIndex
import RetoldReport
import RetoldSQLite
@testable import RetoldServer

@Suite(.serialized) struct ServerTests {
    @Test func comparesTheExamplePairWithTextsAndTheSisterFinding() async throws {
        let a = try TestServer.example("000_1fa55ddf9ed85ec1.txt"), b = try TestServer.example("001_b3d10f58ee285008.txt")
        try await TestServer.run { server in
            let reply = try await server.request("POST", "/v1/compare", json: ["a": ["text": a, "name": "first"], "b": ["text": b], "include_text": true])
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
            let report = reply.json
            #expect(report["schema"] as? String == "retold.compare")
            #expect(report["relationship"] as? String == "paraphrase")
            #expect((report["a"] as? [String: Any])?["name"] as? String == "first")
            #expect((report["b"] as? [String: Any])?["text"] as? String == b)
            let explanations = ((report["passages"] as? [[String: Any]]) ?? []).flatMap { ($0["alignments"] as? [[String: Any]]) ?? [] }
                .flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.compactMap { $0["explanation"] as? String }
            #expect(explanations.contains("B names Kim Jong Un as the sister of Kim Jong Un, where A names Kim Yo Jong."))
        }
    }

    /// The page the CLI writes, for the body /v1/compare takes, as a download whose policy
    /// allows its inline styles and nothing else.
    @Test func comparesIntoTheHTMLReportAsADownload() async throws {
        let a = "Officials in Seoul said on Monday <script>alert(1)</script> that two missiles were fired into the sea, the military said."
        let b = a.replacingOccurrences(of: "Monday", with: "Tuesday")
        try await TestServer.run { server in
            let reply = try await server.request("POST", "/v1/compare/report", json: ["a": ["text": a, "name": "wire \"A\""], "b": ["text": b]])
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
            #expect(reply.headers["content-disposition"] == "attachment; filename=\"report.html\"")
            #expect(reply.headers["content-security-policy"]
                    == "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
            #expect(reply.text.hasPrefix("<!doctype html>\n"))
            #expect(reply.text.contains("<title>Retold: wire &quot;A&quot; and b</title>"))
            #expect(reply.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !reply.text.contains("<script"))
            var analyzer = TextAnalyzer()
            let comparison = Comparer().compare(analyzer.analyze(a), analyzer.analyze(b))
            #expect(reply.text == CompareHTMLRenderer.render(comparison, nameA: "wire \"A\"", nameB: "b"))

            let bad = try await server.request("POST", "/v1/compare/report", json: ["a": ["text": a]])
            #expect(bad.status == 400 && bad.errorMessage == "\"b\" is missing")
            let wrongMethod = try await server.request("GET", "/v1/compare/report")
            #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "POST")
            // The API's other answers keep the strict policy.
            let json = try await server.request("POST", "/v1/compare", json: ["a": ["text": a], "b": ["text": b]])
            #expect(json.headers["content-security-policy"]?.hasPrefix("default-src 'self'; script-src 'self'; style-src 'self';") == true)
        }
    }

    @Test func addsSearchesReadsAndClustersDocuments() async throws {
        let a = try TestServer.example("000_1fa55ddf9ed85ec1.txt"), b = try TestServer.example("001_b3d10f58ee285008.txt")
        try await TestServer.run { server in
            var reply = try await server.request("POST", "/v1/documents", json: [
                ["id": "first", "text": a, "outlet": "Wire", "published": "2023-03-12T08:00:00Z"],
                ["id": "second", "text": b, "outlet": "Farm", "published": "2023-03-13T08:00:00Z"],
                ["id": "empty", "text": "  "],
            ])
            #expect(reply.status == 201)
            #expect(reply.json["added"] as? Int == 2 && reply.json["indexed"] as? Int == 2)
            let rejected = reply.json["rejected"] as? [[String: Any]] ?? []
            #expect(rejected.count == 1 && rejected.first?["position"] as? Int == 2)

            reply = try await server.request("POST", "/v1/documents", json: ["id": "again", "text": a])
            #expect(reply.status == 200)
            #expect((reply.json["documents"] as? [[String: Any]])?.first?["status"] as? String == "duplicate")

            reply = try await server.request("POST", "/v1/search", json: ["text": b, "limit": 5])
            #expect(reply.status == 200)
            let results = reply.json["results"] as? [[String: Any]] ?? []
            #expect(results.count == 1)
            #expect((results.first?["document"] as? [String: Any])?["source_id"] as? String == "first")
            #expect(results.first?["relationship"] as? String == "paraphrase")

            reply = try await server.request("POST", "/v1/search", json: ["text": b, "exclude_outlets": ["Wire"]])
            #expect((reply.json["results"] as? [Any])?.isEmpty == true)

            reply = try await server.request("GET", "/v1/documents/1")
            #expect(reply.status == 200 && reply.json["text"] as? String == a && reply.json["outlet"] as? String == "Wire")
            #expect(try await server.request("GET", "/v1/documents/99").status == 404)
            #expect(try await server.request("GET", "/v1/documents/abc").status == 400)

            // Reading clusters writes nothing: the two documents wait for a link build.
            reply = try await server.request("GET", "/v1/clusters")
            #expect(reply.json["pending"] as? Int == 2 && (reply.json["clusters"] as? [Any])?.isEmpty == true)
            reply = try await server.request("POST", "/v1/links")
            #expect(reply.status == 200 && reply.json["checked"] as? Int == 2 && reply.json["links"] as? Int == 1)
            #expect(try await server.request("POST", "/v1/links").json["checked"] as? Int == 0)
            reply = try await server.request("GET", "/v1/clusters")
            #expect(reply.json["pending"] as? Int == 0)
            let clusters = reply.json["clusters"] as? [[String: Any]] ?? []
            #expect(clusters.count == 1 && clusters.first?["size"] as? Int == 2 && clusters.first?["earliest"] as? Int == 1)
            #expect(try await server.request("GET", "/v1/clusters?min_coverage=2").status == 400)

            reply = try await server.request("GET", "/healthz")
            #expect(reply.json["status"] as? String == "ok" && reply.json["documents"] as? Int == 2)
        }
    }

    @Test func badRequestsGetAClearFourHundred() async throws {
        try await TestServer.run(maxBodyBytes: 10_000) { server in
            var reply = try await server.request("POST", "/v1/compare", raw: Data("{not json".utf8))
            #expect(reply.status == 400 && reply.errorMessage == "the request body is not valid JSON")
            reply = try await server.request("POST", "/v1/compare", json: ["a": ["text": "One text."]])
            #expect(reply.status == 400 && reply.errorMessage == "\"b\" is missing")
            reply = try await server.request("POST", "/v1/compare", json: ["a": ["text": 3], "b": ["text": "x"]])
            #expect(reply.status == 400 && reply.errorMessage == "\"a.text\" must be a string")
            reply = try await server.request("POST", "/v1/check", json: ["text": "   "])
            #expect(reply.status == 400 && reply.errorMessage == "text: the text is empty")
            reply = try await server.request("POST", "/v1/check", json: ["text": "a", "html": "<p>b</p>"])
            #expect(reply.status == 400 && reply.errorMessage == "text: give \"text\" or \"html\", not both")
            reply = try await server.request("POST", "/v1/search", json: ["text": "Some words here.", "limit": 0])
            #expect(reply.status == 400)
            reply = try await server.request("POST", "/v1/search", json: ["text": "Some words here.", "from": "last week"])
            #expect(reply.status == 400 && reply.errorMessage == "\"from\" is not an ISO 8601 date or time")
            reply = try await server.request("POST", "/v1/check", json: ["text": String(repeating: "word ", count: 5_000)])
            #expect(reply.status == 413 && reply.errorMessage == "the body is over the limit of 10000 bytes")
            #expect(reply.headers["connection"] == "close")
            reply = try await server.request("POST", "/v1/check", raw: Data("text=a".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(reply.status == 415 && reply.errorMessage == "send the body as application/json (it was application/x-www-form-urlencoded)")
            reply = try await server.request("POST", "/v1/check", raw: Data("{\"text\": \"A text.\"}".utf8), contentType: "application/json; charset=utf-8")
            #expect(reply.status == 200, "a charset parameter is still JSON")
            reply = try await server.request("POST", "/v1/documents", json: [["text": ""]])
            #expect(reply.status == 400)
            #expect(try await server.request("GET", "/nowhere").status == 404)
            let wrongMethod = try await server.request("DELETE", "/v1/search")
            #expect(wrongMethod.status == 405 && wrongMethod.headers["allow"] == "POST")
            #expect(wrongMethod.errorMessage == "DELETE is not allowed on /v1/search; it takes POST")
            #expect(try await server.request("PUT", "/v1/documents/3").headers["allow"] == "GET")
            #expect(try await server.request("GET", "/v1/documents/99").status == 404, "a missing document is still 404")
        }
    }

    /// A client that sends its body a byte at a time is never idle, so the idle timeout cannot
    /// cut it off; the body timeout does, with 408, and closes the connection.
    @Test func aBodySentAByteAtATimeIsCutOff() async throws {
        try await TestServer.run(.live, idleTimeoutSeconds: 30, bodyTimeoutSeconds: 1) { server in
            let (status, seconds) = try await server.trickle(
                "POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
                "{\"text\": \"" + String(repeating: "a", count: 80), interval: 0.2, limit: 10)
            #expect(status == 408)
            #expect(seconds != nil, "the connection was still open after 10 s")
            #expect((seconds ?? 0) >= 0.9)
        }
    }

    /// A client that starts a request and stops sending is cut off after the idle timeout.
    @Test func aStalledClientIsDisconnected() async throws {
        try await TestServer.run(.live, idleTimeoutSeconds: 1) { server in
            let seconds = try server.secondsUntilClosed(
                afterSending: "POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te",
                limit: 10)
            #expect(seconds != nil, "the connection was still open after 10 s")
            #expect((seconds ?? 0) >= 0.5)
        }
    }

    @Test func writesNeedTheTokenWhenOneIsSet() async throws {
        try await TestServer.run(token: "s3cret") { server in
            let document = ["id": "x", "text": "Seoul said North Korea fired two missiles on Sunday."]
            var reply = try await server.request("POST", "/v1/documents", json: document)
            #expect(reply.status == 401)
            reply = try await server.request("POST", "/v1/documents", json: document, authorized: true)
            #expect(reply.status == 201)
            #expect(try await server.request("POST", "/v1/links").status == 401)
            #expect(try await server.request("POST", "/v1/links", authorized: true).status == 200)
            // Reads stay open.
            #expect(try await server.request("POST", "/v1/check", json: ["text": "It rained."]).status == 200)
        }
        #expect(ServerConfiguration(host: "0.0.0.0").refusal != nil)
        #expect(ServerConfiguration(host: "0.0.0.0", token: "t").refusal == nil)
        #expect(ServerConfiguration().refusal == nil)
        #expect(RetoldAPI.constantTimeEquals("Bearer a", "Bearer a") && !RetoldAPI.constantTimeEquals("Bearer a", "Bearer ab"))
    }

    @Test func servesThePageWithAStrictContentPolicy() async throws {
        try await TestServer.run { server in
            let page = try await server.request("GET", "/")
            #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.text.contains("<form id=\"compare-form\">") && page.text.contains("<script src=\"/app.js\" defer></script>"))
            #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
            #expect(page.headers["x-content-type-options"] == "nosniff")
            let script = try await server.request("GET", "/app.js")
            #expect(script.status == 200 && script.text.contains("textContent") && !script.text.contains("innerHTML"))
            #expect(try await server.request("GET", "/app.css").status == 200)
        }
    }

    /// A server without the sentence encoder (this one has no model folder) refuses
    /// `semantic: true` on each endpoint that takes it, with a message naming the install command
    /// and no path of the server's; the same requests without it are answered.
    @Test func semanticWithoutTheEncoderIsA400NamingTheInstallCommand() async throws {
        let a = try TestServer.example("000_1fa55ddf9ed85ec1.txt"), b = try TestServer.example("001_b3d10f58ee285008.txt")
        let message = "\"semantic\" needs the sentence encoder, which this server does not have: install it with `retold model install` where the server runs"
        try await TestServer.run { server in
            for path in ["/v1/compare", "/v1/compare/report"] {
                let refused = try await server.request("POST", path, json: ["a": ["text": a], "b": ["text": b], "semantic": true])
                #expect(refused.status == 400 && refused.errorMessage == message, "\(path)")
                let plain = try await server.request("POST", path, json: ["a": ["text": a], "b": ["text": b], "semantic": false])
                #expect(plain.status == 200, "\(path)")
            }
            let compared = try await server.request("POST", "/v1/compare", json: ["a": ["text": a], "b": ["text": b]])
            #expect(compared.json["semantic_model"] == nil)
            let search = try await server.request("POST", "/v1/search", json: ["text": a, "semantic": true])
            #expect(search.status == 400 && search.errorMessage == message)
        }
    }

    /// The OpenAPI document is the file in the repository, and real responses carry the
    /// schemas it gives for them.
    @Test func openAPIDocumentMatchesTheFileAndTheResponses() async throws {
        let file = try String(contentsOf: Repository.root.appendingPathComponent("schemas/openapi.json"), encoding: .utf8)
        #expect(OpenAPIDocument.json == file.trimmingCharacters(in: .newlines))
        let a = try TestServer.example("000_1fa55ddf9ed85ec1.txt"), b = try TestServer.example("001_b3d10f58ee285008.txt")
        try await TestServer.run { server in
            let served = try await server.request("GET", "/openapi.json")
            #expect(served.status == 200 && served.json["openapi"] as? String == "3.1.0")
            // Every response is checked against its schema in the served document, and the
            // reports also against the versioned schema files the CLI's output follows.
            let openAPI = try JSONSchemaValidator(openAPIDocument: try served.value)
            func check(_ reply: TestServer.Reply, against name: String, file: String? = nil) throws {
                #expect(try openAPI.violations(of: try reply.value, against: "#/components/schemas/\(name)") == [], "\(name)")
                if let file {
                    let violations = try Repository.schema(file).violations(of: try reply.value)
                    #expect(violations == [], "\(file): \(violations)")
                }
            }
            try check(try await server.request("GET", "/healthz"), against: "Health")
            try check(try await server.request("POST", "/v1/compare", json: ["a": ["text": a], "b": ["text": b]]),
                      against: "CompareReport", file: "retold.compare.v3.json")
            try check(try await server.request("POST", "/v1/check", json: ["text": a]), against: "CheckReport", file: "retold.check.v2.json")
            try check(try await server.request("POST", "/v1/documents", json: [["text": a], ["text": b]]), against: "AddResponse", file: "retold.documents-add.v1.json")
            try check(try await server.request("POST", "/v1/search", json: ["text": a]), against: "SearchReport", file: "retold.search.v2.json")
            try check(try await server.request("GET", "/v1/documents/1"), against: "Document", file: "retold.stored-document.v1.json")
            try check(try await server.request("GET", "/v1/clusters"), against: "ClustersReport", file: "retold.clusters.v2.json")
            try check(try await server.request("POST", "/v1/links"), against: "LinksResponse")
            try check(try await server.request("POST", "/v1/check", json: ["nothing": true]), against: "Error")
            let paths = (served.json["paths"] as? [String: Any])?.keys.sorted() ?? []
            #expect(paths == ["/healthz", "/metrics", "/v1/check", "/v1/clusters", "/v1/compare", "/v1/compare/report", "/v1/documents", "/v1/documents/{id}", "/v1/links", "/v1/opening", "/v1/search"])
            #expect(try await server.request("GET", "/v1/opening").status == 404)
        }
    }

    /// Every answered request is counted by route pattern, method and status, and carries its
    /// request id; the index gauges are read when scraped.
    @Test func metricsCountRequestsByRouteAndReadTheIndex() async throws {
        let a = try TestServer.example("000_1fa55ddf9ed85ec1.txt")
        try await TestServer.run { server in
            let added = try await server.request("POST", "/v1/documents", json: [["text": a]])
            #expect(added.status == 201)
            let id = try #require(added.headers["x-request-id"])
            // Hummingbird writes the random high half without leading zeros, so an id is 17 to 32 hex digits.
            #expect((17...32).contains(id.count) && id.allSatisfy(\.isHexDigit))
            #expect(try await server.request("GET", "/v1/documents/1").status == 200)
            #expect(try await server.request("GET", "/v1/documents/1").status == 200)
            #expect(try await server.request("GET", "/v1/documents/7").status == 404)
            let scraped = try await server.request("GET", "/metrics")
            #expect(scraped.status == 200)
            #expect(scraped.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8")
            let lines = Set(scraped.text.split(separator: "\n").map(String.init))
            #expect(lines.contains(#"retold_http_requests_total{route="/v1/documents/{id}",method="GET",status="200"} 2"#))
            #expect(lines.contains(#"retold_http_requests_total{route="/v1/documents/{id}",method="GET",status="404"} 1"#))
            #expect(lines.contains(#"retold_http_requests_total{route="/v1/documents",method="POST",status="201"} 1"#))
            #expect(lines.contains(#"retold_http_request_duration_seconds_count{route="/v1/documents/{id}",method="GET",status="200"} 2"#))
            #expect(lines.contains("retold_index_documents 1.0"))
            #expect(lines.contains("retold_links_pending 1.0"))
            #expect(lines.contains { $0.hasPrefix("retold_index_size_bytes ") })
        }
    }
}
