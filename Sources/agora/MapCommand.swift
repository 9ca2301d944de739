import ArgumentParser
import ChoiceKit

/// `agora map`: what the full-screen map shows, in words — providers near a postcode by distance
/// and direction.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map", abstract: "Providers near a postcode, by distance and direction (the map, described).")

    @OptionGroup var global: GlobalOptions
    @Option(name: [.long, .customLong("service")],
            help: ArgumentHelp("schools, care, gp, waste, probation or employment (as for `agora market`), or other for every contracted service.", valueName: "service"), completion: CatalogCompletion.services)
    var kind: String
    @Option(name: .long, help: ArgumentHelp("The postcode to describe around (default: the home saved in the full-screen program, else the area's centre).", valueName: "postcode"), completion: CatalogCompletion.postcodes)
    var near: String?

    mutating func run() throws {
        try reportingFailures {
            let catalog = try global.loadCatalog().catalog
            let (kind, positions) = try Self.providers(named: self.kind, in: catalog)
            let home = try HomeChoice.find(given: near, option: "--near", global: global, catalog: catalog)
            let centre = home?.entry.location ?? catalog.manifest.area.centre
            let place = home?.described ?? "the centre of \(catalog.manifest.area.name)"
            let lines = NearbyDescription.describe(positions, from: centre, named: place, in: catalog, kind: kind)
            let hint = home == nil ? ["No home postcode is saved: give --near POSTCODE to measure from yours."] : []
            Output.print((lines + hint).joined(separator: "\n") + "\n")
        }
    }

    /// The providers of a service named as `market` takes it (a contracted service's own providers
    /// only), or of a kind: school, care, gp or other.
    static func providers(named text: String, in catalog: Catalog) throws -> (ProviderKind, [Int32]) {
        if let service = catalog.manifest.service(named: text) {
            let positions = catalog.index.positions(of: service.kind)
            guard service.kind == .other else { return (service.kind, positions) }
            return (.other, positions.filter { catalog.providers[Int($0)].contract?.serviceID == service.id })
        }
        guard let kind = ProviderKind(userText: text) else {
            throw Failure.usage("unknown service \(MessageText.quoted(text)) — use \(catalog.manifest.serviceWords), or other for every contracted service")
        }
        return (kind, catalog.index.positions(of: kind))
    }
}
