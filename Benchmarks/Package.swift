// swift-tools-version: 6.1
// Speed and memory benchmarks for RetoldCore, kept out of the main package so that its
// dependency on package-benchmark (and the malloc interposer) never reaches library users.
// Run from this directory: `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "RetoldBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Retold", path: ".."),
        // The MallocInterposer trait alone: it gives the malloc metrics, and leaving out the
        // default RuntimeInterposer trait keeps the Linux 6.3 ARC interposer out of the build.
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RetoldBenchmarks",
            dependencies: [
                .product(name: "RetoldCore", package: "Retold"),
                .product(name: "RetoldIngest", package: "Retold"),
                .product(name: "RetoldEncoder", package: "Retold"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/RetoldBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "package-benchmark"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
