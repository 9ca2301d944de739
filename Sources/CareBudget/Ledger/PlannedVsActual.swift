import ChoiceKit

/// Planned against actual spending, per plan line and per four-week period.
public struct PlannedVsActual: Hashable, Sendable {
    public struct LineRow: Hashable, Sendable {
        /// nil for payments not tied to a plan line.
        public var line: PlanLine?
        /// What the plan expected to be spent by `asOf`.
        public var plannedToDate: Money
        public var plannedForYear: Money
        /// Payments less refunds, with reversed entries taken out.
        public var actual: Money
        public var difference: Money { actual - plannedToDate }
        /// A line the council (or the provider holding the fund) pays directly: the account's
        /// ledger never shows its spending, so it has no actual to compare.
        public var isPaidOutsideTheAccount: Bool {
            guard let line else { return false }
            return line.paidFrom == .managed || line.paidFrom == .individualServiceFund
        }
    }

    public struct Period: Hashable, Sendable {
        /// 1-based four-week period of the budget year.
        public var number: Int
        public var start: CalendarDate
        public var end: CalendarDate
        /// What the plan expects the account to pay in the period: lines paid by direct payment
        /// or the person's own money, not those the council or a fund holder pays directly.
        public var planned: Money
        /// Payments less refunds (reversals included).
        public var spent: Money
        /// Receipts (reversals included).
        public var received: Money
        public var closingBalance: Money
        /// Whether the period has begun by `asOf`.
        public var isStarted: Bool
    }

    public var asOf: CalendarDate
    public var lines: [LineRow]
    public var periods: [Period]

    public init(setup: BudgetSetup, plan: [PlanLine], ledger: Ledger, asOf: CalendarDate) {
        self.asOf = asOf
        let weeks = setup.periodWeeks
        let totalDays = weeks * 7
        let elapsedDays = min(totalDays, max(0, setup.start.days(until: asOf) + 1))
        var actualByLine: [Int: Money] = [:]
        var unplanned = Money.zero
        for (position, entry) in ledger.entries.enumerated() where entry.date <= asOf && ledger.isSpending(entry) {
            let spend = -ledger.effects[position]
            if let line = entry.planLine { actualByLine[line, default: .zero] += spend } else { unplanned += spend }
        }
        func planned(_ line: PlanLine, from: Int, days: Int) -> Money {
            // Days from the start of the year: `from` up to `from + days`.
            switch line.service {
            case .oneOff(_, let date?), .respite(_, _, let date?, _):
                let offset = setup.start.days(until: date)
                return offset >= from && offset < from + days ? (line.service.singleCost ?? .zero) : .zero
            default:
                let annual = line.annualCost(weeks: weeks)
                return annual.share(from + days, of: totalDays) - annual.share(from, of: totalDays)
            }
        }
        var rows = plan.map { line in
            LineRow(line: line, plannedToDate: planned(line, from: 0, days: elapsedDays),
                    plannedForYear: line.annualCost(weeks: weeks), actual: actualByLine[line.number] ?? .zero)
        }
        let known = Set(plan.map(\.number))
        // Payments against lines since removed count as unplanned now.
        for (number, amount) in actualByLine where !known.contains(number) { unplanned += amount }
        if unplanned != .zero { rows.append(LineRow(line: nil, plannedToDate: .zero, plannedForYear: .zero, actual: unplanned)) }
        lines = rows

        let accountLines = plan.filter { $0.paidFrom == .directPayment || $0.paidFrom == .own }
        let periodCount = (weeks + 3) / 4
        var spentBy = [Money](repeating: .zero, count: periodCount)
        var receivedBy = [Money](repeating: .zero, count: periodCount)
        for (position, entry) in ledger.entries.enumerated() {
            let offset = setup.start.days(until: entry.date)
            guard offset >= 0, offset < totalDays else { continue }
            let effect = ledger.effects[position]
            if ledger.isSpending(entry) { spentBy[offset / 28] -= effect } else { receivedBy[offset / 28] += effect }
        }
        let ends = (0..<periodCount).map { setup.start.adding(days: min(totalDays, ($0 + 1) * 28) - 1) }
        let closing = ledger.balances(atEndOf: ends)
        periods = (0..<periodCount).map { index in
            let from = index * 28
            let days = min(28, totalDays - from)
            let start = setup.start.adding(days: from)
            return Period(number: index + 1, start: start, end: ends[index],
                          planned: accountLines.reduce(.zero) { $0 + planned($1, from: from, days: days) },
                          spent: spentBy[index], received: receivedBy[index], closingBalance: closing[index],
                          isStarted: start <= asOf)
        }
    }
}
