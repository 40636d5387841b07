import Foundation

/// Reads documents from files, folders (recursively) and standard input ("-"), whatever their
/// format: plain text, HTML, JSONL, WARC, each optionally gzipped. The format comes from the
/// content, not the name. A bad file, line or record becomes an `IngestIssue` in the summary
/// and reading goes on.
public struct DocumentReader: Sendable {
    /// Largest single document, JSONL line or WARC record accepted.
    public var maxDocumentBytes: Int

    public init(maxDocumentBytes: Int = TextInput.defaultMaxBytes) {
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// Calls `each` with every document, in order; returns what was read and what went wrong.
    /// Problems with the input never throw; errors thrown by `each` stop the batch and are rethrown.
    public func read(_ paths: [String], _ each: (IngestedDocument) throws -> Void) throws -> IngestSummary {
        var summary = IngestSummary()
        for path in paths {
            if path == "-" {
                try readFile(path: path, descriptor: STDIN_FILENO, summary: &summary, each)
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else {
                let error = InputError(name: path, reason: TextInput.reason(errno: errno))
                summary.issues.append(IngestIssue(.init(path: path), inputError: error))
                continue
            }
            if status.st_mode & S_IFMT == S_IFDIR {
                for file in Self.files(under: path, summary: &summary) { try readPath(file, summary: &summary, each) }
            } else {
                try readPath(path, summary: &summary, each)
            }
        }
        return summary
    }

    /// Reads exactly one document (for `compare` and `check`): an error when the input holds
    /// none or several.
    public func readOne(_ path: String) throws(IngestIssue) -> IngestedDocument {
        // Counting goes on past the second document (so the message can give the count), but
        // only the first is kept.
        var first: IngestedDocument?
        let summary: IngestSummary
        do {
            summary = try read([path]) { document in if first == nil { first = document } }
        } catch {
            throw IngestIssue(.init(path: path), "\(error)")
        }
        if let issue = summary.issues.first { throw issue }
        guard let first, summary.documents == 1 else {
            throw IngestIssue(.init(path: path), summary.documents == 0 ? "holds no document" : "holds \(summary.documents) documents; give one document per input (retold extract lists them)")
        }
        return first
    }

    /// The files `read` would open for these inputs, in its order: folders expanded (sorted, no
    /// hidden files, known extensions only); standard input and missing paths left out.
    public static func files(_ paths: [String]) -> [String] {
        var ignored = IngestSummary()
        return paths.flatMap { path -> [String] in
            var status = stat()
            guard path != "-", stat(path, &status) == 0 else { return [] }
            return status.st_mode & S_IFMT == S_IFDIR ? files(under: path, summary: &ignored) : [path]
        }
    }

    /// Regular files under a folder, sorted, skipping hidden files and unknown extensions.
    static func files(under folder: String, summary: inout IngestSummary) -> [String] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        // Paths are reported under the folder as the user wrote it ("corpus/a.txt"), not absolute.
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var files: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            if InputFormat.folderExtensions.contains(url.pathExtension.lowercased()) {
                let path = url.standardizedFileURL.path
                files.append(path.hasPrefix(rootPath) ? prefix + path.dropFirst(rootPath.count) : path)
            } else {
                summary.skipped["files of other types", default: 0] += 1
            }
        }
        return files.sorted()
    }

