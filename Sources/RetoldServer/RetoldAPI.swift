import Foundation
import Hummingbird
import RetoldCore
import RetoldEncoder
import RetoldIngest
import RetoldReport
import RetoldIndex
import RetoldRequests

/// The JSON API under `/v1`, with the same report schemas as the CLI's `--format json`.
struct RetoldAPI: Sendable {
    let index: any DocumentIndex
    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let encoders: SentenceEncoderCache

    init(index: any DocumentIndex, configuration: ServerConfiguration, metrics: ServerMetrics) {
        self.index = index
        self.configuration = configuration
        self.metrics = metrics
        encoders = SentenceEncoderCache(directory: configuration.modelDirectory)
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            try json(Health(status: "ok", version: RetoldServer.version, documents: try await index.count()))
        }
        // Read-only and without the token, like /healthz: scrapers run inside the network.
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: try await metrics.exposition(index: index))))
        }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        let v1 = router.group("v1")
        v1.post("compare") { request, _ in try await compare(request) }
        v1.post("compare/report") { request, _ in try await compareReport(request) }
        v1.post("check") { request, _ in try await check(request) }
        v1.post("search") { request, _ in try await search(request) }
        v1.post("documents") { request, _ in try await addDocuments(request) }
        v1.get("documents/:id") { _, context in try await document(context.parameters.get("id") ?? "") }
        v1.get("clusters") { request, _ in try await clusters(request.uri.queryParameters) }
        v1.post("links") { request, _ in try await buildLinks(request) }
        // The comparison the page opens with, when the server was started with one.
        v1.get("opening") { _, _ in
            guard let opening = configuration.opening else { throw APIError.notFound("no opening comparison") }
            return try json(opening)
        }
    }

    /// Comparisons and checks are CPU-bound for as long as the texts are long: they run on the
    /// compute pool, never on Swift's cooperative threads or an event loop, so the server keeps
    /// reading and answering other requests meanwhile. Index calls are async all the way down
    /// (GRDB's queues, postgres-nio's pool), and searches align on the same pool.
    func compute<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await ComputePool.run(work)
    }

    // MARK: - Endpoints

    func compare(_ request: Request) async throws -> Response {
        let body = try await decode(CompareRequest.self, request)
        let a = try body.a.document(defaultName: "a"), b = try body.b.document(defaultName: "b")
        let encoder = body.semantic == true ? try await encoders.encoder() : nil
        var report = await compute { CompareReport(Self.comparison(a, b, encoder: encoder), nameA: a.id, nameB: b.id) }
        if encoder != nil { report.semanticModel = ModelDirectory.modelName }
        if body.includeText == true {
            report.a.text = a.text
            report.b.text = b.text
        }
        return try json(report)
    }

    /// The page `retold compare --format html` writes, for the same request as `/v1/compare`,
    /// as a file to save (`include_text` is moot: the page always holds both texts).
    func compareReport(_ request: Request) async throws -> Response {
        let body = try await decode(CompareRequest.self, request)
        let a = try body.a.document(defaultName: "a"), b = try body.b.document(defaultName: "b")
        let encoder = body.semantic == true ? try await encoders.encoder() : nil
        let page = await compute {
            CompareHTMLRenderer.render(Self.comparison(a, b, encoder: encoder), nameA: a.id, nameB: b.id,
                                       semanticModel: encoder.map { _ in ModelDirectory.modelName })
        }
        return Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8",
            .contentDisposition: "attachment; filename=\"report.html\"",
            // The page's styles are inline, which the policy for the served web page forbids.
            .contentSecurityPolicy: CompareHTMLRenderer.contentSecurityPolicy + "; frame-ancestors 'none'",
        ], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The comparison of two request documents, with sentence vectors when given an encoder.
    static func comparison(_ a: IngestedDocument, _ b: IngestedDocument, encoder: SentenceEncoder? = nil) -> Comparison {
        var analyzer = TextAnalyzer()
        let documentA = analyzer.analyze(a.text), documentB = analyzer.analyze(b.text)
        let embeddings = encoder.map {
            SentenceEmbeddings(a: $0.vectors(documentA.sentenceTexts), b: $0.vectors(documentB.sentenceTexts))
        }
        return Comparer().compare(documentA, documentB, embeddings: embeddings)
    }

    func check(_ request: Request) async throws -> Response {
        let text = try await decode(TextPayload.self, request).document(defaultName: "text")
        return try json(await compute {
            var analyzer = TextAnalyzer()
            let document = analyzer.analyze(text.text)
            return CheckReport(document, findings: DocumentChecker().check(document), name: text.id)
        })
    }

    func search(_ request: Request) async throws -> Response {
        let body = try await decode(SearchRequest.self, request)
        var query = try body.payload.document(defaultName: "query")
        query.published = body.published ?? query.published
        query.outlet = body.outlet ?? query.outlet
        let limit = body.limit ?? 10
        guard (1...1_000).contains(limit) else { throw APIError.badRequest("\"limit\" must be between 1 and 1000") }
        var filter = try filter(from: body.from, until: body.until, outlets: body.outlets ?? [], excludedOutlets: body.excludeOutlets ?? [])
        if body.excludeOwnOutlet == true {
            guard let outlet = query.outlet else { throw APIError.badRequest("\"exclude_own_outlet\" needs the query's \"outlet\"") }
            filter.excludedOutlets.insert(outlet)
        }
        var options = SearchOptions(limit: limit, withPassages: body.passages ?? false, includeSameEvent: body.sameEvent ?? false, filter: filter)
        options.includeIdentical = body.includeIdentical ?? false
        let publishedAt = try instant(query.published, field: "published")
        if body.semantic == true {
            let encoder = try await encoders.encoder()
            options.sentenceVectors = { encoder.vectors($0) }
        }
        let (text, name) = (query.text, query.id)
        let (result, document) = try await IndexSearcher(index: index).search(text, publishedAt: publishedAt, options: options)
        return try json(SearchReport(result, queryName: name, query: document,
                                     semanticModel: body.semantic == true ? ModelDirectory.modelName : nil))
    }

    /// Brings the links up to date (the documents added since the last build are searched
    /// against the others), for `GET /v1/clusters` to read: a write, so it needs the token.
    func buildLinks(_ request: Request) async throws -> Response {
        try authorizeWrite(request)
        let checked = try await LinkBuilder(index: index).update()
        return try json(LinksResponse(checked: checked, links: try await index.links().count))
    }

    /// One document object, or an array of them, with the fields of a JSONL line. Bad documents
    /// are reported by position and the rest are added; the status is 200 unless none was valid.
    func addDocuments(_ request: Request) async throws -> Response {
        try authorizeWrite(request)
        let buffer = try await RequestBody(maxBytes: configuration.maxBodyBytes, timeoutSeconds: configuration.bodyTimeoutSeconds).collect(request)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView), options: [.fragmentsAllowed])
        } catch {
            throw APIError.badRequest("the request body is not valid JSON")
        }
        let objects: [Any]
        if let array = parsed as? [Any] { objects = array } else { objects = [parsed] }
        guard !objects.isEmpty else { throw APIError.badRequest("no documents in the request") }
        guard objects.count <= 10_000 else { throw APIError.badRequest("at most 10000 documents per request") }
        var documents: [IngestedDocument] = [], positions: [Int] = []
        var rejected: [AddResponse.Rejection] = []
        for (position, object) in objects.enumerated() {
            switch JSONLDocuments.document(object, origin: .init(path: "request", line: position + 1)) {
            case .success(let document): documents.append(document); positions.append(position)
            case .failure(let issue): rejected.append(.init(position: position, reason: issue.reason))
            }
        }
        var results = [AddResponse.Result?](repeating: nil, count: objects.count)
        if !documents.isEmpty {
            let (outcomes, issues) = try await IndexWriter(index: index).add(documents: documents)
            for (position, outcome) in zip(positions, outcomes) {
                switch outcome {
                case .added(let id): results[position] = .init(position: position, id: id, status: "added")
                case .duplicate(let id): results[position] = .init(position: position, id: id, status: "duplicate")
                case nil: break
                }
            }
            for issue in issues { rejected.append(.init(position: (issue.origin.line ?? 1) - 1, reason: issue.reason)) }
        }
        let response = AddResponse(
            added: results.compactMap { $0 }.filter { $0.status == "added" }.count,
            duplicates: results.compactMap { $0 }.filter { $0.status == "duplicate" }.count,
            documents: results.compactMap { $0 }, rejected: rejected.sorted { $0.position < $1.position },
            indexed: try await index.count())
        let status: HTTPResponse.Status = response.documents.isEmpty ? .badRequest : (response.added > 0 ? .created : .ok)
        return try json(response, status: status)
    }

    func document(_ id: String) async throws -> Response {
        guard let number = Int64(id), number > 0 else { throw APIError.badRequest("document ids are positive integers") }
        guard let stored = try await index.documents([number], withText: true).first else {
            throw APIError.notFound("no document #\(number) in the index")
        }
        return try json(DocumentResponse(stored))
    }

    func clusters(_ query: Parameters) async throws -> Response {
        var minimumCoverage = 0.2
        if let value = query.get("min_coverage") {
            guard let number = Double(value), (0...1).contains(number) else { throw APIError.badRequest("\"min_coverage\" must be between 0 and 1") }
            minimumCoverage = number
        }
        let filter = try filter(from: query.get("from"), until: query.get("until"),
                                outlets: query.getAll("outlet"), excludedOutlets: query.getAll("exclude_outlet"))
        return try json(ClustersReport(try await ClusterListing(index: index, filter: filter, minimumCoverage: minimumCoverage)))
    }

    // MARK: - Helpers

    func authorizeWrite(_ request: Request) throws {
        guard let token = configuration.token, !token.isEmpty else { return }
        let given = request.headers[.authorization] ?? ""
        guard Self.constantTimeEquals(given, "Bearer " + token) else {
            throw APIError(status: .unauthorized, message: "writes need \"Authorization: Bearer <token>\" with the server's token")
        }
    }

    /// Compares without stopping at the first difference, so response time says nothing about the token.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { difference |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return difference == 0
    }

    func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer = try await RequestBody(maxBytes: configuration.maxBodyBytes, timeoutSeconds: configuration.bodyTimeoutSeconds).collect(request)
        return try RequestDecoding.decode(T.self, from: Data(buffer.readableBytesView))
    }

    func instant(_ value: String?, field: String) throws -> Double? {
        try RequestDecoding.instant(value, field: field)
    }

    /// The filter as the CLI reads it (``DocumentFilter/parse``), a bad date a 400.
    func filter(from: String?, until: String?, outlets: [String], excludedOutlets: [String]) throws -> DocumentFilter {
        try RequestDecoding.filter(from: from, until: until, outlets: outlets, excludedOutlets: excludedOutlets)
    }

    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: JSONOutput.encode(value, pretty: false))))
    }
}

