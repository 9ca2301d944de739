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
    }

    public struct Period: Hashable, Sendable {
        /// 1-based four-week period of the budget year.
        public var number: Int
        public var start: CalendarDate
        public var end: CalendarDate
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
            case .oneOff(_, let date?), .respite(_, _, let date?):
                let offset = setup.start.days(until: date)
                return offset >= from && offset < from + days ? (line.service.singleCost ?? .zero) : .zero
            default:
                let annual = line.annualCost(weeks: weeks)
                let upTo = Money(pence: annual.pence * Int64(from + days) / Int64(totalDays))
                let before = Money(pence: annual.pence * Int64(from) / Int64(totalDays))
                return upTo - before
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

        var periods: [Period] = []
        let periodCount = (weeks + 3) / 4
        for index in 0..<periodCount {
            let from = index * 28
            let days = min(28, totalDays - from)
            let start = setup.start.adding(days: from)
            let end = setup.start.adding(days: from + days - 1)
            var spent = Money.zero, received = Money.zero
            for (position, entry) in ledger.entries.enumerated() where entry.date >= start && entry.date <= end {
                let effect = ledger.effects[position]
                if ledger.isSpending(entry) { spent -= effect } else { received += effect }
            }
            periods.append(Period(number: index + 1, start: start, end: end,
                                  planned: plan.reduce(.zero) { $0 + planned($1, from: from, days: days) },
                                  spent: spent, received: received, closingBalance: ledger.balance(atEndOf: end),
                                  isStarted: start <= asOf))
        }
        self.periods = periods
    }
}
