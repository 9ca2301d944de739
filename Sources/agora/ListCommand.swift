import ArgumentParser
import ChoiceKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List providers of one kind, searched, filtered and sorted.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("school, care, gp or other.", valueName: "kind"))
    var kind: String

    @Option(name: .long, help: ArgumentHelp("Words to find in names, organisations, towns and postcodes.", valueName: "text"))
    var search: String?

    @Option(name: .long, help: ArgumentHelp("Your postcode, to show distances.", valueName: "postcode"))
    var near: String?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Only those within this many kilometres of --near.", valueName: "km"))
    var within: String?

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("name, distance or rating; ks2 or attainment8 for schools, cost (a week of care) for care, survey for GP practices. Nearest, best and cheapest first; -name reverses.", valueName: "field"))
    var sort: String?

    @Flag(name: .long, help: "Reverse the sort order.")
    var reverse = false

    @Option(name: .long, help: ArgumentHelp("table, csv or json.", valueName: "format"))
    var format: String = "table"

    @Option(name: .long, help: ArgumentHelp("Only these fields, in this order (comma-separated; see the README for each kind's).", valueName: "a,b,c"))
    var fields: String?

    mutating func run() throws {
        try reportingFailures {
            guard let kind = ProviderKind(userText: kind) else {
                throw Failure.usage("unknown kind \(MessageText.quoted(kind)) — use school, care, gp or other")
            }
            let format = try OutputFormat.parse(format, allowed: [.table, .csv, .json])
            let loaded = try global.loadCatalog()
            let catalog = loaded.catalog
            var query = ProviderQuery(kind: kind, text: search ?? "")
            if let near {
                guard let entry = catalog.postcode(near) else {
                    throw Failure.usage("unknown postcode \(MessageText.quoted(near)): it is not in the \(catalog.manifest.area.name) catalog — give one of its postcodes, like \(catalog.manifest.postcodes.first?.postcode ?? "KM1 1AA")")
                }
                query.origin = entry.location
            }
            if let within {
                let kilometres = try NumberArgument.kilometres(within, option: "--within")
                guard query.origin != nil else { throw Failure.usage("--within has nothing to measure from — add --near POSTCODE") }
                query.filters.maximumDistanceMetres = kilometres * 1000
            }
            if let sort {
                let descending = sort.hasPrefix("-")
                let name = descending ? String(sort.dropFirst()) : sort
                let sorts = SortField.available(for: kind)
                guard let field = SortField(rawValue: name.lowercased()), sorts.contains(field) else {
                    throw Failure.usage("unknown sort \(MessageText.quoted(sort)) for \(kind.label.lowercased()) — use \(sorts.map(\.rawValue).joined(separator: ", "))")
                }
                if field == .distance, query.origin == nil { throw Failure.usage("sorting by distance has nothing to measure from — add --near POSTCODE") }
                let natural = SortOrder(field: field)
                query.sort = descending != reverse ? natural.reversed : natural
            } else if query.origin != nil {
                query.sort = SortOrder(field: .distance)
            }
            if sort == nil, reverse { query.sort = query.sort.reversed }
            let chosen = try ProviderRecordOutput.fields(for: kind, near: query.origin != nil, selection: fields)
            let records = ProviderRecordOutput(fields: chosen, context: RecordContext(catalog: catalog, origin: query.origin))
            let result = catalog.run(query)
            Output.print(ProviderListOutput(catalog: catalog, kind: kind, result: result, records: records, fieldsChosen: fields != nil)
                .render(format))
            SignalDeferral.during { loaded.saveSnapshot?.run() }
        }
    }
}
