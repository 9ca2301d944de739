import ArgumentParser
import CareBudget
import ChoiceKit

struct ChargeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge", abstract: "Estimate what the council may charge for care.", subcommands: [EstimateCharge.self])
}

struct EstimateCharge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate", abstract: "An estimate of the most you can be asked to pay a week, with every figure it uses.")

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: ArgumentHelp("Savings and other capital, not counting the home.", valueName: "amount"))
    var capital: String
    @Option(name: .customLong("weekly-income"), parsing: .unconditional, help: ArgumentHelp("Income a week (pensions, benefits).", valueName: "amount"))
    var weeklyIncome: String
    @Option(help: ArgumentHelp("Age in years.", valueName: "n")) var age: Int
    @Option(help: ArgumentHelp("home or care-home.", valueName: "setting")) var setting: String
    @Option(name: .customLong("home-value"), parsing: .unconditional, help: ArgumentHelp("For a care-home resident: the value of their home.", valueName: "amount"))
    var homeValue: String?
    @Flag(help: "The care home provides nursing.") var nursing = false
    @Flag(name: .customLong("disability-premium"), help: "You would qualify for the disability premium.") var disabilityPremium = false
    @Flag(name: .customLong("enhanced-disability-premium"), help: "You would qualify for the enhanced disability premium.")
    var enhancedDisabilityPremium = false
    @Option(parsing: .unconditional, help: ArgumentHelp("Disability-related expenditure a week (default: the council's standard allowance).", valueName: "amount"))
    var dre: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The Minimum Income Guarantee your council uses, a week.", valueName: "amount"))
    var mig: String?
    @Option(help: ArgumentHelp("The day to estimate for (default: today).", valueName: "date")) var on: String?

    mutating func run() throws {
        try reportingFailures {
            let capital = try BudgetInput.amount(capital, option: "--capital", allowZero: true)
            let income = try BudgetInput.amount(weeklyIncome, option: "--weekly-income", allowZero: true)
            guard (18...120).contains(age) else { throw Failure.usage("--age: \(age) is not an adult's age — give the age in years, 18 to 120") }
            guard let setting = CareSetting(rawValue: setting.lowercased()) else {
                throw Failure.usage("--setting: \"\(TextSafety.inert(setting))\" is not where care is given — use home or care-home")
            }
            let home = try BudgetInput.optionalAmount(homeValue, option: "--home-value", allowZero: true)
            if home != nil, setting != .careHome { throw Failure.usage("--home-value counts only in a care home; the home you live in is not counted — leave it out") }
            let dre = try BudgetInput.optionalAmount(dre, option: "--dre", allowZero: true)
            let mig = try BudgetInput.optionalAmount(mig, option: "--mig")
            let date = try on.map { try BudgetInput.date($0, option: "--on") } ?? BudgetInput.today
            let catalog = try global.loadCatalog().catalog
            let input = ChargingInput(capital: capital, weeklyIncome: income, age: age, setting: setting, homeValue: home, nursing: nursing,
                                      disabilityPremium: disabilityPremium, enhancedDisabilityPremium: enhancedDisabilityPremium,
                                      disabilityRelatedExpenditure: dre, minimumIncomeGuarantee: mig)
            let estimate = ChargingEstimate(input, on: date, policies: BudgetPolicies(manifest: catalog.manifest))
            print(Self.text(estimate), terminator: "")
        }
    }

    static func text(_ estimate: ChargingEstimate) -> String {
        var out = "Care charging estimate (an estimate, using \(estimate.figuresYear) figures)\n"
        if let note = estimate.yearNote { out += note + "\n" }
        for phase in estimate.phases {
            out += "\n\(phase.title)\n"
            let width = phase.steps.map { DisplayWidth.of($0.label) }.max() ?? 0
            for step in phase.steps {
                out += "  \(DisplayWidth.pad(step.label, to: width))  \(DisplayWidth.pad(step.amount.formatted, to: 12, alignRight: true))  \(BudgetText.safe(step.note))\n"
            }
            switch phase.result {
            case .paysFullCost(let limit):
                out += "  " + ChargingEstimate.fullCostSentence(above: limit) + "\n"
            case .mostPerWeek(let amount):
                out += "  Result: the most you can be asked to pay is \(amount.formatted) a week (or the cost of your care, if less).\n"
            case .incomplete(let reason):
                out += "  Result: not worked out — \(BudgetText.safe(reason)).\n"
            }
        }
        out += "\n" + estimate.notes.map { "- \(BudgetText.safe($0))\n" }.joined()
        out += "Sources: " + estimate.sources.map { BudgetText.safe($0.citation) }.joined(separator: "; ") + "\n"
        return out
    }
}
