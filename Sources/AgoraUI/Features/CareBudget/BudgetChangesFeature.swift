import CareBudget
import ChoiceKit

/// A budget's amounts through its year: as it started, and each change the council made after a
/// review or a reassessment. New amounts are added here; one entered by mistake is taken out.
public struct BudgetChangesFeature: KeyedFeature {
    var link: BudgetLink
    var cursor = ListCursor()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case new, remove
    }

    static let removeTag = "budget.changes.remove"
    /// The change being taken out, once asked.
    private var removing: CalendarDate?

    public init(budget: SavedBudget) { link = BudgetLink(budget) }

    public var id: String { "budget:changes:\(link.name.lowercased())" }
    public func title(in context: AppContext) -> String { "Changes to \(link.name)'s budget" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "change") + [
            KeyBinding([.character("n")], "n", .new, "new amounts from a date, from the council's letter", hint: "new amounts", plain: "n"),
            KeyBinding([.character("x"), .delete], "x", .remove, "take out a change entered by mistake", hint: "take out", plain: "x"),
        ])
    }

    var changes: [BudgetChange] { link.setup.changes }

    func listArea(_ area: Rect) -> Rect {
        let top = area.y + 5
        // Below the list: the selected change whole and the year's total, two rows each.
        return Rect(x: area.x + 2, y: top, width: min(area.width - 4, 100), height: max(1, area.maxY - top - 5))
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        switch action {
        case .move(let move):
            cursor.move(move, count: changes.count, visible: listArea(context.contentArea).height)
        case .new:
            if link.isGone {
                context.warn("This budget is no longer saved here (another copy of Agora may have removed it).")
            } else {
                context.push(BudgetChangeFormFeature(budget: link.budget, context: context))
            }
        case .remove:
            guard changes.indices.contains(cursor.selected) else {
                context.inform("There is no change to take out: n adds new amounts from a date.")
                return .handled
            }
            let change = changes[cursor.selected]
            removing = change.from
            context.present(ModalFeature(tag: Self.removeTag, modal: .confirm(
                "Take out the change from \(change.from.long)?",
                ChangeInput.summary(change, setup: link.setup) + " Taking it out puts back the amounts before it; later changes stay.",
                yes: "Take it out", no: "Keep it")))
        }
        return .handled
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        guard tag == Self.removeTag, let from = removing else { return }
        removing = nil
        guard outcome == .confirmed else { return }
        var updated = link.budget
        updated.setup.changes.removeAll { $0.from == from }
        if let problem = updated.setup.termsProblem {
            context.warn(MessageText.sentence("It stays: without it, \(problem). Take out or correct the later change first"))
            return
        }
        link.change(updated, .removeChange(budget: link.name, from: from), what: "taking out the change from \(from.long)", in: &context)
        cursor.fit(count: changes.count, visible: listArea(context.contentArea).height)
        context.inform("Took out the change from \(from.long); the amounts before it apply again.")
    }

    public mutating func appeared(in context: inout AppContext) { context.loadBudgets() }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        if link.receive(outcome) { cursor.fit(count: changes.count, visible: listArea(context.contentArea).height) }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        cursor.fit(count: changes.count, visible: listArea(area).height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch cursor.handle(mouse, body: listArea(area), count: changes.count) {
        case .ignored: return .ignored
        case .moved, .activated: return .handled
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard changes.indices.contains(number - 1) else { return false }
        cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    /// "At the start, 5 October 2026: £300.00 a week; you pay £40.00."
    var startLine: String {
        let setup = link.setup
        let contribution = setup.weeklyContribution > .zero ? "; you pay \(setup.weeklyContribution.formatted)" : ""
        return "At the start, \(setup.start.long): \(setup.weeklyBudget.formatted) a week\(contribution)."
    }

    var introduction: String {
        "When the council reviews the budget or reassesses your contribution (every April, when benefits rise), its letter gives new amounts from a date. Add them here: the projection, the payments to expect and the year's total follow them. The plan and the ledger stay as they are."
    }

    var totals: String {
        let setup = link.setup
        return "The year holds \(setup.annualBudget.formatted) in all: \(setup.weeklyAmountsText)."
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("Changes to \(link.name)'s budget", x: area.x, y: area.y, role: .title)
        var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: 3))
        writer.write(introduction, role: .dim, into: &screen)
        screen.put(startLine, x: area.x + 2, y: area.y + 4, width: area.width - 4, role: .normal)
        let list = listArea(area)
        if changes.isEmpty {
            screen.put("No changes yet: press n to add the new amounts from the council's letter.", x: list.x, y: list.y, width: list.width, role: .accent)
        }
        for row in 0..<list.height {
            let index = cursor.viewport.top + row
            guard changes.indices.contains(index) else { break }
            let selected = index == cursor.selected
            let text = (selected ? "▸ " : "  ") + ChangeInput.summary(changes[index], setup: link.setup)
            screen.putPadded(DisplayWidth.truncate(text, to: list.width), x: list.x - 2, y: list.y + row, width: list.width + 2,
                             role: selected ? .selected : .normal)
        }
        if changes.indices.contains(cursor.selected) {
            var whole = ParagraphWriter(area: Rect(x: area.x + 2, y: area.maxY - 4, width: area.width - 4, height: 2))
            whole.write(ChangeInput.summary(changes[cursor.selected], setup: link.setup), role: .normal, into: &screen)
        }
        var total = ParagraphWriter(area: Rect(x: area.x + 2, y: area.maxY - 2, width: area.width - 4, height: 2))
        total.write(totals, role: .dim, into: &screen)
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = [.note(introduction), .note(startLine)]
        if changes.isEmpty { lines.append(.note("No changes yet.")) }
        for (index, change) in changes.enumerated() { lines.append(.item(index + 1, ChangeInput.summary(change, setup: link.setup))) }
        lines.append(.note(totals))
        let remove = changes.isEmpty ? "" : " x and a change's number to take it out,"
        return PlainView(title: "Changes to \(link.name)'s budget", lines: lines,
                         prompt: "Type n for new amounts from a date,\(remove) or b to go back:")
    }
}
