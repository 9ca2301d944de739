// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Agora",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "agora", targets: ["agora"]),
        .executable(name: "agora-bench", targets: ["agora-bench"]),
        .executable(name: "agora-fuzz", targets: ["agora-fuzz"]),
        .library(name: "ChoiceKit", targets: ["ChoiceKit"]),
        .library(name: "CareBudget", targets: ["CareBudget"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The choice-and-budget domain: pure value types, no terminal, no SQLite.
        .target(name: "ChoiceKit", swiftSettings: strict),
        // Personal budgets for care: set-up, support plan, rules, ledger, projection, charging, exports.
        .target(name: "CareBudget", dependencies: ["ChoiceKit"], swiftSettings: strict),
        // Deterministic fictional catalogs: the embedded default and national-scale benchmark data.
        .target(name: "CatalogGenerator", dependencies: ["ChoiceKit"], swiftSettings: strict),
        // The repository's catalog/ directory, compiled into the binary by the plugin below.
        .executableTarget(name: "catalog-embedder", swiftSettings: strict),
        .plugin(name: "EmbedCatalog", capability: .buildTool(), dependencies: ["catalog-embedder"]),
        .target(name: "EmbeddedCatalog", dependencies: ["ChoiceKit"], swiftSettings: strict, plugins: ["EmbedCatalog"]),
        // Importers of England's national open data (GIAS, CQC, ODS, postcodes) into catalogs: streaming, no terminal.
        .target(name: "Importers", dependencies: ["ChoiceKit"], swiftSettings: strict),
        // Choosing schools for a child: school years, rounds, admission chances, comparison, preferences.
        .target(name: "SchoolChoice", dependencies: ["ChoiceKit"], swiftSettings: strict),
        // User data (settings, shortlists, later budgets and ledgers) in SQLite through GRDB.
        .target(
            name: "AgoraStore",
            dependencies: ["ChoiceKit", "CareBudget", "SchoolChoice", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        // Who holds each local market: shares by sector and organisation, concentration.
        .target(name: "Market", dependencies: ["ChoiceKit"], swiftSettings: strict),
        // The terminal UI as data: State, Event, update, render -> Screen.
        .target(name: "AgoraUI", dependencies: ["ChoiceKit", "SchoolChoice", "Market", "CareBudget"], swiftSettings: strict),
        // ncursesw, and the only code that calls it.
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncursesw5-dev"])]),
        // Signal handlers that only write a byte to a pipe (async-signal-safe), for the terminal and the commands.
        .target(name: "CAgoraSignals"),
        .target(name: "CAgoraMemory"),
        .target(name: "AgoraTerminal", dependencies: ["CNCursesW", "CAgoraSignals", "AgoraUI", "ChoiceKit"], swiftSettings: strict),
        .executableTarget(
            name: "agora",
            dependencies: [
                "ChoiceKit", "CareBudget", "CatalogGenerator", "EmbeddedCatalog", "AgoraStore", "AgoraUI", "AgoraTerminal", "SchoolChoice", "Market",
                "Importers", "CAgoraSignals", "CAgoraMemory", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        // A deterministic mutation fuzzer over catalogs and snapshots, run in-process; agora-fuzz runs it for long.
        .target(name: "AgoraFuzz", dependencies: ["ChoiceKit", "CatalogGenerator", "Importers"], swiftSettings: strict),
        .executableTarget(name: "agora-fuzz", dependencies: ["AgoraFuzz"], swiftSettings: strict),
        // Pseudo-terminal helpers the benchmark needs and Swift's Glibc module does not expose.
        .target(name: "CBenchSupport"),
        .executableTarget(
            name: "agora-bench",
            dependencies: ["ChoiceKit", "CareBudget", "AgoraStore", "CatalogGenerator", "AgoraUI", "CBenchSupport", "Importers"],
            swiftSettings: strict),
        .testTarget(name: "ChoiceKitTests", dependencies: ["ChoiceKit", "CatalogGenerator", "EmbeddedCatalog"], swiftSettings: strict),
        .testTarget(name: "CareBudgetTests", dependencies: ["CareBudget", "ChoiceKit", "EmbeddedCatalog"], swiftSettings: strict),
        .testTarget(name: "AgoraStoreTests", dependencies: ["AgoraStore", "CareBudget", "CatalogGenerator", "SchoolChoice",
                                                    .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: strict),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "ChoiceKit"], swiftSettings: strict),
        .testTarget(name: "SchoolChoiceTests", dependencies: ["SchoolChoice", "ChoiceKit"], swiftSettings: strict),
        .testTarget(name: "AgoraFuzzTests", dependencies: ["AgoraFuzz", "ChoiceKit"], swiftSettings: strict),
        .testTarget(name: "MarketTests", dependencies: ["Market", "ChoiceKit", "EmbeddedCatalog"], swiftSettings: strict),
        .testTarget(name: "AgoraUITests", dependencies: ["AgoraUI", "ChoiceKit", "CareBudget", "EmbeddedCatalog", "SchoolChoice"], swiftSettings: strict),
                .testTarget(name: "AgoraEndToEndTests", dependencies: ["agora", "AgoraStore", "ChoiceKit"], swiftSettings: strict),
    ]
)
