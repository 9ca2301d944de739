import ChoiceKit

/// Where the direct-payment account is heading by the end of the budget year: as data (a rate, a
/// date the money runs out or the surplus, a balance series for a chart) and in plain words.
public struct Projection: Hashable, Sendable {
    public enum RateBasis: Hashable, Sendable {
        /// Average spending over the last `weeks` weeks of the ledger.
        case recentSpending(weeks: Int)
        /// Too little history yet (the year, or the ledger's spending, began under `lookBackWeeks`
        /// ago): the plan's weekly cost of what the account pays for.
        case plan
    }

    public enum Outcome: Hashable, Sendable {
        case runsOut(on: CalendarDate)
        /// `reclaimable` is what lies above the contingency; nil when the contingency is not published.
        case surplus(Money, reclaimable: Money?)
        case balanced
        /// The budget has no direct-payment account to project (managed or ISF only).
        case noAccount
    }

    public var asOf: CalendarDate
    public var periodEnd: CalendarDate
    public var balanceNow: Money
    public var weeklyRate: Money
    public var rateBasis: RateBasis
    /// What the plan expects the account to pay a week (direct-payment and own-money lines).
    public var plannedWeeklyRate: Money
    /// Receipts still expected after `asOf` up to the end of the year.
    public var receiptsToCome: Money
    /// Receipts the schedule expected by `asOf` (the council's and the person's own) that the
    /// ledger does not show: late, or not recorded yet. Counted as still to come, and said so.
    public var receiptsDueNotRecorded: Money
    public var endBalance: Money
    public var contingency: Money?
    public var contingencyWeeks: Int?
    public var outcome: Outcome
    /// One point a week from the start of the year to its end: recorded up to `asOf`, projected after.
    public var series: [BalancePoint]
    /// The projection in a sentence or two.
    public var words: String
    /// The first of those sentences alone (where the money is heading), for a short window.
    public var headline: String

    /// How many weeks of history the "at this rate" figure looks back over.
    public static let lookBackWeeks = 8

