import ChoiceKit

/// Statements and plans as CSV (for spreadsheets) and Markdown (for the council's review or an
/// audit). Every piece of user or catalog text passes `TextSafety`.
public enum BudgetExport {
    // MARK: Statement

    public static func statementCSV(_ statement: Statement) -> String {
        var out = SpreadsheetCSV.row(["entry", "date", "kind", "payee", "plan_line", "receipt_reference", "note", "in", "out", "balance", "reversed"].map { .text($0) })
        for row in statement.rows {
            let entry = row.entry
            out += SpreadsheetCSV.row([
                .number(entry.number), .text(entry.date.iso), .text(entry.kind.label), .text(entry.payee?.display ?? ""),
                entry.planLine.map { .number($0) } ?? .text(""), .text(entry.receiptReference), .text(entry.note),
                row.effect > .zero ? .amount(row.effect) : .text(""), row.effect < .zero ? .amount(-row.effect) : .text(""),
                .amount(row.balance), .text(row.isReversed ? "yes" : ""),
            ])
        }
        return out
    }

    public static func statementMarkdown(_ statement: Statement) -> String {
        var out = "# Statement: \(markdown(statement.budgetName))\n\n"
        out += "\(statement.from.long) to \(statement.to.long)\n\n"
        out += "| | |\n|---|---:|\n"
        out += "| Opening balance | \(statement.openingBalance.formatted) |\n"
        out += "| Money in | \(statement.moneyIn.formatted) |\n"
        out += "| Money out | \(statement.moneyOut.formatted) |\n"
        out += "| Closing balance | \(statement.closingBalance.formatted) |\n\n"
        guard !statement.rows.isEmpty else { return out + "No entries in these dates.\n" }
        out += "| Entry | Date | What | Payee | Line | Receipt | In | Out | Balance |\n"
        out += "|---:|---|---|---|---:|---|---:|---:|---:|\n"
        for row in statement.rows {
            let entry = row.entry
            let what = entry.kind.label + (row.isReversed ? " (reversed)" : "") + (entry.note.isEmpty ? "" : " — \(entry.note)")
            out += "| \(entry.number) | \(entry.date.iso) | \(markdown(what)) | \(markdown(entry.payee?.display ?? "")) | "
            out += "\(entry.planLine.map(String.init) ?? "") | \(markdown(entry.receiptReference)) | "
            out += "\(row.effect > .zero ? row.effect.formatted : "") | \(row.effect < .zero ? (-row.effect).formatted : "") | \(row.balance.formatted) |\n"
        }
        return out
    }

    // MARK: Plan

    public static func planCSV(_ summary: PlanSummary) -> String {
        var out = SpreadsheetCSV.row(["line", "service", "payee", "paid_from", "quantity", "weekly_cost", "annual_cost"].map { .text($0) })
        for item in summary.lines {
            let line = item.line
            out += SpreadsheetCSV.row([
                .number(line.number), .text(line.service.kind.label), .text(line.payee.display), .text(line.paidFrom.label),
                .text(line.service.quantityText), item.weeklyCost.map { .amount($0) } ?? .text(""), .amount(item.annualCost),
            ])
        }
        out += SpreadsheetCSV.row([.text("total"), .text(""), .text(""), .text(""), .text(""), .amount(summary.weeklyTotal), .amount(summary.annualTotal)])
        return out
    }

    public static func planMarkdown(_ summary: PlanSummary, setup: BudgetSetup, warnings: [BudgetWarning]) -> String {
        var out = "# Support plan: \(markdown(setup.name))\n\n"
        out += "Budget \(setup.weeklyAmountsText) (\(setup.annualBudget.formatted) a year) from \(setup.start.long) to \(setup.end.long); "
        out += "\(setup.route.label.lowercased()).\n\n"
        out += "| Line | Service | Payee | Paid from | Quantity | Weekly | Annual |\n|---:|---|---|---|---|---:|---:|\n"
        for item in summary.lines {
            let line = item.line
            out += "| \(line.number) | \(line.service.kind.label) | \(markdown(line.payee.display)) | \(line.paidFrom.label) | "
            out += "\(markdown(line.service.quantityText)) | \(item.weeklyCost?.formatted ?? "—") | \(item.annualCost.formatted) |\n"
        }
        out += "| | **Total** | | | | **\(summary.weeklyTotal.formatted)** | **\(summary.annualTotal.formatted)** |\n\n"
        out += "\(summary.bar.words).\n"
        if summary.annualTopUp > .zero {
            out += "\n\(summary.ownMoneySentence ?? "")\n"
        }
        if !warnings.isEmpty {
            out += "\n## Warnings\n\n"
            for warning in warnings {
                out += "- **\(warning.severity.label)**: \(markdown(warning.reason)) _(\(markdown(warning.source.citation)))_\n"
            }
        }
        return out
    }

    /// Text made inert and kept from breaking a Markdown table or starting markup.
    static func markdown(_ text: String) -> String {
        var out = ""
        for character in TextSafety.inert(text) {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out.append("\\"); out.append(character)
            default: out.append(character)
            }
        }
        return out
    }
}
