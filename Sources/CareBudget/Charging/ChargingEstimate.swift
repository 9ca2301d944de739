import ChoiceKit

/// Where care is received, for the means test.
public enum CareSetting: String, CaseIterable, Hashable, Sendable {
    case home
    case careHome = "care-home"
}

/// What a person tells the estimate about themselves. Amounts are weekly except capital.
public struct ChargingInput: Hashable, Sendable {
    /// Savings and other capital, not counting the home.
    public var capital: Money
    /// Income a week that counts in the means test (pensions, most benefits).
    public var weeklyIncome: Money
    public var age: Int
    public var setting: CareSetting
    /// A care-home resident's own home, counted after the 12-week disregard.
    public var homeValue: Money?
    /// A care-home resident in a home with nursing (the NHS pays the nursing part).
    public var nursing: Bool
    public var disabilityPremium: Bool
    public var enhancedDisabilityPremium: Bool
    /// Disability-related expenditure a week; nil uses the council's standard allowance if published.
    public var disabilityRelatedExpenditure: Money?
    /// The Minimum Income Guarantee the council uses, when the person knows it.
    public var minimumIncomeGuarantee: Money?

    public init(capital: Money, weeklyIncome: Money, age: Int, setting: CareSetting, homeValue: Money? = nil, nursing: Bool = false,
                disabilityPremium: Bool = false, enhancedDisabilityPremium: Bool = false,
                disabilityRelatedExpenditure: Money? = nil, minimumIncomeGuarantee: Money? = nil) {
        self.capital = capital
        self.weeklyIncome = weeklyIncome
        self.age = age
        self.setting = setting
        self.homeValue = homeValue
        self.nursing = nursing
        self.disabilityPremium = disabilityPremium
        self.enhancedDisabilityPremium = enhancedDisabilityPremium
        self.disabilityRelatedExpenditure = disabilityRelatedExpenditure
        self.minimumIncomeGuarantee = minimumIncomeGuarantee
    }
}

/// A care charging estimate, clearly an estimate: every figure used, its year and source, and the
/// most the person can be asked to pay a week (or that they pay the full cost).
public struct ChargingEstimate: Hashable, Sendable {
    public enum Result: Hashable, Sendable {
        /// Capital above the upper limit (given): the person pays the full cost of their care.
        case paysFullCost(above: Money)
        /// The most the council can ask a week.
        case mostPerWeek(Money)
        /// A figure needed for the income part is not known; `reason` says which and what to do.
        case incomplete(reason: String)
    }

    /// The result for capital above the upper limit, in words, with the limit.
    public static func fullCostSentence(above limit: Money) -> String {
        "Result: your capital is above the upper limit of \(limit.formattedShort), so you pay the full cost of your care (a self-funder). Once it falls to \(limit.formattedShort), ask the council to assess you again."
    }

    /// One labelled figure of the working, e.g. ("Tariff income", £6.00 a week).
    public struct Step: Hashable, Sendable {
        public var label: String
        public var amount: Money
        public var note: String
    }

    /// One estimate per phase: a care-home resident with a home has a first 12 weeks and after.
    public struct Phase: Hashable, Sendable {
        public var title: String
        public var capitalCounted: Money
        public var tariffIncome: Money
        public var steps: [Step]
        public var result: Result
    }

    public var phases: [Phase]
    public var notes: [String]
    /// The year of the figures used, and a sentence when that is not the year of the date asked about.
    public var figuresYear: String
    public var yearNote: String?
    public var sources: [Source]

    /// `£1 a week for every £250 (or part of £250)` between the limits.
    public static func tariffIncome(capital: Money, lower: Money = CareCharging.lowerCapitalLimit.value,
                                    upper: Money = CareCharging.upperCapitalLimit.value) -> Money {
        guard capital > lower else { return .zero }
        let above = min(capital, upper) - lower
        let step = CareCharging.tariffIncomeStep.value.pence
        let steps = (above.pence + step - 1) / step
        return CareCharging.tariffIncomePerStep.value * Int(steps)
    }

