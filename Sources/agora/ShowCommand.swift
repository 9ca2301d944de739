import ArgumentParser
import ChoiceKit

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Everything known about one provider.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The provider's id, as shown by `agora list`.", valueName: "id"), completion: CatalogCompletion.ids())
    var id: String

    @Option(name: .long, help: ArgumentHelp("Your postcode, to show the distance.", valueName: "postcode"), completion: CatalogCompletion.postcodes)
    var near: String?

    @Option(name: .long, help: ArgumentHelp("text, csv or json.", valueName: "format"))
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Only these fields, in this order (comma-separated; see the README for each kind's).", valueName: "a,b,c"))
    var fields: String?

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.text, .csv, .json])
            let loaded = try global.loadCatalog()
            let catalog = loaded.catalog
            guard let provider = catalog.provider(id: id) ?? catalog.provider(id: id.uppercased()) else {
                throw Failure.usage("unknown id \(MessageText.quoted(id)) — `agora list --kind school` (or care, gp, other) shows the ids")
            }
            var home: Manifest.PostcodeEntry?
            if let near {
                guard let entry = catalog.postcode(near) else {
                    throw Failure.usage("unknown postcode \(MessageText.quoted(near)): it is not in the \(catalog.manifest.area.name) catalog — give one of its postcodes, like \(catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA")")
                }
                home = entry
            }
            let chosen = try ProviderRecordOutput.fields(for: provider.kind, near: home != nil, selection: fields)
            let records = ProviderRecordOutput(fields: chosen, context: RecordContext(catalog: catalog, origin: home?.location))
            Output.print(ProviderDetailOutput(catalog: catalog, provider: provider, home: home, records: records,
                                              fieldsChosen: fields != nil).render(format))
            SignalDeferral.during { loaded.saveSnapshot?.run() }
        }
    }
}
