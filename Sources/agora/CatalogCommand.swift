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
                    throw Failure.usage("there is no catalog directory at \(MessageText.path(directory)) — give the directory holding manifest.json")
                }
                source = DirectoryCatalogSource(directory: directory)
            } else {
                source = EmbeddedCatalog.source
            }
            let report = CatalogLoader.check(source)
            for problem in report.problems { Output.print(problem.description + "\n") }
            let warnings = report.warningCount
            let warningText = warnings == 0 ? "" : ", \(Count.text(warnings)) warning\(warnings == 1 ? "" : "s")"
            guard let catalog = report.catalog else {
                let errors = report.errorCount
                Output.print("\(source.displayName): \(Count.text(errors)) error\(errors == 1 ? "" : "s")\(warningText); the catalog cannot be used until they are fixed.\n")
                throw ExitCode(1)
            }
            let counts = ProviderKind.allCases.map { "\(Count.text(catalog.count(of: $0))) \($0.label.lowercased())" }.joined(separator: ", ")
            let providers = catalog.providers.count, postcodes = catalog.manifest.postcodes.count
            Output.print("\(source.displayName): OK — \(Count.text(providers)) provider\(providers == 1 ? "" : "s") (\(counts)), "
                         + "\(Count.text(postcodes)) postcode\(postcodes == 1 ? "" : "s")\(warningText).\n")
        }
    }
}

struct GenerateCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a fictional catalog; the same seed and size always give the same bytes.",
        discussion: "The built-in catalog is --seed \(CatalogGenerator.defaultSeed) --providers \(CatalogGenerator.defaultProviders).")

    @Option(parsing: .unconditional, help: ArgumentHelp("Random seed, a whole number from 0.", valueName: "seed"))
    var seed: String = String(CatalogGenerator.defaultSeed)

    @Option(parsing: .unconditional,
            help: ArgumentHelp("How many providers (\(CatalogGenerator.minimumProviders) to \(Count.text(Self.mostProviders))).", valueName: "n"))
    var providers: String = String(CatalogGenerator.defaultProviders)

    static let mostProviders = 2_000_000

    @Option(help: ArgumentHelp("Directory to write (created if missing; existing catalog files are replaced).", valueName: "dir"))
    var out: String

    mutating func run() throws {
        try reportingFailures {
            let seed = try NumberArgument.whole(seed, option: "--seed", in: UInt64.min...UInt64.max, example: "2026")
            let providers = try NumberArgument.whole(providers, option: "--providers",
                                                     in: CatalogGenerator.minimumProviders...Self.mostProviders, example: "160")
            let files = CatalogGenerator.generate(seed: seed, providers: providers)
            try SignalDeferral.during { try FileWriting.writeCatalog(files, to: out) }
            Output.print("Wrote \(providers) providers to \(out) (seed \(seed)).\n")
        }
    }
}