    public init(_ input: ChargingInput, on date: CalendarDate, policies: BudgetPolicies) {
        let council = policies.charging
        let lower = council.lowerCapitalLimit ?? CareCharging.lowerCapitalLimit.value
        let upper = council.upperCapitalLimit ?? CareCharging.upperCapitalLimit.value
        var notes: [String] = ["This is an estimate, not the council's financial assessment; the council's own figures and disregards decide."]
        var sources = [CareCharging.source]
        if !council.isEmpty { sources.append(policies.source) }
        figuresYear = council.year ?? CareCharging.figuresYear
        yearNote = date >= CareCharging.figuresEndBefore && council.year == nil
            ? "No 2026/27 charging figures are recorded, so this estimate uses the 2025/26 figures." : nil

        func phase(title: String, counted: Money, includesHome: Bool) -> Phase {
            let tariff = Self.tariffIncome(capital: counted, lower: lower, upper: upper)
            var steps = [Step(label: "Capital counted", amount: counted,
                              note: includesHome ? "savings and your home" : "savings; the home you live in is not counted")]
            if counted > upper {
                return Phase(title: title, capitalCounted: counted, tariffIncome: .zero, steps: steps, result: .paysFullCost(above: upper))
            }
            steps.append(Step(label: "Tariff income", amount: tariff,
                              note: counted <= lower ? "capital up to \(lower.formattedShort) is ignored"
                                  : "£1 a week for every £250 (or part) above \(lower.formattedShort)"))
            steps.append(Step(label: "Weekly income", amount: input.weeklyIncome, note: "pensions and benefits that count"))
            let assessable = input.weeklyIncome + tariff
            switch input.setting {
            case .careHome:
                let allowance = council.personalExpensesAllowance ?? CareCharging.personalExpensesAllowance.value
                steps.append(Step(label: "Personal Expenses Allowance", amount: allowance, note: "what you keep each week for yourself"))
                return Phase(title: title, capitalCounted: counted, tariffIncome: tariff, steps: steps,
                             result: .mostPerWeek(max(.zero, assessable - allowance)))
            case .home:
                guard let guarantee = Self.minimumIncome(input, council: council) else {
                    return Phase(title: title, capitalCounted: counted, tariffIncome: tariff, steps: steps, result: .incomplete(
                        reason: "the Minimum Income Guarantee for people over pension age is set in the DHSC circular and is not recorded in Agora, and \(policies.councilName) has not published its figure — give it with --mig AMOUNT (it is on the council's financial assessment letter)"))
                }
                steps.append(Step(label: "Minimum Income Guarantee", amount: guarantee.amount, note: guarantee.note))
                let dre = input.disabilityRelatedExpenditure ?? policies.standardDisabilityRelatedExpenditure ?? .zero
                let dreNote = input.disabilityRelatedExpenditure != nil ? "as you gave it"
                    : policies.standardDisabilityRelatedExpenditure != nil ? "\(policies.councilName)'s standard allowance; yours may be more with receipts"
                    : "none given; extra costs of disability are disregarded when shown"
                steps.append(Step(label: "Disability-related expenditure", amount: dre, note: dreNote))
                return Phase(title: title, capitalCounted: counted, tariffIncome: tariff, steps: steps,
                             result: .mostPerWeek(max(.zero, assessable - guarantee.amount - dre)))
            }
        }

        var phases: [Phase] = []
        switch input.setting {
        case .home:
            phases.append(phase(title: "Care at home", counted: input.capital, includesHome: false))
        case .careHome:
            if let home = input.homeValue, home > .zero {
                let weeks = CareCharging.propertyDisregardWeeks.value
                phases.append(phase(title: "First \(weeks) weeks in the care home (your home is not counted)", counted: input.capital, includesHome: false))
                phases.append(phase(title: "From week \(weeks + 1) (your home counts as capital)", counted: input.capital + home, includesHome: true))
                notes.append("Your home is not counted if a partner, or a relative who is over 60 or disabled, still lives there; a deferred payment agreement can stop it being sold in your lifetime.")
            } else {
                phases.append(phase(title: "In a care home", counted: input.capital, includesHome: false))
            }
            let nursing = NHSNursingCare.rate(on: date)
            notes.append("In a home with nursing, the NHS pays \(nursing.amount.formatted) a week (\(nursing.year)) towards nursing care directly to the home; it is not part of your charge\(input.nursing ? "" : " (only if the home provides your nursing)").")
            sources.append(NHSNursingCare.source)
        }
        notes.append("The £86,000 cap on care costs was cancelled in 2024; there is no lifetime cap.")
        self.phases = phases
        self.notes = notes
        self.sources = sources
    }

    /// The guarantee for care at home by age and premiums, the council's where published.
    static func minimumIncome(_ input: ChargingInput, council: CouncilPolicies.ChargingFigures) -> (amount: Money, note: String)? {
        if let given = input.minimumIncomeGuarantee { return (given, "as you gave it") }
        let pensionAge = StatePensionAge.years.value
        var premiums = Money.zero
        var premiumNote = ""
        if input.disabilityPremium { premiums += CareCharging.disabilityPremium.value; premiumNote += " + disability premium" }
        if input.enhancedDisabilityPremium { premiums += CareCharging.enhancedDisabilityPremium.value; premiumNote += " + enhanced disability premium" }
        if input.age >= pensionAge {
            guard let amount = council.minimumIncomePensionAge else { return nil }
            return (amount, "pension age (\(pensionAge) or over), the council's figure")
        }
        if input.age < 25 {
            return ((council.minimumIncomeUnder25 ?? CareCharging.minimumIncomeUnder25.value) + premiums, "under 25\(premiumNote)")
        }
        return ((council.minimumIncome25ToPensionAge ?? CareCharging.minimumIncome25ToPensionAge.value) + premiums,
                "25 to pension age\(premiumNote)")
    }
}
