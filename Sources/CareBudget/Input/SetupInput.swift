import ChoiceKit

/// A budget set-up from what a person typed, checked as a whole: one problem, said plainly.
public enum SetupInput {
    public static let longestName = 60

    public static func checkName(_ name: String) -> InputProblem? {
        let trimmed = name.trimmingCharacters(in: " ")
        if trimmed.isEmpty { return InputProblem("the budget has no name — give whose budget it is, e.g. \"Mum\"") }
        if trimmed.unicodeScalars.contains(where: TextSafety.isControl) {
            return InputProblem("the name contains a control character — use plain text")
        }
        if trimmed.count > longestName { return InputProblem("the name is longer than \(longestName) characters — use a shorter one") }
        return nil
    }

    public static func make(name: String, start: CalendarDate, weekly: Money?, annual: Money?, contribution: Money?,
                            route: BudgetRoute, managedShare: Money?, fundHolderID: String? = nil,
                            assessedHours: Quantity? = nil) -> Result<BudgetSetup, InputProblem> {
        if let problem = checkName(name) { return .failure(problem) }
        let weeks = BudgetSetup.standardPeriodWeeks
        let weeklyBudget: Money
        switch (weekly, annual) {
        case (let weekly?, nil): weeklyBudget = weekly
        case (nil, let annual?):
            guard annual.pence % Int64(weeks) == 0 else {
                let lower = Money(pence: annual.pence / Int64(weeks))
                return .failure(InputProblem("\(annual.formatted) a year is not a whole number of pence a week over \(weeks) weeks — give the weekly amount with --weekly (e.g. \(lower.formatted))"))
            }
            weeklyBudget = Money(pence: annual.pence / Int64(weeks))
        case (nil, nil): return .failure(InputProblem("no budget amount — give --weekly AMOUNT or --annual AMOUNT"))
        case (_?, _?): return .failure(InputProblem("both --weekly and --annual given — give one of them"))
        }
        let contribution = contribution ?? .zero
        if contribution > weeklyBudget {
            return .failure(InputProblem("the contribution \(contribution.formatted) is more than the budget \(weeklyBudget.formatted) a week — check both figures on the council's letter"))
        }
        if route == .mixed {
            guard let managedShare else {
                return .failure(InputProblem("a mixed budget needs its split — give the council-managed part with --managed-share AMOUNT (a week)"))
            }
            guard managedShare < weeklyBudget else {
                return .failure(InputProblem("the managed share \(managedShare.formatted) is not less than the budget \(weeklyBudget.formatted) a week — give the part the council manages"))
            }
        } else if managedShare != nil {
            return .failure(InputProblem("--managed-share is only for a mixed budget — use --mode mixed, or leave it out"))
        }
        return .success(BudgetSetup(name: name.trimmingCharacters(in: " "), start: start, weeklyBudget: weeklyBudget,
                                    weeklyContribution: contribution, route: route,
                                    split: BudgetSetup.split(route: route, weekly: weeklyBudget, managedShare: managedShare),
                                    fundHolderID: fundHolderID, assessedHoursPerWeek: assessedHours))
    }
}

/// Something a person typed that cannot be used: "what is wrong — what to do".
public struct InputProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
