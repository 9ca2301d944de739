import ArgumentParser
import ChoiceKit
import Market

/// `agora market`: who holds a local market — shares by organisation or sector, and concentration.
struct MarketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "market", abstract: "Who holds a service's local market: shares of its capacity and how concentrated it is.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("schools, care, gp, waste, probation or employment (the home page's services; singular or plural).", valueName: "service"), completion: CatalogCompletion.services)
    var service: String
    @Option(name: .long, help: ArgumentHelp("organisation (the default; group means the same) or sector.", valueName: "grouping"))
    var by: String = "organisation"
    @Option(name: .long, help: ArgumentHelp("table, csv or json.", valueName: "format"))
    var format: String = "table"

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.table, .csv, .json])
            guard let grouping = MarketView.Grouping(userText: by) else {
                throw Failure.usage("unknown grouping \(MessageText.quoted(by)) — use organisation or sector")
            }
            let catalog = try global.loadCatalog().catalog
            let found = try catalog.requireService(service)
            let view = MarketView.make(service: found, catalog: catalog, grouping: grouping)
            switch format {
            case .json:
                Output.print(JSONValue.object([
                    ("service", .string(found.id)), ("name", .string(found.name)), ("grouping", .string(grouping.word)), ("capacity", .string(view.capacity.noun)),
                    ("total", .int(view.totalCapacity)), ("top_three_share_pct", .number(MarketView.percent(view.topThreeShareTenths).dropLast().description)),
                    ("hhi", .int(view.hhi)), ("reading", .string(view.reading)),
                    ("shares", .array(view.shares.map { share in
                        .object([("name", .string(share.label)), ("providers", .int(share.providers)), ("capacity", .int(share.capacity)),
                                 ("share_pct", .number(MarketView.percent(share.shareTenths).dropLast().description))])
                    })),
                    ("notes", .array(view.notes.map(JSONValue.string))),
                ]).text() + "\n")
            case .csv:
                Output.print(CSVWriter.row(["name", "providers", "capacity", "share_pct"]) + view.shares.map { share in
                    CSVWriter.row([CSVWriter.spreadsheetSafe(share.label), String(share.providers), String(share.capacity),
                                   String(MarketView.percent(share.shareTenths).dropLast())])
                }.joined())
            default:
                var out = "\(found.name) in \(catalog.manifest.area.name): \(view.capacity.noun) \(grouping.label). \(catalog.manifest.area.notice)\n\n"
                out += view.reading + "\n\n"
                // Bars on the largest share's scale, so differences show; the percentages are the shares.
                let top = max(1, view.shares.first?.capacity ?? 1)
                out += TextTable.render(headers: [grouping.word.capitalizedFirst, "Providers", view.capacity.noun.capitalizedFirst, "Share", ""],
                                        rows: view.shares.map { share in
                                            [share.label, String(share.providers), ShortText.count(share.capacity), MarketView.percent(share.shareTenths),
                                             Bar.ascii(share.capacity, of: top, width: 20)]
                                        }, rightAligned: [1, 2, 3], wrapping: true)
                out += "\n" + view.notes.joined(separator: "\n") + "\n"
                Output.print(out)
            }
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// ASCII bars for plain text output.
enum Bar {
    static func ascii(_ value: Int, of maximum: Int, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        return String(repeating: "#", count: max(1, min(width, (value * width * 2 + maximum) / (maximum * 2))))
    }
}
