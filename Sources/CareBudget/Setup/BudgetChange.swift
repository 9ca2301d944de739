import ChoiceKit

/// What a budget holds each week: the whole personal budget, the person's contribution and how
/// the budget is divided between its parts.
public struct BudgetTerms: Hashable, Sendable {
    public var weeklyBudget: Money
    public var weeklyContribution: Money
    public var split: BudgetSplit
    public var assessedHoursPerWeek: Quantity?

    public init(weeklyBudget: Money, weeklyContribution: Money, split: BudgetSplit, assessedHoursPerWeek: Quantity? = nil) {
        self.weeklyBudget = weeklyBudget
        self.weeklyContribution = weeklyContribution
        self.split = split
        self.assessedHoursPerWeek = assessedHoursPerWeek
    }

    /// What the council pays a week.
    public var weeklyCouncilShare: Money { weeklyBudget - weeklyContribution }
    /// The contribution is paid into the direct-payment account when there is one (councils pay
    /// the direct payment net of it); otherwise the council collects it.
    public var weeklyContributionIntoAccount: Money { min(weeklyContribution, split.directPayment) }
    /// What the council pays into the direct-payment account each week.
    public var weeklyCouncilIntoAccount: Money { split.directPayment - weeklyContributionIntoAccount }
}

/// New amounts from a week of the budget year, as the council sets them after a review of the
/// support plan or a new financial assessment (contributions are reassessed every April, when
/// benefits rise). Only what the letter changed is kept, so taking out an earlier change leaves
/// a later one saying what it said. The budget year, its route and its plan stay.
public struct BudgetChange: Hashable, Sendable {
    /// The first day of the budget week the new amounts start (weeks start on the budget's start day).
    public var from: CalendarDate
    public var weeklyBudget: Money?
    public var weeklyContribution: Money?
    /// For a mixed budget: the part the council manages, a week.
    public var managedShare: Money?
    public var assessedHoursPerWeek: Quantity?
    /// Why, in the person's words ("annual review", "April reassessment").
    public var note: String

    public init(from: CalendarDate, weeklyBudget: Money? = nil, weeklyContribution: Money? = nil, managedShare: Money? = nil,
                assessedHoursPerWeek: Quantity? = nil, note: String = "") {
        self.from = from
        self.weeklyBudget = weeklyBudget
        self.weeklyContribution = weeklyContribution
        self.managedShare = managedShare
        self.assessedHoursPerWeek = assessedHoursPerWeek
        self.note = note
    }

    /// The terms after this change, from those before it.
    func applied(to before: BudgetTerms, route: BudgetRoute) -> BudgetTerms {
        let weekly = weeklyBudget ?? before.weeklyBudget
        let managed = managedShare ?? before.split.managed
        return BudgetTerms(weeklyBudget: weekly, weeklyContribution: weeklyContribution ?? before.weeklyContribution,
                           split: BudgetSetup.split(route: route, weekly: weekly, managedShare: route == .mixed ? managed : nil),
                           assessedHoursPerWeek: assessedHoursPerWeek ?? before.assessedHoursPerWeek)
    }
}

extension BudgetSetup {
    /// The terms the budget started with.
    public var startingTerms: BudgetTerms {
        BudgetTerms(weeklyBudget: weeklyBudget, weeklyContribution: weeklyContribution, split: split,
                    assessedHoursPerWeek: assessedHoursPerWeek)
    }

    /// The terms as the council last set them (the start's, if it has not changed them).
    public var latestTerms: BudgetTerms { terms(after: changes.count) }

    /// The terms once the first `count` changes have applied.
    func terms(after count: Int) -> BudgetTerms {
        changes.prefix(count).reduce(startingTerms) { $1.applied(to: $0, route: route) }
    }

    /// The terms in force on `date`: the latest change whose week has begun by then.
    public func terms(on date: CalendarDate) -> BudgetTerms {
        terms(after: changes.prefix { $0.from <= date }.count)
    }

    /// The first day of the budget week nearest `date` (the later one when it falls midway, and
    /// never before the start): Agora counts a budget by the week, so new terms start with a
    /// whole week, at most three days from the council's date.
    public func weekStart(nearest date: CalendarDate) -> CalendarDate {
        let days = start.days(until: date)
        let weeks = days <= 0 ? 0 : (days + 3) / 7
        return start.adding(days: weeks * 7)
    }

    /// The sum of `amount` over weeks `weeks` of the year, each week at the terms then in force.
    public func total(over weeks: Range<Int>, _ amount: (BudgetTerms) -> Money) -> Money {
        guard !changes.isEmpty else { return amount(startingTerms) * weeks.count }
        // Stretch by stretch between changes, not week by week through the whole fold.
        var sum = Money.zero
        var applied = changes.prefix { $0.from <= start.adding(days: weeks.lowerBound * 7) }.count
        var current = terms(after: applied)
        for week in weeks {
            let day = start.adding(days: week * 7)
            while applied < changes.count, changes[applied].from <= day {
                current = changes[applied].applied(to: current, route: route)
                applied += 1
            }
            sum = sum + amount(current)
        }
        return sum
    }

    /// The sum of `amount` over the whole budget year.
    public func yearTotal(_ amount: (BudgetTerms) -> Money) -> Money { total(over: 0..<periodWeeks, amount) }

    /// "£300.00 a week", or when a review changed it "£300.00 a week, £350.00 from 30 November 2026".
    public var weeklyAmountsText: String {
        var amounts = [weeklyBudget.formatted + " a week"]
        var previous = weeklyBudget
        for change in changes {
            guard let weekly = change.weeklyBudget, weekly != previous else { continue }
            amounts.append("\(weekly.formatted) from \(change.from.long)")
            previous = weekly
        }
        return amounts.joined(separator: ", ")
    }

    /// Each change in a sentence, earliest first: "From 30 November 2026 (annual review): the
    /// budget £300.00 → £350.00 a week."
    public var changeSentences: [String] { changes.map { ChangeInput.summary($0, setup: self) } }

    /// A reason the amounts do not hold together in some stretch of the year (a contribution
    /// above the budget, a managed share not below it), or nil. Checked when a change is taken
    /// out, since the changes after it then apply to different amounts.
    public var termsProblem: String? {
        for count in 0...changes.count {
            let terms = terms(after: count)
            let when = count == 0 ? "at the start" : "from \(changes[count - 1].from.long)"
            if terms.weeklyContribution > terms.weeklyBudget {
                return "\(when) the contribution \(terms.weeklyContribution.formatted) would be more than the budget \(terms.weeklyBudget.formatted) a week"
            }
            if route == .mixed, terms.split.managed >= terms.weeklyBudget {
                return "\(when) the managed share \(terms.split.managed.formatted) would not be less than the budget \(terms.weeklyBudget.formatted) a week"
            }
        }
        return nil
    }

    /// Whether the amounts change during the year.
    public var hasChanges: Bool { !changes.isEmpty }
}