    public init(setup: BudgetSetup, plan: [PlanLine], ledger: Ledger, policies: BudgetPolicies, asOf: CalendarDate) {
        self.asOf = asOf
        periodEnd = setup.end
        let balanceNow = ledger.balance(atEndOf: asOf)
        self.balanceNow = balanceNow
        contingencyWeeks = policies.contingencyWeeks
        // The direct payment in force now: a review may have changed it since the start.
        let directPayment = setup.terms(on: asOf).split.directPayment
        contingency = policies.contingencyWeeks.map { directPayment * $0 }
        let expected = PaymentSchedule.expectedReceipts(setup: setup, policies: policies)

        // The rate: recent spending when there are at least two weeks of it, else the plan.
        let daysIn = setup.start.days(until: asOf) + 1
        let lookBackDays = min(Self.lookBackWeeks * 7, daysIn)
        let windowStart = asOf.adding(days: -(lookBackDays - 1))
        var spentInWindow = Money.zero
        var firstSpending: CalendarDate?
        for (position, entry) in ledger.entries.enumerated() where entry.date <= asOf && ledger.isSpending(entry) {
            firstSpending = min(firstSpending ?? entry.date, entry.date)
            if entry.date >= windowStart { spentInWindow -= ledger.effects[position] }
        }
        // A ledger begun part-way through the year has no spending recorded before its first
        // payment: the window counts only once the ledger covers all of it.
        let recordedDays = firstSpending.map { $0.days(until: asOf) + 1 } ?? 0
        let planWeekly = plan.filter { $0.paidFrom == .directPayment || $0.paidFrom == .own && directPayment > .zero }
            .reduce(Money.zero) { $0 + $1.weeklyEquivalent(weeks: setup.periodWeeks) }
        plannedWeeklyRate = planWeekly
        let weeklyRate: Money
        // Recent spending is trusted once a full look-back window has passed: invoices often
        // come four-weekly in arrears, so a shorter history understates the rate.
        if lookBackDays >= Self.lookBackWeeks * 7, recordedDays >= Self.lookBackWeeks * 7, spentInWindow > .zero {
            weeklyRate = Money(pence: max(0, spentInWindow.pence)).share(7, of: lookBackDays)
            rateBasis = .recentSpending(weeks: (lookBackDays + 6) / 7)
        } else {
            weeklyRate = planWeekly
            rateBasis = .plan
        }
        self.weeklyRate = weeklyRate

        // Receipts due by asOf count once: what the ledger has, and what it lacks (late, or not
        // recorded yet) as still to come, so an unrecorded payment neither vanishes nor counts twice.
        let toCome = expected.filter { $0.date > asOf && $0.date <= setup.end }
        receiptsToCome = toCome.reduce(.zero) { $0 + $1.amount }
        let dueNotRecorded = Self.dueNotRecorded(expected: expected, ledger: ledger, asOf: asOf)
        receiptsDueNotRecorded = dueNotRecorded
        let remainingDays = max(0, asOf.days(until: setup.end))
        func spent(days: Int) -> Money { weeklyRate.share(days, of: 7) }
        func projected(on date: CalendarDate) -> Money {
            let days = asOf.days(until: date)
            let arriving = toCome.filter { $0.date <= date }.reduce(.zero) { $0 + $1.amount }
            // Receipts due but not recorded count from today on (the year's end too, when that is today).
            return balanceNow + (date >= asOf ? dueNotRecorded : .zero) + arriving - spent(days: days)
        }
        let endBalance = projected(on: setup.end)
        self.endBalance = endBalance

        var runsOut: CalendarDate? = nil
        if balanceNow + dueNotRecorded < .zero {
            runsOut = asOf
        } else if remainingDays > 0 {
            // Check the day before each receipt and the last day: the balance only falls between receipts.
            let checkpoints = toCome.map { $0.date.adding(days: -1) }.filter { $0 > asOf } + [setup.end]
            if let first = checkpoints.sorted().first(where: { projected(on: $0) < .zero }) {
                // The exact day within that stretch.
                var day = first
                while day > asOf, projected(on: day.adding(days: -1)) < .zero { day = day.adding(days: -1) }
                runsOut = day
            }
        }

        let hasAccount = directPayment > .zero
        if !hasAccount, ledger.entries.isEmpty {
            outcome = .noAccount
        } else if let runsOut {
            outcome = .runsOut(on: runsOut)
        } else if endBalance > .zero {
            outcome = .surplus(endBalance, reclaimable: policies.contingencyWeeks.map { max(.zero, endBalance - directPayment * $0) })
        } else {
            outcome = .balanced
        }

        var days: [CalendarDate] = []
        var day = setup.start
        while day <= setup.end {
            days.append(day)
            day = day.adding(days: 7)
        }
        if days.last != setup.end { days.append(setup.end) }
        let recorded = ledger.balances(atEndOf: days)
        series = days.enumerated().map { index, day in
            day > asOf ? BalancePoint(date: day, balance: projected(on: day), isProjected: true)
                : BalancePoint(date: day, balance: recorded[index], isProjected: false)
        }
        words = ""
        headline = ""
        (headline, words) = Self.words(for: self, councilName: policies.councilName)
    }

    /// Per source (the council, the person), what was expected by `asOf` less what the ledger
    /// received by then, reversals taken out; never below zero. Top-ups are not scheduled.
    static func dueNotRecorded(expected: [ExpectedReceipt], ledger: Ledger, asOf: CalendarDate) -> Money {
        var received: [ReceiptSource: Money] = [:]
        for entry in ledger.entries where entry.date <= asOf {
            switch entry.kind {
            case .receipt(let source):
                received[source, default: .zero] += entry.amount
            case .reversal(let number):
                if case .receipt(let source)? = ledger.entry(number)?.kind { received[source, default: .zero] -= entry.amount }
            case .payment, .refund:
                break
            }
        }
        var missing = Money.zero
        for source in [ReceiptSource.council, .own] {
            let due = expected.filter { $0.source == source && $0.date <= asOf }.reduce(Money.zero) { $0 + $1.amount }
            missing += max(.zero, due - received[source, default: .zero])
        }
        return missing
    }