    func readPath(_ path: String, summary: inout IngestSummary, _ each: (IngestedDocument) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = InputError(name: path, reason: TextInput.reason(errno: errno))
                summary.issues.append(IngestIssue(.init(path: path), inputError: error))
            return
        }
        defer { close(descriptor) }
        try readFile(path: path, descriptor: descriptor, summary: &summary, each)
    }

    func readFile(path: String, descriptor: Int32, summary: inout IngestSummary, _ each: (IngestedDocument) throws -> Void) throws {
        let name = path == "-" ? TextInput.standardInputName : path
        summary.files += 1
        var file = FileByteSource(descriptor: descriptor)
        // The first two bytes say whether it is gzip; they are replayed to whoever reads next.
        var magic = [UInt8](repeating: 0, count: 2)
        var got = 0
        do {
            while got < 2 {
                let count = try magic.withUnsafeMutableBytes { try file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[got...])) }
                if count == 0 { break }
                got += count
            }
        } catch {
            summary.issues.append(IngestIssue(.init(path: name), "\(error)")); return
        }
        let source = ReplaySource(prefix: Array(magic[0..<got]), base: file)
        var pathExtension = (path as NSString).pathExtension
        if Gzip.isGzip(magic[0..<got]) {
            if pathExtension.lowercased() == "gz" { pathExtension = ((path as NSString).deletingPathExtension as NSString).pathExtension }
            try readStream(BufferedReader(GzipSource(source)), name: name, pathExtension: pathExtension, summary: &summary, each)
        } else {
            try readStream(BufferedReader(source), name: name, pathExtension: pathExtension, summary: &summary, each)
        }
    }

    func readStream<S: ByteSource>(_ reader: BufferedReader<S>, name: String, pathExtension: String,
                                   summary: inout IngestSummary, _ each: (IngestedDocument) throws -> Void) throws {
        var reader = reader
        let origin = IngestedDocument.Origin(path: name)
        var stage = "reading"
        do {
            let head = try reader.peek(count: 4096)
            let format = InputFormat.sniff(head, pathExtension: pathExtension)
            switch format {
            case .warc:
                stage = "WARC"
                try WARCDocuments.read(&reader, path: name, maxBytes: maxDocumentBytes, summary: &summary, each)
            case .jsonl:
                stage = "JSONL"
                try JSONLDocuments.read(&reader, path: name, maxBytes: maxDocumentBytes, summary: &summary, each)
            case .text, .html:
                let bytes = try reader.read(count: maxDocumentBytes + 1)
                summary.bytes += bytes.count
                if bytes.count > maxDocumentBytes {
                    // Reading stopped one byte past the limit: say "over the limit", not a size.
                    let error = InputError(name: name, reason: .tooLarge(bytes: maxDocumentBytes, limit: maxDocumentBytes))
                    summary.issues.append(IngestIssue(origin, inputError: error))
                    return
                }
                switch single(bytes, format: format, origin: origin, name: name) {
                case .success(let document):
                    summary.documents += 1
                    try each(document)
                case .failure(let issue):
                    summary.issues.append(issue)
                }
            }
        } catch let error as StreamError {
            summary.issues.append(IngestIssue(origin, stage == "reading" ? error.reason : "\(error.reason); the rest of the file is skipped"))
        } catch {
            throw error
        }
    }

    /// One text or HTML file.
    func single(_ bytes: [UInt8], format: InputFormat, origin: IngestedDocument.Origin, name: String) -> Result<IngestedDocument, IngestIssue> {
        if format == .html {
            if bytes.prefix(8192).contains(0) { return .failure(IngestIssue(origin, "claims to be HTML but is binary")) }
            guard let result = HTMLArticleReader.read(bytes) else { return .failure(IngestIssue(origin, "the HTML could not be parsed")) }
            let article = result.article
            guard !article.text.isEmpty else { return .failure(IngestIssue(origin, "no article text found in the HTML")) }
            return .success(IngestedDocument(id: name, origin: origin, text: article.text, title: article.metadata.title,
                                             byline: article.metadata.byline, published: article.metadata.published,
                                             url: article.metadata.url, outlet: article.metadata.siteName, language: article.metadata.language,
                                             format: .html, encoding: "\(result.charset.name) (\(result.charset.source))"))
        }
        do {
            let input = try TextInput.decode(bytes, name: name, maxBytes: maxDocumentBytes)
            return .success(IngestedDocument(id: name, origin: origin, text: input.text, format: .text, encoding: input.encoding.rawValue))
        } catch {
            return .failure(IngestIssue(origin, inputError: error))
        }
    }
}
