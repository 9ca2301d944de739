import ChoiceKit

/// A personal budget as the council set it: whose it is, when its year starts, how much it is a
/// week, what the person contributes, and how it is received.
public struct BudgetSetup: Hashable, Sendable {
    /// Whose budget, as the person calls it ("Mum", "Arthur Smith"). Unique in the store.
    public var name: String
    public var start: CalendarDate
    /// The whole personal budget a week: the council's share plus the person's contribution.
    public var weeklyBudget: Money
    /// The person's assessed weekly contribution (from the financial assessment).
    public var weeklyContribution: Money
    public var route: BudgetRoute
    /// How the weekly budget is divided between direct payment, managed and ISF parts.
    public var split: BudgetSplit
    /// The provider that holds an individual service fund, when there is one.
    public var fundHolderID: String?
    /// Hours of care a week the assessment found necessary, when known (for the "below need" check).
    public var assessedHoursPerWeek: Quantity?
    /// The budget year, in weeks.
    public var periodWeeks: Int
    /// New terms from later weeks of the year, earliest first (after a review or reassessment).
    public var changes: [BudgetChange] {
        didSet { changes.sort { $0.from < $1.from } }
    }

    public static let standardPeriodWeeks = 52

    public init(name: String, start: CalendarDate, weeklyBudget: Money, weeklyContribution: Money, route: BudgetRoute,
                split: BudgetSplit, fundHolderID: String? = nil, assessedHoursPerWeek: Quantity? = nil,
                periodWeeks: Int = BudgetSetup.standardPeriodWeeks, changes: [BudgetChange] = []) {
        self.name = name
        self.start = start
        self.weeklyBudget = weeklyBudget
        self.weeklyContribution = weeklyContribution
        self.route = route
        self.split = split
        self.fundHolderID = fundHolderID
        self.assessedHoursPerWeek = assessedHoursPerWeek
        self.periodWeeks = periodWeeks
        self.changes = changes.sorted { $0.from < $1.from }
    }

    /// What the council pays a week, at the start.
    public var weeklyCouncilShare: Money { weeklyBudget - weeklyContribution }
    /// The year's budget and contribution, each week at the terms then in force.
    public var annualBudget: Money { yearTotal(\.weeklyBudget) }
    public var annualContribution: Money { yearTotal(\.weeklyContribution) }
    /// The last day of the budget year.
    public var end: CalendarDate { start.adding(days: periodWeeks * 7 - 1) }

    /// Reviews: the first within 6 months of the start, then at least once a year after that.
    public var reviewDates: [CalendarDate] {
        let first = start.addingMonths(DirectPaymentRules.firstReviewMonths.value)
        return [first, first.addingMonths(DirectPaymentRules.laterReviewMonths.value)]
    }

    /// Said once the first review's date has passed: Agora cannot know whether it happened.
    public func reviewReminder(today: CalendarDate) -> String? {
        let first = reviewDates[0]
        guard today > first else { return nil }
        return "The first review was due by \(first.long); if the council has not reviewed the budget yet, ask it when it will."
    }

    /// At the start: see `BudgetTerms` for each week's.
    public var weeklyContributionIntoAccount: Money { startingTerms.weeklyContributionIntoAccount }
    public var weeklyCouncilIntoAccount: Money { startingTerms.weeklyCouncilIntoAccount }

    /// The split each route implies, with `managedShare` used only for a mixed budget.
    public static func split(route: BudgetRoute, weekly: Money, managedShare: Money?) -> BudgetSplit {
        switch route {
        case .directPayment: return BudgetSplit(directPayment: weekly)
        case .councilManaged: return BudgetSplit(managed: weekly)
        case .individualServiceFund: return BudgetSplit(individualServiceFund: weekly)
        case .mixed:
            let managed = managedShare ?? .zero
            return BudgetSplit(directPayment: weekly - managed, managed: managed)
        }
    }
}

extension CalendarDate {
    /// The same day `months` later, the last day of the month where that day does not exist.
    public func addingMonths(_ months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(year: newYear, month: newMonth, day: newDay) ?? self
    }
}
