import ArgumentParser
import CatalogGenerator
import ChoiceKit
import EmbeddedCatalog
import Foundation

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog", abstract: "Check or generate catalog directories.",
        subcommands: [CheckCatalog.self, GenerateCatalog.self])
}

struct CheckCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "List every problem in a catalog as FILE:LINE: FIELD: what is wrong — how to fix it.",
        discussion: "Exits 0 with a one-line summary when the catalog is sound, 1 when it has errors.")

    @Argument(help: ArgumentHelp("The catalog directory (default: the built-in catalog).", valueName: "dir"))
    var directory: String?

    mutating func run() throws {
        try reportingFailures {
            let source: any CatalogSource
            if let directory {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                    throw Failure.usage("no catalog directory at \(directory)")
                }
                source = DirectoryCatalogSource(directory: directory)
            } else {
                source = EmbeddedCatalog.source
            }
            let report = CatalogLoader.check(source)
            for problem in report.problems { print(problem.description) }
            let warnings = report.warningCount
            let warningText = warnings == 0 ? "" : ", \(warnings) warning\(warnings == 1 ? "" : "s")"
            guard let catalog = report.catalog else {
                let errors = report.errorCount
                print("\(source.displayName): \(errors) error\(errors == 1 ? "" : "s")\(warningText); the catalog cannot be used until they are fixed.")
                throw ExitCode(1)
            }
            let counts = ProviderKind.allCases.map { "\(catalog.count(of: $0)) \($0.label.lowercased())" }.joined(separator: ", ")
            print("\(source.displayName): OK — \(catalog.providers.count) providers (\(counts)), \(catalog.manifest.postcodes.count) postcodes\(warningText).")
        }
    }
}

struct GenerateCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a fictional catalog; the same seed and size always give the same bytes.",
        discussion: "The built-in catalog is --seed \(CatalogGenerator.defaultSeed) --providers \(CatalogGenerator.defaultProviders).")

    @Option(help: "Random seed.")
    var seed: UInt64 = CatalogGenerator.defaultSeed

    @Option(help: ArgumentHelp("How many providers (at least \(CatalogGenerator.minimumProviders)).", valueName: "n"))
    var providers: Int = CatalogGenerator.defaultProviders

    @Option(help: ArgumentHelp("Directory to write (created if missing; existing catalog files are replaced).", valueName: "dir"))
    var out: String

    mutating func run() throws {
        try reportingFailures {
            guard providers >= CatalogGenerator.minimumProviders, providers <= 2_000_000 else {
                throw Failure.usage("--providers must be between \(CatalogGenerator.minimumProviders) and 2000000")
            }
            let files = CatalogGenerator.generate(seed: seed, providers: providers)
            do {
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                for (name, text) in files.sorted(by: { $0.key < $1.key }) {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent(name), options: .atomic)
                }
            } catch {
                throw Failure.failed("cannot write the catalog to \(out): \(error.localizedDescription)")
            }
            print("Wrote \(providers) providers to \(out) (seed \(seed)).")
        }
    }
}