    /// "still to come from the council and you: £8,800.00, and £160.00 due by now but not in the ledger".
    public var toComeWords: String {
        var text = "still to come from the council and you: \(receiptsToCome.formatted)"
        if receiptsDueNotRecorded > .zero { text += ", and \(receiptsDueNotRecorded.formatted) due by now but not in the ledger" }
        return text
    }

    /// "about £420": to the nearest £10 from £100, else to the pound.
    public static func about(_ money: Money) -> String {
        let pounds = (money.pence + 50) / 100
        let rounded = pounds >= 100 ? (pounds + 5) / 10 * 10 : pounds
        return "about \(Money(pounds: rounded).formattedShort)"
    }

    /// The headline, and the headline with what it counts that the ledger does not show.
    static func words(for projection: Projection, councilName: String) -> (headline: String, words: String) {
        let rate: String
        switch projection.rateBasis {
        case .recentSpending(let weeks):
            let plan = projection.plannedWeeklyRate
            let differs = (projection.weeklyRate - plan).pence.magnitude * 10 > UInt64(max(0, plan.pence))
            let planNote = plan > .zero && differs ? "; the plan expects \(plan.formatted)" : ""
            rate = "At this rate (\(projection.weeklyRate.formatted) a week, your spending over the last \(weeks) week\(weeks == 1 ? "" : "s")\(planNote))"
        case .plan:
            rate = "At the plan's rate (\(projection.weeklyRate.formatted) a week)"
        }
        let end = projection.periodEnd.long
        let due = projection.receiptsDueNotRecorded
        let dueNote = due > .zero
            ? " This counts \(due.formatted) that was due into the account by \(projection.asOf.long) but is not in the ledger: record it when it arrives, or ask the council if it is late."
            : ""
        let headline = main(projection, rate: rate, end: end, councilName: councilName)
        return (headline, headline + (projection.outcome == .noAccount ? "" : dueNote))
    }

    private static func main(_ projection: Projection, rate: String, end: String, councilName: String) -> String {
        switch projection.outcome {
        case .noAccount:
            return "This budget has no direct payment: the council (or the provider holding the fund) pays your providers directly, so there is no account to run out."
        case .runsOut(let date):
            if date <= projection.asOf {
                return "The account is overdrawn by \((-projection.balanceNow).formatted) — record the money that came in, or talk to the council."
            }
            return "\(rate) the money runs out on \(date.long), before the budget year ends on \(end)."
        case .balanced:
            return "\(rate) the money lasts to the end of the budget year on \(end), with nothing left over."
        case .surplus(let amount, let reclaimable):
            let base = "\(rate) there will be \(about(amount)) unspent at the end of the budget year on \(end)"
            guard let weeks = projection.contingencyWeeks, let contingency = projection.contingency else {
                return base + "; \(councilName) may reclaim unspent money (it has not published how much you may keep)."
            }
            // Under 50p reads as "about £0": within the contingency, to the pound.
            if let reclaimable, reclaimable.pence >= 50 {
                return base + "; the council may reclaim what is above your \(weeks)-week contingency (\(contingency.formattedShort)): \(about(reclaimable))."
            }
            return base + ", within your \(weeks)-week contingency (\(contingency.formattedShort)) that the council lets you keep."
        }
    }
}

/// The account's balance on a day, recorded or projected.
public struct BalancePoint: Hashable, Sendable {
    public var date: CalendarDate
    public var balance: Money
    public var isProjected: Bool

    public init(date: CalendarDate, balance: Money, isProjected: Bool) {
        self.date = date
        self.balance = balance
        self.isProjected = isProjected
    }
}
