import CareBudget
import ChoiceKit

/// Budgets as plain text for the terminal: aligned tables and sentences. User and catalog text
/// passes `TextSafety.inert` before it is printed.
enum BudgetText {
    static func safe(_ text: String) -> String { TextSafety.inert(text) }

    /// An aligned table; the columns in `right` are right-aligned.
    static func table(_ titles: [String], _ rows: [[String]], right: Set<Int>) -> String {
        var widths = titles.map(DisplayWidth.of)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = min(44, max(widths[index], DisplayWidth.of(cell))) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                DisplayWidth.pad(DisplayWidth.truncate(cell, to: widths[index]), to: widths[index], alignRight: right.contains(index))
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return line(titles) + line(widths.map { String(repeating: "─", count: $0) }) + rows.map(line).joined()
    }

    static func setup(_ setup: BudgetSetup, policies: BudgetPolicies) -> String {
        let terms = setup.terms(on: BudgetInput.today)
        var out = "\(safe(setup.name))'s care budget: \(setup.weeklyAmountsText) (\(setup.annualBudget.formatted) a year), "
        out += "\(setup.start.long) to \(setup.end.long).\n"
        out += "Council pays \(terms.weeklyCouncilShare.formatted) a week; your assessed contribution is \(terms.weeklyContribution.formatted) a week.\n"
        let parts = terms.split.parts.map { "\($0.label) \(terms.split.weekly($0).formatted) a week" }
        out += "Received as: \(setup.route.label.lowercased())" + (parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))") + ".\n"
        if let holder = setup.fundHolderID { out += "Individual service fund held by \(safe(holder)).\n" }
        if let hours = terms.assessedHoursPerWeek { out += "Assessed need: \(hours) hours of care a week.\n" }
        for sentence in setup.changeSentences { out += "Changed after a review: \(safe(sentence))\n" }
        let reviews = setup.reviewDates
        out += "Reviews: the first by \(reviews[0].long), then at least yearly (next by \(reviews[1].long)).\n"
        if let reminder = setup.reviewReminder(today: BudgetInput.today) { out += reminder + "\n" }
        if terms.split.directPayment > .zero {
            let interval = policies.paymentIntervalWeeks
            let every = policies.paymentIntervalIsPublished ? "every \(interval) weeks" : "every \(interval) weeks (assumed: \(safe(policies.councilName)) has not published how often it pays)"
            out += "Expected into the account \(every): \((terms.weeklyCouncilIntoAccount * interval).formatted) from the council"
            out += terms.weeklyContributionIntoAccount > .zero ? " and \((terms.weeklyContributionIntoAccount * interval).formatted) from you.\n" : ".\n"
        }
        return out
    }

    static func plan(_ summary: PlanSummary) -> String {
        guard !summary.lines.isEmpty else { return "The plan has no lines yet: add them with agora budget plan add.\n" }
        let rows = summary.lines.map { item -> [String] in
            let line = item.line
            return ["\(line.number)", line.service.kind.label, safe(line.payee.display), line.paidFrom.label, safe(line.service.quantityText),
                    item.weeklyCost?.formatted ?? "—", item.annualCost.formatted]
        } + [["", "Total", "", "", "", summary.weeklyTotal.formatted, summary.annualTotal.formatted]]
        var out = table(["Line", "Service", "Payee", "Paid from", "Quantity", "Weekly", "Year"], rows, right: [0, 5, 6])
        out += "\n\(summary.bar.cells(width: 40))  \(summary.bar.words)\n"
        for part in summary.parts where part.part != .own {
            out += "  \(part.part.label): \(part.plannedAnnual.formatted) planned of \(part.availableAnnual.formatted)"
            out += part.overAnnual > .zero ? " (\(part.overAnnual.formatted) over)\n" : "\n"
        }
        if summary.annualTopUp > .zero {
            out += (summary.ownMoneySentence ?? "") + "\n"
        }
        return out
    }

    static func warnings(_ warnings: [BudgetWarning]) -> String {
        guard !warnings.isEmpty else { return "" }
        return "\nWarnings:\n" + warnings.map { warning in
            "  [\(warning.severity.label)] \(safe(warning.reason))\n    Source: \(safe(warning.source.citation))\n"
        }.joined()
    }

    static func statement(_ statement: Statement) -> String {
        var out = "Statement for \(safe(statement.budgetName)), \(statement.from.long) to \(statement.to.long)\n\n"
        out += "Opening balance \(statement.openingBalance.formatted); in \(statement.moneyIn.formatted); out \(statement.moneyOut.formatted); "
        out += "closing balance \(statement.closingBalance.formatted).\n\n"
        guard !statement.rows.isEmpty else { return out + "No entries in these dates.\n" }
        let rows = statement.rows.map { row -> [String] in
            let entry = row.entry
            let what = entry.kind.label + (row.isReversed ? " (reversed)" : "")
            return ["\(entry.number)", entry.date.iso, what, safe(entry.payee?.display ?? ""), entry.planLine.map(String.init) ?? "",
                    safe(entry.receiptReference), row.effect > .zero ? row.effect.formatted : "",
                    row.effect < .zero ? (-row.effect).formatted : "", row.balance.formatted]
        }
        return out + table(["Entry", "Date", "What", "Payee", "Line", "Receipt", "In", "Out", "Balance"], rows, right: [0, 4, 6, 7, 8])
    }

    static func projection(_ projection: Projection, report: PlannedVsActual, ascii: Bool) -> String {
        var out = "Balance on \(projection.asOf.long): \(projection.balanceNow.formatted).\n"
        out += safe(projection.words) + "\n"
        if case .noAccount = projection.outcome { return out }
        out += projection.toComeWords.prefix(1).uppercased() + projection.toComeWords.dropFirst() + "; projected balance on \(projection.periodEnd.long): \(projection.endBalance.formatted).\n\n"
        let chart = BalanceChart.lines(projection.series, width: 60, height: 6, ascii: ascii)
        let top = projection.series.map(\.balance).max() ?? .zero
        out += "Balance through the year (top \(top.formattedShort); \(ascii ? "= recorded, - projected" : "━ recorded, ┄ projected")):\n"
        out += chart.dropLast().map { "  │" + $0 + "\n" }.joined()
        out += "  └" + (chart.last ?? "") + "\n"
        out += "   \(projection.series.first?.date.short ?? "")" + " to \(projection.periodEnd.short)\n\n"
        let periods = report.periods.filter(\.isStarted).map {
            ["\($0.number)", "\($0.start.short) – \($0.end.short)", $0.planned.formatted, $0.spent.formatted, $0.received.formatted,
             $0.closingBalance.formatted]
        }
        if !periods.isEmpty {
            out += "Four-week periods so far (planned: what the account pays; the council pays the managed part itself):\n"
            out += table(["Period", "Dates", "Planned", "Spent", "Received", "Balance"], periods, right: [0, 2, 3, 4, 5])
        }
        let lines = report.lines.map {
            [$0.line.map { "\($0.number) \(safe($0.payee.name))" } ?? "not on the plan", $0.plannedToDate.formatted,
             $0.isPaidOutsideTheAccount && $0.actual == .zero ? "council pays" : $0.actual.formatted,
             $0.isPaidOutsideTheAccount && $0.actual == .zero ? "" : $0.difference.formatted]
        }
        if !lines.isEmpty {
            out += "\nPlanned and actual by line, to \(report.asOf.long):\n"
            out += table(["Line", "Planned", "Actual", "Difference"], lines, right: [1, 2, 3])
        }
        return out
    }
}
