// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bereik",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "bereik", targets: ["bereik"]),
        .library(name: "Access", targets: ["Access"]),
        .library(name: "Geo", targets: ["Geo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        // OpenSSL's libcrypto, for the SHA-256 of input files only.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "Geo", dependencies: ["CGEOS", "CPROJ", "CGDAL", "CCrypto"]),
        .target(name: "Access", dependencies: ["Geo"]),
        .target(name: "Maps", dependencies: ["Access"]),
        // Benchmarks and the synthetic road network: the `bench` commands and tests, not the domain library.
        .target(name: "BereikBench", dependencies: ["Access", "Geo"]),
        // The generator of the embedded default data (GeoData/), for `generate-default-data` and the tests.
        .target(name: "DefaultData", dependencies: ["Access", "Geo"]),
        .target(
            name: "BereikServer",
            dependencies: [
                "Access", "Maps",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "bereik",
            dependencies: [
                "Access", "Maps", "BereikServer", "BereikBench", "DefaultData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz entry over the readers (scripts/fuzz.sh builds it with libFuzzer;
        // a plain build replays a corpus: `bereik-fuzz Tests/Fuzz/corpus`).
        .systemLibrary(name: "CFuzzerDriver"),
        .executableTarget(name: "bereik-fuzz", dependencies: ["Access", "Geo", "CFuzzerDriver"], path: "Sources/BereikFuzz"),
        .testTarget(name: "GeoTests", dependencies: ["Geo"]),
        .testTarget(name: "AccessTests", dependencies: ["Access", "Geo", "BereikBench"]),
        .testTarget(name: "BereikBenchTests", dependencies: ["BereikBench", "Access", "Geo"]),
        .testTarget(name: "DefaultDataTests", dependencies: ["DefaultData", "Access", "Geo"]),
        .testTarget(name: "bereikTests", dependencies: ["bereik", "Access", "Geo"]),
        .testTarget(name: "MapsTests", dependencies: ["Maps", "Access", "Geo"]),
        .testTarget(
            name: "BereikServerTests",
            dependencies: [
                "BereikServer", "Access", "Maps", "Geo",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
