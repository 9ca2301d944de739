import AgoraStore
import ArgumentParser
import ChoiceKit
import SchoolChoice

struct SchoolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools", abstract: "Schools a child could apply to, nearest first, with the chance of a place.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var when: TodayOption
    @OptionGroup var entry: EntryOption

    @Option(name: .long, help: ArgumentHelp("The child's name, as saved with `agora child add`.", valueName: "name"))
    var child: String

    @Option(name: .long, help: ArgumentHelp("Only schools within this many kilometres (straight line).", valueName: "km"))
    var within: String?

    @Flag(name: .customLong("include-independent"), help: "Include fee-paying independent schools.")
    var includeIndependent = false

    @Option(name: .long, help: ArgumentHelp("table, csv or json.", valueName: "format"))
    var format: String = "table"

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.table, .csv, .json])
            let kilometres = try within.map { text throws(Failure) in try NumberArgument.kilometres(text, option: "--within", limit: 100) }
            let today = try when.date()
            let asked = try entry.entryPoint()
            let store = try SchoolSupport.openStore(global)
            let profile = try SchoolSupport.child(child, in: store)
            let loaded = try global.loadCatalog()
            let catalog = loaded.catalog
            let round = try SchoolSupport.round(for: profile, today: today, entry: asked, catalog: catalog)
            let options = EligibilityOptions(entry: round.entry, withinMetres: kilometres.map { $0 * 1000 },
                                             includeIndependent: includeIndependent)
            guard let schools = SchoolFinder.eligibleSchools(for: profile, in: catalog, options: options) else {
                throw Failure.usage("\(profile.name)'s home postcode \(MessageText.quoted(profile.homePostcode)) is not in this catalog — add the child again with a postcode from it")
            }
            let rows = schools.map { school in
                [school.provider.id, school.provider.name, MetresText.format(school.distanceMetres), school.chance.level.label,
                 school.chance.reason, school.notes.joined(separator: "; ")]
            }
            switch format {
            case .csv:
                // Metres as a number, named as the JSON names them, so a spreadsheet can sort by it.
                let csvRows = zip(schools, rows).map { school, row in
                    [row[0], row[1], String(Int(school.distanceMetres.rounded()))] + row[3...]
                }
                SchoolSupport.write(ExportTable(title: "", headers: ["id", "name", "distance_m", "chance", "reason", "notes"], rows: csvRows).csv())
            case .json:
                SchoolSupport.write(JSONValue.array(schools.map { school in
                    .object([
                        ("id", .string(school.provider.id)), ("name", .string(school.provider.name)),
                        ("distance_m", .int(Int(school.distanceMetres.rounded()))), ("chance", .string(school.chance.level.label)),
                        ("reason", .string(school.chance.reason)), ("notes", .array(school.notes.map(JSONValue.string))),
                    ])
                }).text())
            default:
                let table = ExportTable(
                    title: "Schools for \(profile.name): \(round.title) — \(schools.count) found.",
                    headers: ["ID", "School", "Distance", "Chance"],
                    rows: schools.map { school in
                        let notes = school.notes.isEmpty ? "" : " (\(school.notes.joined(separator: "; ")))"
                        return [school.provider.id, school.provider.name + notes, MetresText.format(school.distanceMetres),
                                "\(school.chance.level.label): \(school.chance.reason)"]
                    },
                    notes: [SchoolFinder.distanceNote, "Chances are estimates from last year's figures, not promises."])
                SchoolSupport.write(table.text())
            }
            loaded.saveSnapshot?.run()
        }
    }
}
