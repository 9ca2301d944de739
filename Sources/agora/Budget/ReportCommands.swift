import AgoraStore
import ArgumentParser
import CareBudget
import ChoiceKit

struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Every entry between two dates with the running balance, as a table, CSV or Markdown.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Option(help: ArgumentHelp("First day (default: the start of the budget year).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("Last day (default: the end of the budget year).", valueName: "date")) var to: String?
    @Option(help: ArgumentHelp("table, csv or md.", valueName: "format")) var format: String = "table"

    mutating func run() throws {
        try reportingFailures {
            let format = format.lowercased()
            guard ["table", "csv", "md"].contains(format) else {
                throw Failure.usage("--format: \"\(TextSafety.inert(self.format))\" is not a format here — use table, csv or md")
            }
            let fromDate = try from.map { try BudgetInput.date($0, option: "--from") }
            let toDate = try to.map { try BudgetInput.date($0, option: "--to") }
            if let fromDate, let toDate, toDate < fromDate {
                throw Failure.usage("--to: \(toDate.iso) is before --from \(fromDate.iso) — give the earlier date first")
            }
            let store = try BudgetInput.store(global)
            let stored = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name) }
            let lastEntry = stored.ledger.entries.map(\.date).max() ?? stored.setup.end
            let statement = Statement(budgetName: stored.setup.name, ledger: stored.ledger, from: fromDate ?? stored.setup.start,
                                      to: toDate ?? max(stored.setup.end, lastEntry))
            switch format {
            case "csv": print(BudgetExport.statementCSV(statement), terminator: "")
            case "md": print(BudgetExport.statementMarkdown(statement), terminator: "")
            default: print(BudgetText.statement(statement), terminator: "")
            }
        }
    }
}

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Where the money is heading by the end of the budget year, in words and as a chart.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Option(help: ArgumentHelp("Project from this day (default: today).", valueName: "date")) var on: String?
    @Flag(help: "Draw the chart with ASCII characters only.") var ascii = false

    mutating func run() throws {
        try reportingFailures {
            let requested = try on.map { try BudgetInput.date($0, option: "--on") } ?? BudgetInput.today
            let catalog = try global.loadCatalog().catalog
            let store = try BudgetInput.store(global)
            let stored = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name) }
            let policies = BudgetPolicies(manifest: catalog.manifest)
            // After the year there is nothing left to project: the figures are the year's end, as on the budget's page.
            let asOf = min(requested, stored.setup.end)
            if asOf < requested {
                print("The budget year ended on \(asOf.long): these are the figures at its end.")
            }
            let projection = Projection(setup: stored.setup, plan: stored.plan, ledger: stored.ledger, policies: policies, asOf: asOf)
            let report = PlannedVsActual(setup: stored.setup, plan: stored.plan, ledger: stored.ledger, asOf: asOf)
            print(BudgetText.projection(projection, report: report, ascii: ascii), terminator: "")
        }
    }
}
