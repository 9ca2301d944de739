import ArgumentParser
import ChoiceKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List providers of one kind, searched, filtered and sorted.",
        discussion: "Each filter is the full-screen filter panel's, with the same meaning; a filter that does not fit the kind is refused.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("school, care, gp or other.", valueName: "kind"), completion: CatalogCompletion.kinds)
    var kind: String

    @Option(name: .long, help: ArgumentHelp("Words to find in names, organisations, towns and postcodes.", valueName: "text"))
    var search: String?

    @Option(name: .long, help: ArgumentHelp("Your postcode, to show distances.", valueName: "postcode"), completion: CatalogCompletion.postcodes)
    var near: String?

    @Option(name: .customLong(ProviderFilter.within.rawValue), parsing: .unconditional,
            help: ArgumentHelp("Only those within this many kilometres of --near.", valueName: "km"))
    var within: String?

    @OptionGroup(title: "Filters") var filters: FilterOptions

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("name, distance or rating; ks2 or attainment8 for schools, cost (a week of care) for care, survey for GP practices. Nearest, best and cheapest first; -name reverses.", valueName: "field"), completion: CatalogCompletion.sorts)
    var sort: String?

    @Flag(name: .long, help: "Reverse the sort order.")
    var reverse = false

    @Option(name: .long, help: ArgumentHelp("table, csv or json.", valueName: "format"), completion: CatalogCompletion.formats)
    var format: String = "table"

    @Option(name: .long, help: ArgumentHelp("Only these fields, in this order (comma-separated; see the README for each kind's).", valueName: "a,b,c"))
    var fields: String?

    mutating func run() throws {
        try reportingFailures {
            let kind = try self.providerKind()
            let format = try OutputFormat.parse(format, allowed: [.table, .csv, .json])
            let loaded = try global.loadCatalog()
            let catalog = loaded.catalog
            let query = try self.query(kind: kind, in: catalog)
            let chosen = try ProviderRecordOutput.fields(for: kind, near: query.origin != nil, selection: fields)
            let records = ProviderRecordOutput(fields: chosen, context: RecordContext(catalog: catalog, origin: query.origin))
            let result = catalog.run(query)
            var output = ProviderListOutput(catalog: catalog, kind: kind, result: result, records: records, fieldsChosen: fields != nil)
            if result.isEmpty { output.nothingFound = NoResultsText.sentence(NoResultsExplanation(query: query, in: catalog), query: query, kind: kind) }
            Output.print(output.render(format))
            SignalDeferral.during { loaded.saveSnapshot?.run() }
        }
    }

    func providerKind() throws(Failure) -> ProviderKind {
        guard let kind = ProviderKind(userText: kind) else {
            throw Failure.usage("unknown kind \(MessageText.quoted(kind)) — use school, care, gp or other")
        }
        return kind
    }

    /// The library query the options ask for.
    func query(kind: ProviderKind, in catalog: Catalog) throws -> ProviderQuery {
        var query = ProviderQuery(kind: kind, text: search ?? "")
        if let near { query.origin = try catalog.requirePostcode(near).location }
        // An option that measures from somewhere, without --near, measures from the saved home
        // (as `gp can-register` does); a plain list stays in name order.
        let unsaid = "add --near POSTCODE, or set your home in the full-screen program (h)"
        func measuringFrom() throws -> GeoPoint? {
            if query.origin == nil { query.origin = try HomeChoice.find(given: nil, option: "--near", global: global, catalog: catalog)?.entry.location }
            return query.origin
        }
        if let within {
            let kilometres = try NumberArgument.kilometres(within, option: "--within")
            guard try measuringFrom() != nil else { throw Failure.usage("--within has nothing to measure from — \(unsaid)") }
            query.filters.maximumDistanceMetres = kilometres * 1000
        }
        try filters.apply(kind: kind, vocabulary: FilterVocabulary(catalog: catalog), to: &query.filters)
        if query.filters.coversHomeOnly, try measuringFrom() == nil {
            throw Failure.usage("--covers-home has no home to check — \(unsaid)")
        }
        if let sort {
            let descending = sort.hasPrefix("-")
            let name = descending ? String(sort.dropFirst()) : sort
            let sorts = SortField.available(for: kind)
            let usable = sorts.map(\.rawValue).joined(separator: ", ")
            guard let field = SortField(rawValue: name.lowercased()) else {
                throw Failure.usage("unknown sort \(MessageText.quoted(sort)) for \(kind.inSentence) — use \(usable)")
            }
            guard sorts.contains(field) else {
                let kinds = ProviderKind.allCases.filter { SortField.available(for: $0).contains(field) }.map { $0.inSentence }
                let what = field.explanation.map { " (\($0))" } ?? ""
                throw Failure.usage("--sort \(field.rawValue) does not apply to \(kind.inSentence): it compares \(kinds.joined(separator: " and ")) only\(what) — use \(usable)")
            }
            if field == .distance, try measuringFrom() == nil { throw Failure.usage("sorting by distance has nothing to measure from — \(unsaid)") }
            let natural = SortOrder(field: field)
            query.sort = descending != reverse ? natural.reversed : natural
        } else if query.origin != nil {
            query.sort = SortOrder(field: .distance)
        }
        if sort == nil, reverse { query.sort = query.sort.reversed }
        return query
    }
}

/// "Nothing matches: without --vacancies, 4 would." — the filters that excluded everything,
/// named as they were typed.
enum NoResultsText {
    static func sentence(_ explanation: NoResultsExplanation, query: ProviderQuery, kind: ProviderKind) -> String {
        func name(_ constraint: NoResultsExplanation.Constraint) -> String {
            switch constraint {
            case .search: return "--search \(MessageText.quoted(query.text))"
            case .filter(let filter): return filter.describe(query.filters, kind: kind) ?? filter.option
            }
        }
        let all = explanation.constraints.map(name)
        guard !all.isEmpty else { return "There are none in this catalog." }
        let asked = all.count == 1 ? all[0] : all.dropLast().joined(separator: ", ") + " and " + (all.last ?? "")
        if explanation.culprits.isEmpty {
            return "Nothing matches \(asked) together, and taking away any one of them still leaves none — try fewer."
        }
        let without = explanation.culprits.map { "without \(name($0.constraint)), \(Count.text($0.countWithout)) would" }
        return "Nothing matches \(asked): " + without.joined(separator: "; ") + "."
    }
}
