import Foundation
import PackagePlugin

/// Compiles the repository's `catalog/` directory into the program, so `agora` finds its default
/// catalog however it is run: `swift run`, straight from the build folder, or installed elsewhere.
@main
struct EmbedCatalog: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let catalog = context.package.directoryURL.appending(path: "catalog")
        let names = try FileManager.default.contentsOfDirectory(atPath: catalog.path)
            .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") }
            .sorted()
        let inputs = names.map { catalog.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalogFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the default catalog",
                executable: try context.tool(named: "catalog-embedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]),
        ]
    }
}
