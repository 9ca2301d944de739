import ChoiceKit

/// A plan's costs against its budget: per line, per part and in total, with the budget bar.
public struct PlanSummary: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var line: PlanLine
        /// nil for stays and one-off items.
        public var weeklyCost: Money?
        public var annualCost: Money
    }

    /// One part of the budget: what it holds and what the plan asks of it.
    public struct Part: Hashable, Sendable {
        public var part: BudgetPart
        public var availableWeekly: Money
        public var availableAnnual: Money
        public var plannedAnnual: Money
        public var overAnnual: Money { max(.zero, plannedAnnual - availableAnnual) }
    }

    public var lines: [Line]
    public var parts: [Part]
    /// Recurring weekly cost of the whole plan.
    public var weeklyTotal: Money
    public var annualTotal: Money
    /// Weekly cost with stays and one-offs spread over the year.
    public var weeklyEquivalent: Money
    public var bar: BudgetBar
    /// What the person pays from their own money beyond the personal budget, over the year:
    /// lines paid from their own money, plus whatever the plan costs above the budget.
    public var annualTopUp: Money
    public var weeks: Int

    public init(setup: BudgetSetup, plan: [PlanLine]) {
        let weeks = setup.periodWeeks
        self.weeks = weeks
        lines = plan.map { Line(line: $0, weeklyCost: $0.service.weeklyCost, annualCost: $0.annualCost(weeks: weeks)) }
        weeklyTotal = lines.reduce(.zero) { $0 + ($1.weeklyCost ?? .zero) }
        annualTotal = lines.reduce(.zero) { $0 + $1.annualCost }
        weeklyEquivalent = plan.reduce(.zero) { $0 + $1.weeklyEquivalent(weeks: weeks) }
        let lines = lines
        // A part's weekly amount as the council last set it; its year's amount week by week.
        let latest = setup.latestTerms.split
        parts = (latest.parts + [.own]).map { part in
            let planned = lines.filter { $0.line.paidFrom == part }.reduce(Money.zero) { $0 + $1.annualCost }
            return Part(part: part, availableWeekly: latest.weekly(part), availableAnnual: setup.yearTotal { $0.split.weekly(part) },
                        plannedAnnual: planned)
        }.filter { $0.availableWeekly > .zero || $0.plannedAnnual > .zero }
        let fromBudget = lines.filter { $0.line.paidFrom != .own }.reduce(Money.zero) { $0 + $1.annualCost }
        annualOwnLines = annualTotal - fromBudget
        bar = BudgetBar(planned: fromBudget, available: setup.annualBudget)
        annualTopUp = annualOwnLines + bar.over
    }

    /// Lines the person chose to pay from their own money, over the year.
    public var annualOwnLines: Money

    public func line(_ number: Int) -> Line? { lines.first { $0.line.number == number } }
    public var weeklyTopUp: Money { perWeek(annualTopUp) }
    /// What the plan costs above the budget, a week (rounded up to the penny).
    public var weeklyOver: Money { perWeek(bar.over) }

    private func perWeek(_ annual: Money) -> Money { Money(pence: (annual.pence + Int64(weeks) - 1) / Int64(max(1, weeks))) }

    /// Where the person's own money comes in, in a sentence: lines they chose to pay themselves,
    /// and what the plan costs above the budget (not chosen: it stays theirs to pay only unless
    /// the plan changes or the council raises the budget). Nil when neither.
    public var ownMoneySentence: String? {
        let own = annualOwnLines, over = bar.over
        let overWords = "the plan costs \(over.formatted) a year more than the budget (\(weeklyOver.formatted) a week): unless the plan changes or the council raises the budget, that is yours to pay"
        switch (own > .zero, over > .zero) {
        case (true, false): return "Paid from your own money: \(own.formatted) a year, the lines marked own money."
        case (false, true): return overWords.prefix(1).uppercased() + overWords.dropFirst() + "."
        case (true, true): return "Paid from your own money: \(own.formatted) a year for the lines marked own money; and \(overWords)."
        case (false, false): return nil
        }
    }
}

/// Planned against available, for a bar: the planned part, what is left, and any overspend.
public struct BudgetBar: Hashable, Sendable {
    public var planned: Money
    public var available: Money

    public var left: Money { max(.zero, available - planned) }
    public var over: Money { max(.zero, planned - available) }
    public var isOver: Bool { planned > available }

    /// Planned as a share of available, in thousandths (1000 = all of it; above 1000 = over).
    public var permille: Int {
        guard available.pence > 0 else { return planned.pence > 0 ? 1000 : 0 }
        return Int((planned.pence * 1000) / available.pence)
    }

    /// The bar in `width` cells: "█" planned, "░" left, "▓" over (ASCII "#", "-", "!").
    public func cells(width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        let whole = max(planned, available)
        guard whole.pence > 0 else { return String(repeating: ascii ? "-" : "░", count: width) }
        func share(_ money: Money) -> Int { Int((money.pence * Int64(width) + whole.pence / 2) / whole.pence) }
        let within = share(min(planned, available))
        let overCells = isOver ? max(1, share(over)) : 0
        let plannedCells = min(width - overCells, within)
        let leftCells = max(0, width - plannedCells - overCells)
        return String(repeating: ascii ? "#" : "█", count: plannedCells) + String(repeating: ascii ? "-" : "░", count: leftCells)
            + String(repeating: ascii ? "!" : "▓", count: overCells)
    }

    /// "£14,300 planned of £18,200 a year; £3,900 left" or "… £1,040 over".
    public var words: String {
        let base = "\(planned.formattedShort) planned of \(available.formattedShort) a year"
        return isOver ? "\(base); \(over.formattedShort) over" : "\(base); \(left.formattedShort) left"
    }
}
