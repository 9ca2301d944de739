import AgoraStore
import ArgumentParser
import ChoiceKit
import SchoolChoice

struct PrioritiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priorities", abstract: "What matters to you when comparing schools, each 0 to 5 (used by `agora compare --child`).",
        subcommands: [PrioritiesSet.self, PrioritiesShow.self])
}

struct PrioritiesSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set weights, e.g. distance=5 results=3 faith=0 (the rest stay as they are).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The child's name.", valueName: "name"))
    var child: String

    @Argument(help: ArgumentHelp("priority=weight: distance, results, inspection, chance, faith, size, clubs; 0 to 5.", valueName: "priority=weight"))
    var weights: [String]

    mutating func run() throws {
        try reportingFailures {
            let store = try SchoolSupport.openStore(global)
            let profile = try SchoolSupport.child(child, in: store)
            var priorities = (try? store.priorities(ofChild: profile.name)) ?? ParentPriorities()
            for item in weights {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                let names = Priority.allCases.map(\.rawValue).joined(separator: ", ")
                guard parts.count == 2, let priority = Priority(rawValue: parts[0].lowercased()) else {
                    throw Failure.usage("\(MessageText.quoted(item)) is not priority=weight — use one of \(names), e.g. distance=5")
                }
                guard let weight = Int(parts[1]), ParentPriorities.range.contains(weight) else {
                    throw Failure.usage("\(MessageText.quoted(item)): the weight must be a whole number from 0 to 5 — e.g. distance=5")
                }
                priorities.set(priority, to: weight)
            }
            do { try store.setPriorities(priorities, ofChild: profile.name) } catch { throw Failure.failed("\(error)") }
            SchoolSupport.write(PrioritiesShow.text(priorities, child: profile.name))
        }
    }
}

struct PrioritiesShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A child's priorities and how the score uses them.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The child's name.", valueName: "name"))
    var child: String

    mutating func run() throws {
        try reportingFailures {
            let store = try SchoolSupport.openStore(global)
            let profile = try SchoolSupport.child(child, in: store)
            let saved = (try? store.priorities(ofChild: profile.name)) ?? nil
            SchoolSupport.write(Self.text(saved ?? ParentPriorities(), child: profile.name) + (saved == nil ? "(Not set yet: every priority counts 3.)\n" : ""))
        }
    }

    static func text(_ priorities: ParentPriorities, child: String) -> String {
        let table = ExportTable(title: "Priorities for \(child)", headers: ["Priority", "Weight", "How a school is measured"],
                                rows: Priority.allCases.map { [$0.rawValue, "\(priorities.weight($0)) of 5", $0.measureExplanation] },
                                notes: [ScoreCalculator.explanation])
        return table.text(width: 100)
    }
}
