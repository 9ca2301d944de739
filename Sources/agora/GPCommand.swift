import ArgumentParser
import ChoiceKit

/// `agora gp`: can I register at a practice, and which practices near home would take me.
struct GPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gp", abstract: "GP registration: can you register at a practice, and which nearby practices would take you.",
        subcommands: [CanRegister.self, Nearest.self])

    struct CanRegister: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "can-register", abstract: "Whether a practice should register you, and why; where else to go if not.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The practice's id (see `agora list --kind gp`).", valueName: "id"), completion: CatalogCompletion.ids(of: [.gp]))
        var id: String
        @Option(name: .long, help: ArgumentHelp("Your home postcode (default: the home saved in the full-screen program).", valueName: "postcode"), completion: CatalogCompletion.postcodes)
        var home: String?
        @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
        var format: String = "text"

        mutating func run() throws {
            try reportingFailures {
                let format = try OutputFormat.parse(format, allowed: [.text, .json])
                let catalog = try global.loadCatalog().catalog
                let practice = try catalog.requireProvider(id, kind: .gp)
                let chosen = try HomeChoice.require(given: self.home, option: "--home", global: global, catalog: catalog)
                let home = chosen.entry
                let answer = GPRegistration.answer(practice, home: home, in: catalog)
                if format == .json {
                    Output.print(JSONValue.object([
                        ("id", .string(practice.id)), ("name", .string(practice.name)), ("home", .string(home.postcode)),
                        ("answer", .string(answer.headline)), ("reason", .string(answer.reason)),
                        ("alternatives", .array(answer.alternatives.map { alternative in
                            .object([("id", .string(alternative.provider.id)), ("name", .string(alternative.provider.name)),
                                     ("distance_m", .int(Int(alternative.metres.rounded())))])
                        })),
                        ("rights", .array(RegistrationAnswer.rights.map(JSONValue.string))),
                    ]).text() + "\n")
                    return
                }
                var out = "\(practice.name), from \(chosen.described): \(answer.headline).\n\(answer.reason)\n"
                if !answer.alternatives.isEmpty {
                    out += "\nOpen practices whose catchment covers your home, nearest first:\n"
                    let idWidth = answer.alternatives.map { DisplayWidth.of($0.provider.id) }.max() ?? 0
                    for alternative in answer.alternatives {
                        out += "  \(DisplayWidth.pad(alternative.provider.id, to: idWidth))  \(alternative.provider.name) — \(DistanceText.format(metres: alternative.metres))\n"
                    }
                }
                out += "\n" + RegistrationAnswer.rights.joined(separator: "\n") + "\n"
                Output.print(out)
            }
        }
    }

    struct Nearest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nearest", abstract: "GP practices nearest your home, with whether each covers it and is open.")

        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: ArgumentHelp("Your home postcode (default: the home saved in the full-screen program).", valueName: "postcode"), completion: CatalogCompletion.postcodes)
        var home: String?
        @Flag(name: .long, help: "Only practices taking new patients.")
        var openOnly = false
        @Flag(name: .long, help: "Only practices whose catchment area covers your home.")
        var coversHome = false
        @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many to show (default 10).", valueName: "n"))
        var limit: String?
        @Option(name: .long, help: ArgumentHelp("table, csv or json.", valueName: "format"))
        var format: String = "table"

        mutating func run() throws {
            try reportingFailures {
                let format = try OutputFormat.parse(format, allowed: [.table, .csv, .json])
                let count = try limit.map { try NumberArgument.whole($0, option: "--limit", in: 1...1_000, example: "5") } ?? 10
                let catalog = try global.loadCatalog().catalog
                let chosen = try HomeChoice.require(given: self.home, option: "--home", global: global, catalog: catalog)
                let home = chosen.entry
                let found = GPRegistration.nearest(home: home, in: catalog, openOnly: openOnly, coversHome: coversHome).prefix(count)
                let rows = found.map { entry -> [String] in
                    let gp = entry.provider.gp
                    let covers = gp.flatMap { GPRegistration.covers($0, home.location) }
                    return [entry.provider.id, entry.provider.name, DistanceText.format(metres: entry.metres),
                            gp?.acceptingNewPatients.map { $0 ? "yes" : "no" } ?? ShortText.notPublished,
                            covers.map { $0 ? "yes" : "no" } ?? ShortText.notPublished,
                            GPRegistration.answer(entry.provider, home: home, in: catalog).headline]
                }
                let headers = ["ID", "Name", "Distance", "Open list", "Covers home", "Can I register?"]
                switch format {
                case .json:
                    Output.print(JSONValue.array(zip(found, rows).map { entry, row in
                        .object([("id", .string(row[0])), ("name", .string(row[1])), ("distance_m", .int(Int(entry.metres.rounded()))),
                                 ("accepting_new_patients", entry.provider.gp?.acceptingNewPatients.map(JSONValue.bool) ?? .null),
                                 ("covers_home", entry.provider.gp.flatMap { GPRegistration.covers($0, home.location) }.map(JSONValue.bool) ?? .null),
                                 ("can_register", .string(row[5]))])
                    }).text() + "\n")
                case .csv:
                    Output.print(CSVWriter.row(headers.map { $0.lowercased().replacingOccurrences(of: " ", with: "_") })
                                 + rows.map { CSVWriter.row($0.map { $0 == ShortText.notPublished ? "" : CSVWriter.spreadsheetSafe($0) }) }.joined())
                default:
                    var out = "GP practices nearest \(chosen.described) — \(rows.count) shown. \(catalog.manifest.area.notice)\n\n"
                    out += rows.isEmpty ? "None match: try without --open-only or --covers-home.\n" : TextTable.render(headers: headers, rows: rows, rightAligned: [2], wrapping: true)
                    if rows.contains(where: { $0.contains(ShortText.notPublished) }) { out += "\n\(ShortText.notPublished) not published\n" }
                    Output.print(out)
                }
            }
        }
    }
}
