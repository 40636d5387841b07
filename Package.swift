// swift-tools-version: 6.1
import PackageDescription

// The computing targets are optimized in debug builds too. The test suite and the corpus
// evaluations run on the debug build (one build serves both), and their time is alignment,
// fingerprints, search and the encoder's matrix code: unoptimized, that is most of a CI run.
// Everything else (stores, server, CLI) keeps -Onone for debugging.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Retold",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "RetoldCore", targets: ["RetoldCore"]),
        .library(name: "RetoldIngest", targets: ["RetoldIngest"]),
        .library(name: "RetoldIndex", targets: ["RetoldIndex"]),
        .library(name: "RetoldSQLite", targets: ["RetoldSQLite"]),
        .library(name: "RetoldRequests", targets: ["RetoldRequests"]),
        .library(name: "RetoldEncoder", targets: ["RetoldEncoder"]),
        .executable(name: "retold", targets: ["retold"]),
    ],
    // The shared PostgreSQL store is opt-in: postgres-nio brings swift-nio-ssl and swift-crypto,
    // which more than double a clean build. `swift build --traits PostgreSQL` includes it.
    traits: [
        .trait(name: "PostgreSQL", description: "The shared PostgreSQL index (`--db postgres://...`), through postgres-nio."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        // Only for `swift package generate-documentation`: no target depends on it, so a build
        // resolves it and compiles nothing of it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // Pure text model, fingerprints, alignment, classification. No I/O, no clocks.
        .target(name: "RetoldCore", swiftSettings: optimizedInDebug),
        // System libraries: libxml2's HTML parser and zlib's gzip reader.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenBLAS's matrix products for the sentence encoder (Accelerate on macOS).
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // The optional sentence encoder (all-MiniLM-L6-v2): safetensors, the BERT tokenizer and the
        // transformer forward pass, and installing the model. Nothing else needs a model to work.
        .target(name: "RetoldEncoder", dependencies: [.target(name: "COpenBLAS", condition: .when(platforms: [.linux]))], swiftSettings: optimizedInDebug),
        // Turning files, pages, feeds and crawls into documents, with clear errors for bad input.
        .target(name: "RetoldIngest", dependencies: ["RetoldCore", "CLibXML2", "CZlib"], swiftSettings: optimizedInDebug),
        // The corpus index: the async store interface, search, the writer, links and clusters,
        // and the compute pool alignment runs on. No store of its own.
        .target(name: "RetoldIndex", dependencies: ["RetoldCore", "RetoldIngest"], swiftSettings: optimizedInDebug),
        // The embedded store: one SQLite file, through GRDB.
        .target(
            name: "RetoldSQLite",
            dependencies: ["RetoldCore", "RetoldIngest", "RetoldIndex", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // The same index on a shared PostgreSQL database, for many writers and servers. Without the
        // PostgreSQL trait it compiles to nothing, and postgres-nio is not built.
        .target(
            name: "RetoldPostgres",
            dependencies: ["RetoldCore", "RetoldIngest", "RetoldIndex",
                           .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                           .product(name: "NIOCore", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
                           .product(name: "NIOPosix", package: "swift-nio", condition: .when(traits: ["PostgreSQL"])),
                           .product(name: "NIOSSL", package: "swift-nio-ssl", condition: .when(traits: ["PostgreSQL"])),
                           .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"]))]
        ),
        // Opening the store a `--db` value names: an SQLite file or a PostgreSQL URL.
        .target(name: "RetoldStores", dependencies: ["RetoldIndex", "RetoldSQLite", "RetoldPostgres"]),
        // The versioned JSON schema and the terminal report, shared by the CLI and the server.
        .target(name: "RetoldReport", dependencies: ["RetoldCore", "RetoldIngest", "RetoldIndex"]),
        // The API's request values, decoded and validated without HTTP (so a fuzz target can
        // feed them any bytes).
        .target(name: "RetoldRequests", dependencies: ["RetoldIngest", "RetoldIndex"]),
        // `retold serve`: the HTTP API and the web page, on Hummingbird.
        .target(
            name: "RetoldServer",
            dependencies: ["RetoldCore", "RetoldIngest", "RetoldIndex", "RetoldReport", "RetoldRequests", "RetoldEncoder",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "Logging", package: "swift-log"),
                           .product(name: "Metrics", package: "swift-metrics"),
                           .product(name: "Prometheus", package: "swift-prometheus")]
        ),
        // Labelled corpora readers and cross-validated evaluation.
        .target(name: "RetoldEvaluation", dependencies: ["RetoldCore", "RetoldIngest", "RetoldIndex", "RetoldSQLite"], swiftSettings: optimizedInDebug),
        .executableTarget(
            name: "retold",
            dependencies: [
                "RetoldCore", "RetoldIngest", "RetoldIndex", "RetoldSQLite", "RetoldStores", "RetoldReport", "RetoldEvaluation", "RetoldServer", "RetoldEncoder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Helpers every test target shares: the repository's paths, running the built binary,
        // and a JSON Schema validator for checking output against the schema files.
        .target(name: "RetoldTestSupport", path: "Tests/RetoldTestSupport"),
        .testTarget(name: "RetoldCoreTests", dependencies: ["RetoldTestSupport", "RetoldCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RetoldEncoderTests", dependencies: ["RetoldTestSupport", "RetoldEncoder"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RetoldIngestTests", dependencies: ["RetoldCore", "RetoldIngest"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RetoldIndexTests", dependencies: ["RetoldTestSupport", "RetoldCore", "RetoldIngest", "RetoldIndex", "RetoldSQLite", "RetoldPostgres", "RetoldEvaluation",
                                                          .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "RetoldServerTests", dependencies: ["RetoldTestSupport", "RetoldCore", "RetoldIngest", "RetoldIndex", "RetoldSQLite", "RetoldEvaluation", "RetoldPostgres", "RetoldReport", "RetoldServer",
                                                           .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "RetoldCLITests", dependencies: ["RetoldTestSupport", "RetoldCore", "RetoldIndex", "RetoldSQLite", "RetoldPostgres", "RetoldReport", "RetoldEvaluation", "RetoldEncoder"]),
    ],
    swiftLanguageModes: [.v6]
)
