import ChoiceKit

/// A receipt the budget expects: the council's direct payment, or the person's contribution into
/// the direct-payment account.
public struct ExpectedReceipt: Hashable, Sendable {
    public var date: CalendarDate
    public var source: ReceiptSource
    public var amount: Money

    public init(date: CalendarDate, source: ReceiptSource, amount: Money) {
        self.date = date
        self.source = source
        self.amount = amount
    }
}

public enum PaymentSchedule {
    /// Every receipt expected in the budget year: on the start date and then every interval, each
    /// covering the weeks up to the next (the last one only the weeks that remain).
    public static func expectedReceipts(setup: BudgetSetup, policies: BudgetPolicies) -> [ExpectedReceipt] {
        let interval = max(1, policies.paymentIntervalWeeks)
        var receipts: [ExpectedReceipt] = []
        var week = 0
        while week < setup.periodWeeks {
            let weeks = min(interval, setup.periodWeeks - week)
            let date = setup.start.adding(days: week * 7)
            // Each payment covers its weeks at the terms in force in each (a review may change them).
            let covered = week..<(week + weeks)
            let council = setup.total(over: covered) { $0.weeklyCouncilIntoAccount }
            let own = setup.total(over: covered) { $0.weeklyContributionIntoAccount }
            if council > .zero { receipts.append(ExpectedReceipt(date: date, source: .council, amount: council)) }
            if own > .zero { receipts.append(ExpectedReceipt(date: date, source: .own, amount: own)) }
            week += interval
        }
        return receipts
    }
}
