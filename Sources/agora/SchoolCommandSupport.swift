import AgoraStore
import ArgumentParser
import ChoiceKit
import Foundation
import SchoolChoice

/// The commands for choosing schools for a child, registered in `Agora` in one line.
enum SchoolCommands {
    static let all: [ParsableCommand.Type] = [
        ChildCommand.self, SchoolsCommand.self, CompareCommand.self, PreferencesCommand.self, PrioritiesCommand.self,
    ]
}

/// `--today`: work dates out as if it were another day (planning ahead, or checking last year).
struct TodayOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Work dates out as if today were this day (YYYY-MM-DD).", valueName: "date"))
    var today: String?

    func date() throws -> CalendarDate {
        guard let today else { return Today.date }
        guard let date = CalendarDate.parseTyped(today) else {
            throw Failure.usage("--today \(MessageText.quoted(today)) is not a date — use YYYY-MM-DD or DD/MM/YYYY")
        }
        return date
    }
}

/// `--entry`: Reception, Year 3 (junior schools), Year 7 or Year 12 instead of the next one.
struct EntryOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("reception, year3 (junior schools), year7 or year12; default: the child's next.", valueName: "entry"))
    var entry: String?

    func entryPoint() throws -> EntryPoint? {
        guard let entry else { return nil }
        guard let point = EntryPoint(rawValue: entry.lowercased().replacingOccurrences(of: " ", with: "")) else {
            throw Failure.usage("unknown entry \(MessageText.quoted(entry)) — use reception, year3, year7 or year12")
        }
        return point
    }
}

enum SchoolSupport {
    static func openStore(_ global: GlobalOptions) throws -> AgoraStore {
        do {
            return try AgoraStore(directory: global.dataDirectory)
        } catch {
            throw Failure.failed("\(error)")
        }
    }

    /// The stored child, matched without regard to case.
    static func child(_ name: String, in store: AgoraStore) throws -> ChildProfile {
        let found: ChildProfile?
        do { found = try store.child(named: name) } catch { throw Failure.failed("\(error)") }
        guard let found else {
            throw Failure.usage("unknown child \(MessageText.quoted(name)) — `agora child list` shows the children saved, `agora child add` adds one")
        }
        return found
    }

    /// A school of the catalog by id (any case).
    static func school(_ id: String, in catalog: Catalog) throws -> Provider {
        guard let provider = catalog.provider(id: id) ?? catalog.provider(id: id.uppercased()) else {
            throw Failure.usage("unknown school \(MessageText.quoted(id)) — `agora list --kind school` shows the ids")
        }
        guard provider.school != nil else {
            throw Failure.usage("\(MessageText.quoted(id)) is a \(provider.kind.singular), not a school — `agora list --kind school` shows the ids")
        }
        return provider
    }

    /// Ids given on the command line as schools, each once, at most `limit`.
    static func schools(_ ids: [String], in catalog: Catalog, limit: Int, limitReason: String) throws -> [Provider] {
        guard ids.count <= limit else {
            throw Failure.usage("\(ids.count) schools given, but \(limitReason) — name at most \(limit)")
        }
        var found: [Provider] = []
        for id in ids {
            let provider = try school(id, in: catalog)
            guard !found.contains(where: { $0.id == provider.id }) else {
                throw Failure.usage("\(MessageText.quoted(provider.id)) is given twice — name each school once")
            }
            found.append(provider)
        }
        return found
    }

    static func round(for child: ChildProfile, today: CalendarDate, entry: EntryPoint?, catalog: Catalog) throws -> AdmissionsRound {
        guard let round = AdmissionsRound.next(for: child, today: today, asked: entry, council: catalog.manifest.admissions) else {
            let what = entry.map { "\($0.label) has already started for \(child.name)" } ?? "\(child.name) has no school entry point ahead"
            throw Failure.usage("\(TextSafety.inert(what)) — choose another with --entry, or another child")
        }
        return round
    }

    /// Through the program's one checked output path, ending with a line break.
    static func write(_ text: String) {
        Output.print(text.hasSuffix("\n") ? text : text + "\n")
    }
}

extension CalendarDate {
    /// For options: `2015-09-10` or `10/09/2015`, or a message naming the option.
    static func fromOption(_ text: String, option: String) throws -> CalendarDate {
        guard let date = CalendarDate.parseTyped(text) else {
            throw Failure.usage("\(option) \(MessageText.quoted(text)) is not a date — use YYYY-MM-DD or DD/MM/YYYY, e.g. 2015-09-10")
        }
        return date
    }
}
