import ArgumentParser
import ChoiceKit

/// `agora map`: what the full-screen map shows, in words — providers near a postcode by distance
/// and direction.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "Providers near a postcode, by distance and direction (the map, described).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("school, care, gp or other.", valueName: "kind"))
    var kind: String
    @Option(name: .long, help: ArgumentHelp("The postcode to describe around (default: the area's centre).", valueName: "postcode"))
    var near: String?

    mutating func run() throws {
        try reportingFailures {
            guard let kind = ProviderKind(userText: kind) else {
                throw Failure.usage("unknown kind \(MessageText.quoted(kind)) — use school, care, gp or other")
            }
            let catalog = try global.loadCatalog().catalog
            let home = try near.map { try catalog.requirePostcode($0) }
            let centre = home?.location ?? catalog.manifest.area.centre
            let place = home?.postcode ?? "the centre of \(catalog.manifest.area.name)"
            let positions = catalog.index.positions(of: kind)
            let lines = NearbyDescription.describe(positions, from: centre, named: place, in: catalog, kind: kind)
            Output.print(lines.joined(separator: "\n") + "\n")
        }
    }
}
