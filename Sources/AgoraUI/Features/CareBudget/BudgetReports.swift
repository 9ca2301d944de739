import CareBudget
import ChoiceKit

/// The reading pages of a budget as paragraphs: warnings with their sources, the budget's details
/// with the council's policies, and planned against actual spending.
enum BudgetReports {
    typealias Paragraph = (text: String, role: Role, gapBefore: Bool)

    static func warnings(_ facts: BudgetFacts) -> [Paragraph] {
        var out: [Paragraph] = [("Warnings for \(facts.setup.name)'s plan", .title, false)]
        guard !facts.warnings.isEmpty else {
            out.append(("None: the plan follows every rule Agora checks (the managed part and the council's list, direct payments and residential care, short stays, the council's own services, paying a close relative, an individual service fund, top-ups, assessed hours, the budget and each part of it).", .normal, true))
            return out
        }
        out.append(("Warnings never stop you: each says what the rule is and where it comes from, so you can decide, or ask the council.", .dim, true))
        for warning in facts.warnings {
            let severity = warning.severity.label.prefix(1).uppercased() + warning.severity.label.dropFirst()
            out.append(("\(severity): \(warning.reason)", BudgetFacts.role(warning.severity), true))
            out.append(("Source: \(warning.source.citation)\(warning.source.url.isEmpty ? "" : " · \(warning.source.url)")", .dim, false))
        }
        return out
    }

    static func details(_ facts: BudgetFacts) -> [Paragraph] {
        let setup = facts.setup
        let policies = facts.policies
        var out: [Paragraph] = [("\(setup.name)'s care budget", .title, false)]
        out.append((facts.amountAndYear + ".", .normal, true))
        out.append((facts.howReceived, .normal, false))
        if let holder = setup.fundHolderID {
            out.append(("Individual service fund held by \(holder).", .normal, false))
        }
        let terms = setup.terms(on: facts.today)
        if let hours = terms.assessedHoursPerWeek { out.append(("Assessed need: \(hours) hours of care a week.", .normal, false)) }
        if setup.hasChanges {
            out.append(("Changes after a review", .heading, true))
            for sentence in setup.changeSentences { out.append((sentence, .normal, false)) }
        }
        out.append(("Reviews", .heading, true))
        let reviews = setup.reviewDates
        out.append(("The council reviews the budget within 6 months of its start (by \(reviews[0].long)), then at least once a year (next by \(reviews[1].long)).", .normal, false))
        if let reminder = setup.reviewReminder(today: facts.today) { out.append((reminder, .fair, false)) }
        if terms.split.directPayment > .zero {
            out.append(("Payments to expect into the account", .heading, true))
            let interval = policies.paymentIntervalWeeks
            let every = policies.paymentIntervalIsPublished ? "every \(interval) weeks"
                : "every \(interval) weeks (assumed: \(policies.councilName) has not published how often it pays)"
            var text = "\((terms.weeklyCouncilIntoAccount * interval).formatted) from the council \(every)"
            if terms.weeklyContributionIntoAccount > .zero {
                text += ", and your contribution of \((terms.weeklyContributionIntoAccount * interval).formatted) with it"
            }
            out.append((text + ".", .normal, false))
            let receipts = PaymentSchedule.expectedReceipts(setup: setup, policies: policies)
            let next = receipts.filter { $0.date >= facts.today }.prefix(4)
            if !next.isEmpty {
                out.append(("Next: " + next.map { "\($0.date.long) \($0.amount.formatted) (\($0.source.label))" }.joined(separator: "; ") + ".", .dim, false))
            }
        }
        out.append(("The council's policies (\(policies.source.year))", .heading, true))
        for item in policies.summary { out.append(("\(item.label): \(item.value).", .normal, false)) }
        out.append(("Source: \(policies.source.citation)", .dim, false))
        return out
    }

