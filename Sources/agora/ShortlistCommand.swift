import AgoraStore
import ArgumentParser
import ChoiceKit

/// `agora shortlist`: the shortlist the full-screen program keeps (the same store), listed,
/// added to, taken from or cleared.
struct ShortlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortlist", abstract: "Your shortlist, the same one the full-screen program keeps.",
        subcommands: [List.self, Add.self, Remove.self, Clear.self], defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The providers on your shortlist, in the order they were added.")

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("table, csv or json.", valueName: "format"))
        var format: String = "table"

        mutating func run() throws {
            try reportingFailures {
                let format = try OutputFormat.parse(format, allowed: [.table, .csv, .json])
                let catalog = try global.loadCatalog().catalog
                let entries = try ShortlistStore.entries(try SchoolSupport.openStore(global))
                Output.print(ShortlistOutput(catalog: catalog, entries: entries).render(format))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add providers to your shortlist by id.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var today: TodayOption

        @Argument(help: ArgumentHelp("Provider ids, as `agora list` shows them.", valueName: "id"), completion: CatalogCompletion.ids())
        var ids: [String]

        mutating func run() throws {
            try reportingFailures {
                let catalog = try global.loadCatalog().catalog
                // Every id is checked before anything is saved: all or nothing.
                let providers = try ids.map { try catalog.requireProvider($0) }
                let date = try today.date()
                let store = try SchoolSupport.openStore(global)
                let before = Set(try ShortlistStore.entries(store).map(\.providerID))
                for provider in providers where !before.contains(provider.id) {
                    do { try store.addToShortlist(providerID: provider.id, kind: provider.kind, on: date) } catch { throw Failure.failed("\(error)") }
                }
                let count = try ShortlistStore.entries(store).count
                for provider in providers {
                    let already = before.contains(provider.id)
                    Output.print("\(already ? "Already on" : "Added to") your shortlist: \(provider.name) (\(provider.id)).\n")
                }
                Output.print("Your shortlist has \(count) provider\(count == 1 ? "" : "s").\n")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Take providers off your shortlist by id.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Provider ids on your shortlist.", valueName: "id"), completion: CatalogCompletion.ids())
        var ids: [String]

        mutating func run() throws {
            try reportingFailures {
                let store = try SchoolSupport.openStore(global)
                let listed = try ShortlistStore.entries(store).map(\.providerID)
                let found = try ids.map { id in
                    guard let match = listed.first(where: { $0 == id || $0 == id.uppercased() }) else {
                        throw Failure.usage("\(MessageText.quoted(id)) is not on your shortlist — `agora shortlist` shows what is")
                    }
                    return match
                }
                for id in found {
                    do { try store.removeFromShortlist(providerID: id) } catch { throw Failure.failed("\(error)") }
                }
                let count = try ShortlistStore.entries(store).count
                Output.print("Removed \(found.joined(separator: ", ")). Your shortlist has \(count) provider\(count == 1 ? "" : "s").\n")
            }
        }
    }

    struct Clear: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "clear", abstract: "Empty your shortlist.")

        @OptionGroup var global: GlobalOptions

        mutating func run() throws {
            try reportingFailures {
                let store = try SchoolSupport.openStore(global)
                let removed: Int
                do { removed = try store.clearShortlist() } catch { throw Failure.failed("\(error)") }
                Output.print("Cleared your shortlist (\(removed) removed).\n")
            }
        }
    }
}

enum ShortlistStore {
    static func entries(_ store: AgoraStore) throws -> [ShortlistEntry] {
        do { return try store.shortlist() } catch { throw Failure.failed("\(error)") }
    }
}

/// The shortlist as a table for people, or typed records (with the date each was added) for programs.
struct ShortlistOutput {
    let catalog: Catalog
    let entries: [ShortlistEntry]

    private static let fields = ["id", "name", "kind", "sub_type", "town", "postcode", "added_on"]

    private func values(_ entry: ShortlistEntry) -> [FieldValue] {
        let provider = catalog.provider(id: entry.providerID)
        return [.text(entry.providerID), .text(provider?.name), .text(provider?.kind.rawValue ?? entry.kind), .text(provider?.subType),
                .text(provider?.town), .text(provider?.postcode), .date(entry.addedDate)]
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .csv:
            return CSVWriter.row(Self.fields) + entries.map { CSVWriter.row(values($0).map(ProviderRecordOutput.cell)) }.joined()
        case .json:
            return JSONValue.array(entries.map { .object(zip(Self.fields, values($0)).map { ($0, $1.json) }) }).text() + "\n"
        default:
            let here = entries.filter { catalog.provider(id: $0.providerID) != nil }
            // Kept from another catalog (the shortlist is one for every catalog): named, not shown as empty rows.
            let elsewhere = entries.filter { catalog.provider(id: $0.providerID) == nil }.map { TextSafety.inert($0.providerID) }
            let area = TextSafety.inert(catalog.manifest.area.name)
            let others = elsewhere.isEmpty ? "" : "\(here.isEmpty ? "" : "\n")Also on it, from another catalog: \(elsewhere.joined(separator: ", ")) — not in this catalog; give theirs with --catalog DIR to see them.\n"
            guard !here.isEmpty else {
                return (entries.isEmpty ? "Your shortlist is empty." : "Nothing on your shortlist is in \(area)'s catalog.")
                    + " `agora shortlist add ID` adds a provider; so does Space in the full-screen program.\n" + others
            }
            let rows = here.map { entry in
                values(entry).map { TextSafety.inert($0.csvText.isEmpty ? ShortText.notPublished : $0.csvText) }
            }
            return "Your shortlist — \(here.count) provider\(here.count == 1 ? "" : "s").\n\n"
                + TextTable.render(headers: ["ID", "Name", "Kind", "Type", "Town", "Postcode", "Added"], rows: rows) + others
        }
    }
}
