import AgoraStore
import ArgumentParser
import ChoiceKit
import SchoolChoice

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Up to six schools side by side, with the best in each row marked ★.",
        discussion: "Distances are from your saved home postcode; with --child, from the child's home, with the chance of a place and a score weighted by the child's priorities (`agora priorities set`); without, by the default priorities.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var when: TodayOption
    @OptionGroup var entry: EntryOption

    @Argument(help: ArgumentHelp("School ids, as shown by `agora list --kind school` (at most 6).", valueName: "id"), completion: CatalogCompletion.ids(of: [.school]))
    var ids: [String]

    @Option(name: .long, help: ArgumentHelp("The child's name, for distances, chances and a score.", valueName: "name"))
    var child: String?

    @Option(name: .long, help: ArgumentHelp("table, md, csv or json.", valueName: "format"))
    var format: String = "table"

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.table, .md, .csv, .json])
            guard !ids.isEmpty else { throw Failure.usage("no schools given — name 1 to 6 school ids, e.g. agora compare S900001 S900003") }
            let today = try when.date()
            let asked = try entry.entryPoint()
            let loaded = try global.loadCatalog()
            let catalog = loaded.catalog
            let schools = try SchoolSupport.schools(ids, in: catalog, limit: SchoolComparison.maximumSchools,
                                                    limitReason: "a comparison shows at most \(SchoolComparison.maximumSchools)")
            var profile: ChildProfile?
            var priorities = ParentPriorities()
            var round: AdmissionsRound?
            if let child {
                let store = try SchoolSupport.openStore(global)
                let found = try SchoolSupport.child(child, in: store)
                profile = found
                round = try SchoolSupport.round(for: found, today: today, entry: asked, catalog: catalog)
                if let saved = try? store.priorities(ofChild: found.name) { priorities = saved }
            }
            // Without a child, distances are from the saved home postcode, as on the full screen.
            let savedHome = profile == nil ? (try? HomeChoice.find(given: nil, option: "--child", global: global, catalog: catalog)) ?? nil : nil
            let comparison = SchoolComparison(schools: schools, catalog: catalog, child: profile, entry: round?.entry ?? asked,
                                              priorities: priorities, home: savedHome?.entry.location)
            let grid = comparison.grid
            switch format {
            case .md: SchoolSupport.write(grid.markdown())
            case .csv: SchoolSupport.write(grid.csv())
            case .json: SchoolSupport.write(grid.json().text())
            default: SchoolSupport.write(grid.text(width: 110))
            }
            loaded.saveSnapshot?.run()
        }
    }
}