/// What `POST /v1/links` did: documents checked, and links stored in all.
struct LinksResponse: Encodable, Sendable {
    var checked: Int
    var links: Int
}

struct Health: Encodable, Sendable {
    var status: String
    var version: String
    var documents: Int
}

/// The answer to `POST /v1/documents`: what happened to each document, by its position in the request.
struct AddResponse: Encodable, Sendable {
    var schema = "retold.documents-add"
    var version = 1
    var added: Int
    var duplicates: Int
    var documents: [Result]
    var rejected: [Rejection]
    var indexed: Int

    struct Result: Encodable {
        var position: Int
        var id: Int64
        /// "added", or "duplicate" (the same text was already indexed as `id`).
        var status: String
    }

    struct Rejection: Encodable {
        var position: Int
        var reason: String
    }
}

/// `GET /v1/documents/{id}`: a stored document with its text.
struct DocumentResponse: Encodable, Sendable {
    var schema = "retold.stored-document"
    var version = 1
    var id: Int64
    var sourceID: String
    var origin: String
    var url: String?
    var outlet: String?
    var title: String?
    var published: String?
    var words: Int
    var contentHash: String
    var text: String

    init(_ document: StoredDocument) {
        id = document.id
        sourceID = document.sourceID
        origin = document.origin
        url = document.url
        outlet = document.outlet
        title = document.title
        published = document.published
        words = document.words
        contentHash = document.contentHash.description
        text = document.text ?? ""
    }

    enum CodingKeys: String, CodingKey {
        case schema, version, id, origin, url, outlet, title, published, words, text
        case sourceID = "source_id", contentHash = "content_hash"
    }
}
