// swift-tools-version: 6.1
// Coverage-guided fuzzing of Retold's readers and of compare, with libFuzzer and
// AddressSanitizer. Kept out of the main package: it builds with sanitizers, and only
// `Fuzz/run.sh` needs it (see README.md).
import PackageDescription

let package = Package(
    name: "RetoldFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Retold", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "RetoldIngest", package: "Retold")]),
        .executableTarget(name: "FuzzHTML", dependencies: [.product(name: "RetoldIngest", package: "Retold")]),
        .executableTarget(name: "FuzzDecode", dependencies: [.product(name: "RetoldIngest", package: "Retold")]),
        .executableTarget(name: "FuzzWARC", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzJSONL", dependencies: ["FuzzSupport"]),
        .executableTarget(name: "FuzzPairs", dependencies: ["FuzzSupport", .product(name: "RetoldIngest", package: "Retold")]),
        .executableTarget(name: "FuzzCompare", dependencies: [.product(name: "RetoldCore", package: "Retold")]),
        .executableTarget(name: "FuzzRequest", dependencies: [.product(name: "RetoldRequests", package: "Retold")]),
    ],
    swiftLanguageModes: [.v6]
)
