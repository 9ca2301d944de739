import AgoraStore
import ArgumentParser
import CareBudget
import ChoiceKit

/// New amounts from a date of the budget year, as the council's letter after a review or a
/// financial reassessment gives them; or, with --remove, a change entered by mistake taken out.
struct BudgetChangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change", abstract: "New amounts from a date, after the council reviews the budget or reassesses your contribution.",
        discussion: """
            Give the date the council's letter says the new amounts start, and only what changes. The change \
            counts from the budget week nearest that date; giving the same week again updates its change. \
            The plan and the ledger stay as they are. --remove takes out the change starting that week.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The budget's name.") var name: String
    @Option(help: ArgumentHelp("The date the new amounts start.", valueName: "date")) var from: String
    @Option(parsing: .unconditional, help: ArgumentHelp("The new whole personal budget a week.", valueName: "amount")) var weekly: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Your new assessed contribution a week.", valueName: "amount")) var contribution: String?
    @Option(name: .customLong("managed-share"), parsing: .unconditional,
            help: ArgumentHelp("For a mixed budget: the new part the council manages, a week.", valueName: "amount")) var managedShare: String?
    @Option(name: .customLong("assessed-hours"), help: ArgumentHelp("Hours of care a week the review found you need.", valueName: "n"))
    var assessedHours: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Why, e.g. \"annual review\".", valueName: "text")) var note: String?
    @Flag(help: "Take out the change starting in that week (entered by mistake).") var remove = false

    mutating func run() throws {
        try reportingFailures {
            let date = try BudgetInput.date(from, option: "--from")
            let store = try BudgetInput.store(global)
            let stored = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name) }
            let setup = stored.setup
            if remove {
                guard weekly == nil, contribution == nil, managedShare == nil, assessedHours == nil, note == nil else {
                    throw Failure.usage("--remove takes out a change; give only the budget and --from")
                }
                // The same date as given when saving it, or the week's first day, finds it.
                let week = setup.weekStart(nearest: date)
                try BudgetInput.stored { () throws(BudgetStoreError) in try store.removeChange(budget: setup.name, from: week) }
                print("Took out the change from \(week.long); the amounts before it apply again.")
                return
            }
            let weeklyAmount = try BudgetInput.optionalAmount(weekly, option: "--weekly")
            let contributionAmount = try BudgetInput.optionalAmount(contribution, option: "--contribution", allowZero: true)
            let managed = try BudgetInput.optionalAmount(managedShare, option: "--managed-share")
            let hours = try assessedHours.map { try BudgetInput.quantity($0, option: "--assessed-hours", unit: "hours", range: 0...168) }
            let noteText = try note.map { try BudgetInput.plainText($0, option: "--note", longest: ChangeInput.longestNote) } ?? ""
            let change: BudgetChange
            switch ChangeInput.make(setup: setup, from: date, weekly: weeklyAmount, contribution: contributionAmount,
                                    managedShare: managed, assessedHours: hours, note: noteText) {
            case .success(let value): change = value
            case .failure(let problem): throw Failure.usage(problem.description)
            }
            let replaced = try BudgetInput.stored { () throws(BudgetStoreError) in
                try store.addChange(change, budget: setup.name, on: BudgetInput.today)
            }
            if change.from != date {
                print("Agora counts the budget by the week, from \(change.from.weekday.name)s: the change counts from \(change.from.long), the week nearest \(date.long).")
            }
            print((replaced ? "Updated the change from that week. " : "Saved. ") + BudgetText.safe(ChangeInput.summary(change, setup: setup)))
            let updated = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: setup.name) }
            print("The budget year now holds \(updated.setup.annualBudget.formatted) (\(BudgetText.safe(updated.setup.weeklyAmountsText))).")
        }
    }
}
