import AgoraStore
import ArgumentParser
import CareBudget
import ChoiceKit

struct BudgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget", abstract: "Set up a care budget, plan its spending, record what is spent and see where it is heading.",
        discussion: "Amounts are pounds and pence: £1,234.50, 1234.5 or 1234. Dates are YYYY-MM-DD or DD/MM/YYYY.",
        subcommands: [NewBudget.self, ListBudgets.self, ShowBudget.self, BudgetChangeCommand.self, RemoveBudget.self, BudgetPlanCommand.self, PayCommand.self,
                      ReceiveCommand.self, RefundCommand.self, ReverseCommand.self, StatementCommand.self, ProjectCommand.self])
}

struct NewBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Set up a personal budget as the council's letter gives it.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget, e.g. Mum.") var name: String
    @Option(parsing: .unconditional, help: ArgumentHelp("The whole personal budget a week.", valueName: "amount")) var weekly: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The whole personal budget a year (52 weeks).", valueName: "amount")) var annual: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Your assessed contribution a week.", valueName: "amount")) var contribution: String?
    @Option(help: ArgumentHelp("direct, managed, isf or mixed.", valueName: "mode")) var mode: String
    @Option(name: .customLong("managed-share"), parsing: .unconditional,
            help: ArgumentHelp("For a mixed budget: the part the council manages, a week.", valueName: "amount")) var managedShare: String?
    @Option(help: ArgumentHelp("The first day of the budget year.", valueName: "date")) var start: String
    @Option(name: .customLong("assessed-hours"), help: ArgumentHelp("Hours of care a week the assessment found you need.", valueName: "n"))
    var assessedHours: String?
    @Option(name: .customLong("fund-holder"), help: ArgumentHelp("For an individual service fund: the provider id holding it.", valueName: "id"))
    var fundHolder: String?

    static let modes: [String: BudgetRoute] = ["direct": .directPayment, "managed": .councilManaged, "isf": .individualServiceFund,
                                               "mixed": .mixed]

    mutating func run() throws {
        try reportingFailures {
            let name = try BudgetInput.name(name)
            guard let route = Self.modes[mode.lowercased()] else {
                throw Failure.usage("--mode: \"\(TextSafety.inert(mode))\" is not a way of receiving a budget — use direct, managed, isf or mixed")
            }
            let start = try BudgetInput.date(start, option: "--start")
            let weekly = try BudgetInput.optionalAmount(weekly, option: "--weekly")
            let annual = try BudgetInput.optionalAmount(annual, option: "--annual")
            let contribution = try BudgetInput.optionalAmount(contribution, option: "--contribution", allowZero: true)
            let managed = try BudgetInput.optionalAmount(managedShare, option: "--managed-share")
            let hours = try assessedHours.map { try BudgetInput.quantity($0, option: "--assessed-hours", unit: "hours", range: 0...168) }
            if fundHolder != nil, route != .individualServiceFund {
                throw Failure.usage("--fund-holder is only for an individual service fund — use --mode isf, or leave it out")
            }
            let catalog = try global.loadCatalog().catalog
            if let fundHolder, catalog.provider(id: fundHolder)?.care == nil {
                throw Failure.usage("--fund-holder: \"\(TextSafety.inert(fundHolder))\" is not a care provider in the catalog — see agora list --kind care")
            }
            let setup: BudgetSetup
            switch SetupInput.make(name: name, start: start, weekly: weekly, annual: annual, contribution: contribution, route: route,
                                   managedShare: managed, fundHolderID: fundHolder, assessedHours: hours) {
            case .success(let value): setup = value
            case .failure(let problem): throw Failure.usage(problem.description)
            }
            let store = try BudgetInput.store(global)
            try BudgetInput.stored { () throws(BudgetStoreError) in try store.createBudget(setup, on: BudgetInput.today) }
            print("Saved the budget \"\(BudgetText.safe(setup.name))\".")
            print(BudgetText.setup(setup, policies: BudgetPolicies(manifest: catalog.manifest)), terminator: "")
        }
    }
}

struct ListBudgets: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List your budgets with their balances.")

    @OptionGroup var global: GlobalOptions

    mutating func run() throws {
        try reportingFailures {
            let store = try BudgetInput.store(global)
            let setups = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budgets() }
            guard !setups.isEmpty else {
                print("No budgets yet. Set one up with agora budget new NAME --weekly AMOUNT --mode direct --start YYYY-MM-DD.")
                return
            }
            let rows = try setups.map { setup -> [String] in
                let stored = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: setup.name) }
                return [BudgetText.safe(setup.name), setup.terms(on: BudgetInput.today).weeklyBudget.formatted, setup.route.label, setup.start.iso, setup.end.iso,
                        "\(stored.plan.count)", stored.ledger.balance.formatted]
            }
            print(BudgetText.table(["Name", "Weekly", "Received as", "Start", "End", "Lines", "Balance"], rows, right: [1, 5, 6]),
                  terminator: "")
        }
    }
}

struct RemoveBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a budget set up by mistake (one with ledger entries is kept: a ledger is never deleted).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String

    mutating func run() throws {
        try reportingFailures {
            let store = try BudgetInput.store(global)
            try BudgetInput.stored { () throws(BudgetStoreError) in try store.removeBudget(named: name) }
            print("Removed the budget \"\(BudgetText.safe(name))\" and its plan.")
        }
    }
}

struct ShowBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "The budget, its plan with weekly and yearly costs, the warnings and the balance.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Whose budget.") var name: String
    @Option(help: ArgumentHelp("text, md or csv (md and csv give the plan, for the council's review).", valueName: "format"))
    var format: String = "text"

    mutating func run() throws {
        try reportingFailures {
            let format = format.lowercased()
            guard ["text", "md", "csv"].contains(format) else {
                throw Failure.usage("--format: \"\(TextSafety.inert(self.format))\" is not a format here — use text, md or csv")
            }
            let catalog = try global.loadCatalog().catalog
            let store = try BudgetInput.store(global)
            let stored = try BudgetInput.stored { () throws(BudgetStoreError) in try store.budget(named: name) }
            let policies = BudgetPolicies(manifest: catalog.manifest)
            let summary = PlanSummary(setup: stored.setup, plan: stored.plan)
            let warnings = PlanRules.check(setup: stored.setup, plan: stored.plan, policies: policies) { catalog.provider(id: $0) }
            switch format {
            case "md": print(BudgetExport.planMarkdown(summary, setup: stored.setup, warnings: warnings), terminator: "")
            case "csv": print(BudgetExport.planCSV(summary), terminator: "")
            default:
                var out = BudgetText.setup(stored.setup, policies: policies) + "\n"
                out += BudgetText.plan(summary)
                out += BudgetText.warnings(warnings)
                out += "\nBalance: \(stored.ledger.balance.formatted) after \(stored.ledger.entries.count) entr\(stored.ledger.entries.count == 1 ? "y" : "ies").\n"
                out += "\nCouncil policies (\(BudgetText.safe(policies.source.year))):\n"
                out += policies.summary.map { "  \($0.label): \(BudgetText.safe($0.value))\n" }.joined()
                print(out, terminator: "")
            }
        }
    }
}