    /// Planned against actual as aligned columns, per plan line then per four-week period.
    static func plannedActual(_ facts: BudgetFacts, width: Int) -> [Paragraph] {
        let report = facts.plannedVsActual
        var out: [Paragraph] = [("Planned and actual to \(report.asOf.long)", .title, false)]
        out.append(("What the plan expected to be spent by now against what was (payments less refunds; reversed entries taken out). Lines the council pays directly (the managed part) never pass through your account, so they have no actual here.", .dim, true))
        let nameWidth = max(12, min(30, width - 40))
        func row(_ cells: [String]) -> String {
            DisplayWidth.pad(DisplayWidth.truncate(cells[0], to: nameWidth), to: nameWidth)
                + cells.dropFirst().map { DisplayWidth.pad($0, to: 12, alignRight: true) }.joined(separator: " ")
        }
        out.append(("By line", .heading, true))
        out.append((row(["Line", "Planned", "Actual", "Difference"]), .heading, false))
        if report.lines.isEmpty { out.append(("No plan lines and no payments yet.", .dim, false)) }
        for line in report.lines {
            let name = line.line.map { "\($0.number) \($0.payee.name)" } ?? "Not on the plan"
            if line.isPaidOutsideTheAccount, line.actual == .zero {
                out.append((row([name, line.plannedToDate.formatted, "council pays", ""]), .dim, false))
                continue
            }
            let role: Role = line.difference > .zero ? .fair : .normal
            out.append((row([name, line.plannedToDate.formatted, line.actual.formatted, signed(line.difference)]), role, false))
        }
        out.append(("By four-week period: what the account was planned to pay, and paid", .heading, true))
        out.append((row(["Period", "Planned", "Spent", "Balance"]), .heading, false))
        let started = report.periods.filter(\.isStarted)
        if started.isEmpty { out.append(("The budget year has not started yet.", .dim, false)) }
        for period in started {
            let role: Role = period.spent > period.planned ? .fair : .normal
            out.append((row(["\(period.number): \(period.start.short)", period.planned.formatted, period.spent.formatted,
                             period.closingBalance.formatted]), role, false))
        }
        return out
    }

    /// The same figures as sentences, for plain mode.
    static func plannedActualSpoken(_ facts: BudgetFacts) -> [Paragraph] {
        let report = facts.plannedVsActual
        var out: [Paragraph] = [("Planned and actual to \(report.asOf.long)", .title, false)]
        out.append(("By line", .heading, true))
        if report.lines.isEmpty { out.append(("No plan lines and no payments yet.", .normal, false)) }
        for line in report.lines {
            let name = line.line.map { "Line \($0.number), \($0.payee.name)" } ?? "Payments not on the plan"
            if line.isPaidOutsideTheAccount, line.actual == .zero {
                out.append(("\(name): planned \(line.plannedToDate.formatted) so far, paid by the council directly, not from your account.", .normal, false))
                continue
            }
            out.append(("\(name): planned \(line.plannedToDate.formatted) so far, actual \(line.actual.formatted), "
                + (line.difference > .zero ? "\(line.difference.formatted) more than planned." : line.difference < .zero
                    ? "\((-line.difference).formatted) less than planned." : "as planned."), .normal, false))
        }
        out.append(("By four-week period: what the account was planned to pay, and paid", .heading, true))
        for period in report.periods where period.isStarted {
            out.append(("Period \(period.number), \(period.start.long) to \(period.end.long): planned \(period.planned.formatted), spent \(period.spent.formatted), received \(period.received.formatted), balance at the end \(period.closingBalance.formatted).", .normal, false))
        }
        return out
    }

    static func signed(_ money: Money) -> String { money > .zero ? "+" + money.formatted : money.formatted }
}

/// A charging estimate as paragraphs: clearly an estimate, with each figure and the year used.
enum ChargingReport {
    static func paragraphs(_ estimate: ChargingEstimate) -> [BudgetReports.Paragraph] {
        var out: [BudgetReports.Paragraph] = [("Care charging estimate — an estimate, using \(estimate.figuresYear) figures", .title, false)]
        if let note = estimate.yearNote { out.append((note, .fair, true)) }
        for phase in estimate.phases {
            out.append((phase.title, .heading, true))
            for step in phase.steps {
                out.append(("\(step.label): \(step.amount.formatted) — \(step.note)", .normal, false))
            }
            switch phase.result {
            case .paysFullCost(let limit):
                out.append((ChargingEstimate.fullCostSentence(above: limit), .fair, false))
            case .mostPerWeek(let amount):
                out.append(("Result: the most you can be asked to pay is \(amount.formatted) a week (or the cost of your care, if less).", .accent, false))
            case .incomplete(let reason):
                out.append(("Result: not worked out — \(reason.replacingAll("give it with --mig AMOUNT", with: "type it in the Minimum Income Guarantee field")).", .fair, false))
            }
        }
        out.append(("Please note", .heading, true))
        for note in estimate.notes { out.append((note, .normal, false)) }
        out.append(("Sources", .heading, true))
        for source in estimate.sources { out.append((source.citation + (source.url.isEmpty ? "" : " · \(source.url)"), .dim, false)) }
        return out
    }
}
