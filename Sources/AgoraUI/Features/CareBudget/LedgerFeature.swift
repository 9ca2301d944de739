import CareBudget
import ChoiceKit

/// The ledger: every entry in date order with the running balance. Money in and out is recorded
/// with a form; a mistake is corrected by reversing the entry (a new entry that undoes it), never
/// by editing or deleting history.
public struct LedgerFeature: KeyedFeature {
    var link: BudgetLink
    /// The statement's rows, worked out once per change of the ledger (it can have thousands).
    public private(set) var rows: [Statement.Row] = []
    public var table = TableState()
    var export = BudgetExportFlow()
    /// The entry a reversal is being confirmed for.
    private var reversing: Int?
    /// Plain mode shows ten entries at a time, the latest first; this is how many pages back.
    var plainPage = 0

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case pay, receive, refund, reverse, export, open
        case columnsLeft, columnsRight
    }

    static let reverseTag = "budget.ledger.reverse"
    static let plainPageSize = 10

    public init(budget: SavedBudget) {
        link = BudgetLink(budget)
        refreshRows()
        table.cursor.selected = max(0, rows.count - 1)
    }

    mutating func refreshRows() {
        let ledger = link.budget.ledger
        let setup = link.setup
        let dates = ledger.entries.map(\.date)
        rows = Statement(budgetName: setup.name, ledger: ledger, from: min(setup.start, dates.min() ?? setup.start),
                         to: max(setup.end, dates.max() ?? setup.end)).rows
    }

    public var budget: SavedBudget { link.budget }
    public var id: String { "budget:ledger:\(link.name.lowercased())" }
    public func title(in context: AppContext) -> String { "Ledger" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "entry") + [
            KeyBinding([.character("p"), .character("$")], "p $", .pay, "record a payment to a provider or a person", hint: "pay", plain: "pay"),
            KeyBinding([.character("i")], "i", .receive, "record money in: the council, your contribution, a top-up", hint: "money in", plain: "in"),
            KeyBinding([.character("r")], "r", .refund, "record a refund (money paid back)", plain: "refund"),
            KeyBinding([.character("x")], "x", .reverse, "correct a mistake: reverse the selected entry", hint: "reverse", plain: "x"),
            KeyBinding([.character("e")], "e", .export, "save the statement or the plan to a file", hint: "export", plain: "e"),
            KeyBinding([.enter], "Enter", .open, "the entry in words"),
            KeyBinding([.right], "→", .columnsRight, "more columns"),
            KeyBinding([.left], "←", .columnsLeft, "earlier columns, or back"),
        ])
    }

    // MARK: Layout

    func tableArea(_ area: Rect) -> Rect { Rect(x: area.x, y: area.y + 1, width: area.width, height: max(2, area.height - 4)) }
    func detailArea(_ area: Rect) -> Rect { Rect(x: area.x + 2, y: area.maxY - 2, width: area.width - 4, height: 2) }

    static let columns: [TableColumn] = [
        TableColumn(title: "No.", width: 5, alignRight: true), TableColumn(title: "Date", width: 10), TableColumn(title: "What", width: 17),
        TableColumn(title: "Amount", width: 11, alignRight: true), TableColumn(title: "Balance", width: 11, alignRight: true),
        TableColumn(title: "Payee", width: 17), TableColumn(title: "Line", width: 4, alignRight: true),
        TableColumn(title: "Receipt", width: 12), TableColumn(title: "Note", width: 30),
    ]

    /// What an entry is, short enough for its column: "reversed payment", "reverses no. 12".
    static func what(_ row: Statement.Row) -> String {
        if case .reversal(let number) = row.entry.kind { return "reverses no. \(number)" }
        return (row.isReversed ? "reversed " : "") + row.entry.kind.label
    }

    func tableView() -> Table {
        let rows = self.rows
        let link = self.link
        return Table(columns: Self.columns, rowCount: rows.count, cell: { row, column in
            let item = rows[row]
            let entry = item.entry
            let role: Role = item.isReversed ? .dim : .normal
            switch column {
            case 0: return TableCell(link.isUnconfirmed(entry: entry.number) ? "…" : "\(entry.number)", role: role)
            case 1: return TableCell(entry.date.iso, role: role)
            case 2: return TableCell(Self.what(item), role: role)
            case 3: return TableCell(item.effect > .zero ? "+" + item.effect.formatted : item.effect.formatted,
                                     role: item.isReversed ? .dim : item.effect > .zero ? .good : .normal)
            case 4: return TableCell(item.balance.formatted, role: item.balance.isNegative ? .bad : .normal)
            case 5: return TableCell(entry.payee?.name ?? "", role: role)
            case 6: return TableCell(entry.planLine.map(String.init) ?? "", role: role)
            case 7: return TableCell(entry.receiptReference, role: role)
            default: return TableCell(entry.note, role: role)
            }
        }, marker: { row in link.isUnconfirmed(entry: rows[row].entry.number) ? "…" : nil })
    }

    var selectedRow: Statement.Row? { rows.indices.contains(table.cursor.selected) ? rows[table.cursor.selected] : nil }

    // MARK: Actions

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let area = context.contentArea
        switch action {
        case .move(let move):
            table.cursor.move(move, count: rows.count, visible: Table.body(of: tableArea(area)).height)
        case .pay: context.push(EntryFormFeature(kind: .payment, budget: link.budget, context: context))
        case .receive: context.push(EntryFormFeature(kind: .receipt, budget: link.budget, context: context))
        case .refund: context.push(EntryFormFeature(kind: .refund, budget: link.budget, context: context))
        case .reverse:
            guard let row = selectedRow else {
                context.inform("There are no entries yet.")
                return .handled
            }
            askToReverse(row.entry.number, in: &context)
        case .export:
            export.begin(BudgetFacts(link.budget, context), in: &context)
        case .open:
            guard let row = selectedRow else { return .handled }
            context.inform("Entry \(row.entry.number): \(BudgetFacts.describe(row.entry)). Balance after it \(row.balance.formatted)."
                + (row.isReversed ? " It has been reversed." : ""))
        case .columnsRight:
            return table.scrollColumns(1, columns: Self.columns, width: tableArea(area).width, gutter: 2)
        case .columnsLeft:
            return table.scrollColumns(-1, columns: Self.columns, width: tableArea(area).width, gutter: 2)
        }
        return .handled
    }

    /// Checks the entry can be reversed, then asks.
    mutating func askToReverse(_ number: Int, in context: inout AppContext) {
        let ledger = link.budget.ledger
        guard let entry = ledger.entry(number) else {
            context.warn("There is no entry \(number).")
            return
        }
        if link.isUnconfirmed(entry: number) {
            context.inform("Entry \(number) is still being saved: try again in a moment.")
            return
        }
        if case .reversal = entry.kind {
            context.warn("Entry \(number) is itself a reversal: to put it back, record the original entry again.")
            return
        }
        if ledger.isReversed(number) {
            context.warn("Entry \(number) is already reversed: record a new entry instead.")
            return
        }
        reversing = number
        let direction = (ledger.effect(of: number) ?? .zero) > .zero ? "takes \(entry.amount.formatted) off the balance" : "puts \(entry.amount.formatted) back on the balance"
        context.present(ModalFeature(tag: Self.reverseTag, modal: .confirm(
            "Reverse entry \(number)?",
            "Entry \(number) is a \(BudgetFacts.describe(entry)). Reversing records a new entry, dated \(entry.date.long) like the mistake, that \(direction). Nothing is deleted: the ledger keeps both, as an auditor expects.",
            yes: "Reverse it", no: "Keep it")))
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        if export.modalFinished(tag, outcome, facts: BudgetFacts(link.budget, context), in: &context) { return }
        guard tag == Self.reverseTag else { return }
        defer { reversing = nil }
        guard outcome == .confirmed, let number = reversing,
              let draft = link.budget.ledger.reversalDraft(of: number) else { return }
        var updated = link.budget
        updated.ledger = Ledger(entries: updated.ledger.entries + [draft.entry(number: updated.ledger.nextNumber)])
        link.change(updated, .record(budget: link.name, draft), what: "the reversal of entry \(number)", in: &context)
        refreshRows()
        let newest = rows.indices.max { rows[$0].entry.number < rows[$1].entry.number } ?? 0
        table.cursor.select(newest, count: rows.count, visible: Table.body(of: tableArea(context.contentArea)).height)
        context.inform("Reversing entry \(number)…")
    }

    /// Opened, or back on top: the budget as saved now (a command or another copy may have added to it).
    public mutating func appeared(in context: inout AppContext) { context.loadBudgets() }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        let latest = table.cursor.selected >= rows.count - 1
        var confirmedOwn: Int?
        if case .saved(let id) = outcome { confirmedOwn = link.unconfirmedEntries[id] }
        guard link.receive(outcome) else { return }
        let before = rows.count
        refreshRows()
        let visible = Table.body(of: tableArea(context.contentArea)).height
        let newest = rows.indices.max { rows[$0].entry.number < rows[$1].entry.number }
        if rows.count > before, let newest {
            table.cursor.select(newest, count: rows.count, visible: visible)
        } else if latest {
            table.cursor.select(rows.count - 1, count: rows.count, visible: visible)
        } else {
            table.cursor.fit(count: rows.count, visible: visible)
        }
        if let number = confirmedOwn, let entry = link.budget.ledger.entry(number) {
            context.inform("Saved: \(BudgetFacts.describe(entry)). Balance \(link.budget.ledger.balance.formatted).")
        }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        table.cursor.fit(count: rows.count, visible: Table.body(of: tableArea(area)).height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch table.cursor.handle(mouse, body: Table.body(of: tableArea(area)), count: rows.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }

    // MARK: Drawing

    var summary: String {
        let ledger = link.budget.ledger
        let count = ledger.entries.count
        // The balance first: a narrow window cuts the end of the line.
        return "balance \(ledger.balance.formatted) · \(count) entr\(count == 1 ? "y" : "ies") · in \(ledger.moneyIn.formatted) · out \(ledger.moneyOut.formatted)"
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("Ledger", x: area.x, y: area.y, role: .title)
        var summary = self.summary
        if let shown = Table.rowsShown(table, count: rows.count, visible: Table.body(of: tableArea(area)).height) { summary += " · " + shown }
        screen.put(summary, x: area.x + 8, y: area.y, width: area.width - 8, role: .dim)
        guard !rows.isEmpty else {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.y + 2, width: area.width - 4, height: area.height - 2))
            writer.write("Nothing recorded yet. Press i when money comes in (the council's payment, your contribution), p when you pay a provider or a person, r for a refund.",
                         role: .normal, into: &screen)
            return
        }
        tableView().render(table, into: &screen, area: tableArea(area))
        if let row = selectedRow {
            var text = "Entry \(link.isUnconfirmed(entry: row.entry.number) ? "(saving…)" : "\(row.entry.number)"): \(BudgetFacts.describe(row.entry)). Balance after it \(row.balance.formatted)."
            if row.isReversed { text += " Reversed by a later entry." }
            var writer = ParagraphWriter(area: detailArea(area))
            writer.write(text, role: row.isReversed ? .dim : .normal, into: &screen)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = [.note(Spoken.text(summary) + ".")]
        if rows.isEmpty { lines.append(.note("Nothing recorded yet. Type in when money comes in, pay when you pay someone.")) }
        let end = max(0, rows.count - plainPage * Self.plainPageSize)
        let start = max(0, end - Self.plainPageSize)
        if start > 0 || end < rows.count {
            lines.append(.note("Entries \(start + 1) to \(end) of \(rows.count) in date order\(start > 0 ? "; o shows older ones" : "")\(end < rows.count ? "; n newer ones" : "")."))
        }
        for row in rows[start..<end] {
            let entry = row.entry
            let money = row.effect > .zero ? "in \(row.effect.formatted)" : "out \((-row.effect).formatted)"
            let saving = link.isUnconfirmed(entry: entry.number) ? " (saving)" : ""
            lines.append(.item(entry.number, "\(entry.date.long): \(BudgetFacts.describe(entry, withDate: false)); \(money); balance \(row.balance.formatted)"
                + (row.isReversed ? "; reversed" : "") + saving + "."))
        }
        return PlainView(title: "Ledger for \(link.name)", lines: lines,
                         prompt: "Type pay, in or refund to record one, x and an entry number to reverse it, e to save, or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        switch command.word {
        case "o" where command.number == nil:
            if (plainPage + 1) * Self.plainPageSize >= rows.count { context.inform("These are the oldest entries.") } else { plainPage += 1 }
            return .handled
        case "n" where command.number == nil:
            if plainPage == 0 { context.inform("These are the latest entries.") } else { plainPage -= 1 }
            return .handled
        case "x":
            guard let number = command.number else {
                context.warn("Type x and the number of the entry to reverse, e.g. x 3.")
                return .handled
            }
            askToReverse(number, in: &context)
            return .handled
        case "e" where command.number != nil:
            export.direct(command, facts: BudgetFacts(link.budget, context), in: &context)
            return .handled
        case "":
            guard let number = command.number, let row = rows.first(where: { $0.entry.number == number }) else {
                context.warn("Type an entry's number to hear it, or a command; ? lists them.")
                return .handled
            }
            context.inform("Entry \(number): \(BudgetFacts.describe(row.entry)). Balance after it \(row.balance.formatted)."
                + (row.isReversed ? " It has been reversed." : ""))
            return .handled
        default:
            return keyedPlain(command, in: &context)
        }
    }
}
