import ChoiceKit

/// A payment far above what the plan expects for it: often a slip of the decimal point (3843 typed
/// for 384.30). Asked about before it is saved, never refused: a large catch-up invoice is real.
public enum UnusualPayment {
    /// Councils pay, and providers invoice, four-weekly: one payment covering more than four weeks
    /// of a line is worth a second look.
    public static let weeksCovered = 4

    /// The question to ask, or nil when the amount is in line with the plan.
    public static func question(amount: Money, line: PlanLine?, setup: BudgetSetup, on date: CalendarDate) -> String? {
        if let line {
            if let weekly = line.service.weeklyCost, weekly > .zero, amount > weekly * weeksCovered {
                return "\(amount.formatted) is more than \(weeksCovered) weeks of line \(line.number) (\(weekly.formatted) a week). Is that the amount paid?"
            }
            if let single = line.service.singleCost, single > .zero, amount > single {
                return "\(amount.formatted) is more than line \(line.number) costs in all (\(single.formatted)). Is that the amount paid?"
            }
            return nil
        }
        let weekly = setup.terms(on: date).weeklyBudget
        guard weekly > .zero, amount > weekly * weeksCovered else { return nil }
        return "\(amount.formatted) is more than \(weeksCovered) weeks of the whole budget (\(weekly.formatted) a week). Is that the amount paid?"
    }
}
