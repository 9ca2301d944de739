import AgoraStore
import ArgumentParser
import ChoiceKit
import SchoolChoice

struct PreferencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preferences", abstract: "A child's ranked preference list for the council's application.",
        subcommands: [PreferencesSet.self, PreferencesShow.self])
}

/// What `set` and `show` share: the child, the round and the review of the list.
private struct PreferenceContext {
    let child: ChildProfile
    let catalog: Catalog
    let round: AdmissionsRound
    let allowed: Int

    init(name: String, global: GlobalOptions, today: CalendarDate, entry: EntryPoint?, store: AgoraStore, catalog: Catalog) throws {
        child = try SchoolSupport.child(name, in: store)
        self.catalog = catalog
        round = try SchoolSupport.round(for: child, today: today, entry: entry, catalog: catalog)
        allowed = PreferenceReview.allowed(for: round, council: catalog.manifest.admissions)
    }

    func render(_ review: PreferenceReview, format: OutputFormat) -> String {
        let table = review.exportTable()
        switch format {
        case .md: return table.markdown()
        case .csv: return table.csv()
        case .json:
            return JSONValue.object([
                ("child", .string(child.name)), ("round", .string(round.title)),
                ("closing_date", .optional(round.closingDate?.iso)), ("offer_day", .optional(round.offerDay?.iso)),
                ("allowed", .int(allowed)),
                ("preferences", .array(review.rows.map { row in
                    .object([
                        ("rank", .int(row.rank)), ("id", .string(row.schoolID)), ("name", .string(row.name)),
                        ("distance_m", row.distanceMetres.map { .int(Int($0.rounded())) } ?? .null),
                        ("chance", .string(row.chance.level.label)), ("reason", .string(row.chance.reason)),
                    ])
                })),
                ("warnings", .array(review.warnings.map { .string($0.message) })),
                ("equal_preference", .string(PreferenceReview.equalPreference)),
            ]).text()
        default:
            return table.text(width: 100)
        }
    }
}

struct PreferencesSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Rank schools for a child, first preference first (replaces the list).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var when: TodayOption
    @OptionGroup var entry: EntryOption

    @Option(name: .long, help: ArgumentHelp("The child's name.", valueName: "name"))
    var child: String

    @Argument(help: ArgumentHelp("School ids in order of preference.", valueName: "id"), completion: CatalogCompletion.ids(of: [.school]))
    var ids: [String]

    @Option(name: .long, help: ArgumentHelp("table, md, csv or json.", valueName: "format"))
    var format: String = "table"

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.table, .md, .csv, .json])
            guard !ids.isEmpty else { throw Failure.usage("no schools given — list school ids in order of preference") }
            let today = try when.date()
            let store = try SchoolSupport.openStore(global)
            let loaded = try global.loadCatalog()
            let context = try PreferenceContext(name: child, global: global, today: today, entry: try entry.entryPoint(),
                                                store: store, catalog: loaded.catalog)
            let council = loaded.catalog.manifest.admissions.map { $0.preferencesSource } ?? "the law's minimum"
            let schools = try SchoolSupport.schools(ids, in: loaded.catalog, limit: context.allowed,
                                                    limitReason: "\(council) allows \(context.allowed) for \(context.round.entry.label)")
            let list: PreferenceList
            do { list = try PreferenceList.make(schools.map(\.id), allowed: context.allowed) } catch { throw Failure.usage("\(error)") }
            do { try store.setPreferences(list.schoolIDs, ofChild: context.child.name) } catch { throw Failure.failed("\(error)") }
            let review = PreferenceReview(child: context.child, list: list, round: context.round, catalog: loaded.catalog, today: today)
            SchoolSupport.write(context.render(review, format: format))
        }
    }
}

struct PreferencesShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "A child's preference list with chances, warnings and the equal-preference system.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var when: TodayOption
    @OptionGroup var entry: EntryOption

    @Option(name: .long, help: ArgumentHelp("The child's name.", valueName: "name"))
    var child: String

    @Option(name: .long, help: ArgumentHelp("table, md, csv or json.", valueName: "format"))
    var format: String = "table"

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.table, .md, .csv, .json])
            let today = try when.date()
            let store = try SchoolSupport.openStore(global)
            let loaded = try global.loadCatalog()
            let context = try PreferenceContext(name: child, global: global, today: today, entry: try entry.entryPoint(),
                                                store: store, catalog: loaded.catalog)
            let ids: [String]
            do { ids = try store.preferences(ofChild: context.child.name) } catch { throw Failure.failed("\(error)") }
            // A list saved under a larger allowance still shows whole; the warnings say what to change.
            let list = PreferenceList(schoolIDs: ids, allowed: max(context.allowed, ids.count))
            let review = PreferenceReview(child: context.child, list: list, round: context.round, catalog: loaded.catalog, today: today)
            SchoolSupport.write(context.render(review, format: format))
        }
    }
}
