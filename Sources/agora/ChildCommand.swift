import AgoraStore
import ArgumentParser
import ChoiceKit
import SchoolChoice

struct ChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "child", abstract: "The children you are choosing schools for.",
        subcommands: [ChildAdd.self, ChildList.self, ChildShow.self, ChildRemove.self])
}

struct ChildAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Save a child: date of birth, home postcode, siblings, care history, faith.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var when: TodayOption

    @Argument(help: ArgumentHelp("A name or nickname.", valueName: "name"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("Date of birth.", valueName: "YYYY-MM-DD"))
    var born: String

    @Option(name: .long, help: ArgumentHelp("Home postcode, for distances.", valueName: "postcode"), completion: CatalogCompletion.postcodes)
    var home: String

    @Option(name: .customLong("sibling-at"), help: ArgumentHelp("A school where a brother or sister is (repeat for more).", valueName: "id"), completion: CatalogCompletion.ids(of: [.school]))
    var siblingAt: [String] = []

    @Flag(name: .customLong("looked-after"), help: "The child is looked after by a council.")
    var lookedAfter = false

    @Flag(name: .customLong("previously-looked-after"), help: "The child was looked after (including adopted from care abroad).")
    var previouslyLookedAfter = false

    @Option(name: .long, help: ArgumentHelp("The family's faith as schools write it, e.g. \"Roman Catholic\".", valueName: "faith"))
    var faith: String?

    @Option(name: .customLong("ehc-plan-school"), help: ArgumentHelp("The school named in the child's EHC plan.", valueName: "id"), completion: CatalogCompletion.ids(of: [.school]))
    var ehcPlanSchool: String?

    @Option(name: .long, help: ArgumentHelp("boy or girl, to leave out single-sex schools of the other sex.", valueName: "sex"))
    var sex: String?

    mutating func run() throws {
        try reportingFailures {
            let today = try when.date()
            let birth = try CalendarDate.fromOption(born, option: "--born")
            if lookedAfter, previouslyLookedAfter {
                throw Failure.usage("--looked-after and --previously-looked-after both given — choose the one that applies")
            }
            var childSex: ChildSex?
            if let sex {
                guard let parsed = ChildSex(rawValue: sex.lowercased()) else {
                    throw Failure.usage("unknown sex \(MessageText.quoted(sex)) — use boy or girl, or leave it out")
                }
                childSex = parsed
            }
            let loaded = try global.loadCatalog()
            let catalog = loaded.catalog
            let siblings = try siblingAt.map { try SchoolSupport.school($0, in: catalog).id }
            let ehc = try ehcPlanSchool.map { try SchoolSupport.school($0, in: catalog).id }
            let postcode = catalog.postcode(home)?.postcode ?? home
            let child = ChildProfile(
                name: name.trimmingCharacters(in: .whitespaces), dateOfBirth: birth, homePostcode: postcode,
                siblingSchoolIDs: siblings, care: lookedAfter ? .lookedAfter : previouslyLookedAfter ? .previouslyLookedAfter : .none,
                faith: faith.flatMap { $0.isEmpty ? nil : $0 }, ehcPlanSchoolID: ehc, sex: childSex)
            if let problem = ChildProfileCheck.problems(child, today: today, catalog: catalog).first {
                throw Failure.usage(problem.description)
            }
            let store = try SchoolSupport.openStore(global)
            if (try? store.child(named: child.name)) != nil {
                throw Failure.usage("a child named \(MessageText.quoted(child.name)) is already saved — choose another name, or `agora child remove` first")
            }
            do { try store.addChild(child, on: today) } catch { throw Failure.failed("\(error)") }
            let summary = ChildSummary(child: child, today: today, council: catalog.manifest.admissions)
            SchoolSupport.write(TextSafety.inert("Saved \(child.name). " + ChildText.headline(summary)))
            loaded.saveSnapshot?.run()
        }
    }
}

struct ChildList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The children saved, with their school year and next round.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var when: TodayOption

    @Option(name: .long, help: ArgumentHelp("table or json.", valueName: "format"))
    var format: String = "table"

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.table, .json])
            let today = try when.date()
            let store = try SchoolSupport.openStore(global)
            let children: [ChildProfile]
            do { children = try store.children() } catch { throw Failure.failed("\(error)") }
            let loaded = try global.loadCatalog()
            let council = loaded.catalog.manifest.admissions
            let summaries = children.map { ChildSummary(child: $0, today: today, council: council) }
            if format == .json {
                SchoolSupport.write(JSONValue.array(summaries.map(ChildText.json)).text())
                return
            }
            guard !summaries.isEmpty else {
                SchoolSupport.write("No children saved yet. Add one with: agora child add NAME --born YYYY-MM-DD --home POSTCODE")
                return
            }
            let table = ExportTable(
                title: "Children saved (\(summaries.count))", headers: ["Name", "Born", "Now", "Next round", "Home"],
                rows: summaries.map { summary in
                    [summary.child.name, summary.child.dateOfBirth.short, summary.yearGroupText,
                     summary.round?.title ?? "no entry point ahead", summary.child.homePostcode]
                })
            SchoolSupport.write(table.text())
        }
    }
}

struct ChildShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A child's school year, round and timeline, with today marked.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var when: TodayOption
    @OptionGroup var entry: EntryOption

    @Argument(help: ArgumentHelp("The child's name.", valueName: "name"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("text or json.", valueName: "format"))
    var format: String = "text"

    mutating func run() throws {
        try reportingFailures {
            let format = try OutputFormat.parse(format, allowed: [.text, .json])
            let today = try when.date()
            let asked = try entry.entryPoint()
            let store = try SchoolSupport.openStore(global)
            let child = try SchoolSupport.child(name, in: store)
            let loaded = try global.loadCatalog()
            let summary = ChildSummary(child: child, today: today, asked: asked, council: loaded.catalog.manifest.admissions)
            SchoolSupport.write(format == .json ? ChildText.json(summary).text() : ChildText.full(summary, catalog: loaded.catalog))
        }
    }
}

struct ChildRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Forget a child, with their preference list and priorities.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The child's name.", valueName: "name"))
    var name: String

    mutating func run() throws {
        try reportingFailures {
            let store = try SchoolSupport.openStore(global)
            let child = try SchoolSupport.child(name, in: store)
            do { try store.removeChild(named: child.name) } catch { throw Failure.failed("\(error)") }
            SchoolSupport.write(TextSafety.inert("Removed \(child.name), with their preference list and priorities."))
        }
    }
}
