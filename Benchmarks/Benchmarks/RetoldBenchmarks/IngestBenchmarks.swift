// Ingest speed: HTML article extraction and WARC.gz reading.
//
// - "extract HTML pages": the pages of the article-extraction benchmark in ../shared/data (read
//   once in setup, decompressed), parsed and extracted per iteration. Throughput is pages/s;
//   MB/s of HTML = throughput x average page size, printed at setup.
// - "read WARC.gz": a synthetic crawl in memory (fixed seed): 600 records in one gzip member
//   each, as crawlers write them, with request, metadata and non-HTML response records of
//   about 16 KB. One iteration reads it all through `DocumentReader`'s WARC path
//   (decompress, parse records, skip non-HTML payloads). Throughput x decompressed size = MB/s.

import Benchmark
import Foundation
import RetoldIngest

enum IngestInputs {
    static let pagesFolder = Inputs.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/article-extraction/html")

    /// Decompressed benchmark pages.
    static let pages: [[UInt8]] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: pagesFolder.path))?.filter { $0.hasSuffix(".html.gz") }.sorted() ?? []
        return files.compactMap { name in
            guard let data = FileManager.default.contents(atPath: pagesFolder.appendingPathComponent(name).path) else { return nil }
            return try? Gzip.decompress([UInt8](data), limit: 64 << 20)
        }
    }()

    /// A WARC.gz crawl of non-HTML records, and its decompressed size.
    static let crawl: (compressed: [UInt8], decompressedSize: Int) = {
        var rng = SplitMix64(seed: 7)
        let words = PseudoWords(rng: &rng, stems: 4_000)
        var compressed: [UInt8] = [], size = 0
        for n in 0..<600 {
            var payload = ""
            while payload.utf8.count < 16_000 { payload += words.draw(&rng) + (rng.below(12) == 0 ? ". " : " ") }
            let (type, contentType, block): (String, String, String)
            switch n % 3 {
            case 0: (type, contentType, block) = ("request", "application/http; msgtype=request", "GET /\(n) HTTP/1.1\r\nHost: example.com\r\n\r\n" + payload)
            case 1: (type, contentType, block) = ("metadata", "application/warc-fields", "via: https://example.com/\r\noutlinks: " + payload)
            default: (type, contentType, block) = ("response", "application/http; msgtype=response",
                                                   "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + payload)
            }
            let record = "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(n)>\r\nWARC-Date: 2021-09-26T10:00:00Z\r\n"
                + "WARC-Target-URI: https://example.com/\(n)\r\nContent-Type: \(contentType)\r\nContent-Length: \(block.utf8.count)\r\n\r\n"
                + block + "\r\n\r\n"
            size += record.utf8.count
            compressed += Gzip.compress(Array(record.utf8))
        }
        return (compressed, size)
    }()
}

let ingestBenchmarks: @Sendable () -> Void = {
    Benchmark("extract HTML pages", configuration: .init(maxDuration: .seconds(5), maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            for page in IngestInputs.pages { blackHole(HTMLArticleReader.read(page)) }
        }
    } setup: {
        let pages = IngestInputs.pages
        precondition(!pages.isEmpty, "the article-extraction pages are missing under \(IngestInputs.pagesFolder.path)")
        let bytes = pages.reduce(0) { $0 + $1.count }
        print("extract HTML pages: \(pages.count) pages, \(bytes) bytes of HTML per iteration")
    }

    Benchmark("read WARC.gz", configuration: .init(maxDuration: .seconds(5), maxIterations: 50)) { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retold-bench-warc")
        let path = folder.appendingPathComponent("crawl.warc.gz").path
        for _ in benchmark.scaledIterations {
            blackHole(try DocumentReader().read([path]) { blackHole($0) })
        }
    } setup: {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("retold-bench-warc")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let crawl = IngestInputs.crawl
        FileManager.default.createFile(atPath: folder.appendingPathComponent("crawl.warc.gz").path, contents: Data(crawl.compressed))
        print("read WARC.gz: \(crawl.decompressedSize) bytes decompressed (\(crawl.compressed.count) compressed) per iteration")
    }
}
