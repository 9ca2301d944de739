import CareBudget
import ChoiceKit

/// "My care budget" on the home page.
struct BudgetHomeEntry: HomeEntry {
    func label(in context: AppContext) -> String { "My care budget" }

    func info(in context: AppContext) -> [(String, Role)] {
        [("My care budget", .title),
         ("Turn a personal budget from the council into a support plan from the providers here, record what comes in and goes out, and see where the money is heading by the end of the year. Every rule the plan runs into is explained, with its source.", .normal),
         ("Also: an estimate of what the council may charge for care. Saved on this computer only. Press Enter to start.", .dim)]
    }

    func open(in context: inout AppContext) { context.push(BudgetsFeature()) }
}

/// The budgets a person keeps: open one, set up a new one, or estimate a charge for care.
public struct BudgetsFeature: KeyedFeature {
    /// Nil until the store has answered.
    public private(set) var budgets: [SavedBudget]?
    var problem: String?
    var cursor = ListCursor()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, new, charging, remove
    }

    enum Item: Hashable {
        case budget(Int)
        case new
        case charging
    }

    public init(budgets: [SavedBudget]? = nil) { self.budgets = budgets }

    static let removeTag = "budget.list.remove"
    /// The budget being removed and the store's request for it.
    private var removing: (name: String, id: RequestID?)?

    public var id: String { "budget:list" }
    public func title(in context: AppContext) -> String { "My care budget" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "item") + [
            KeyBinding([.enter, .right, .character("l")], "Enter", .open, "open it", hint: "open"),
            KeyBinding([.character("n")], "n", .new, "set up a new budget", hint: "new budget", plain: "n"),
            KeyBinding([.character("c")], "c", .charging, "estimate what the council may charge for care", hint: "charging", plain: "c"),
            KeyBinding([.character("x"), .delete], "x", .remove, "remove a budget set up by mistake (not one with ledger entries)", plain: "x"),
        ])
    }

    public var plainDefault: Action? { .open }

    var items: [Item] { (budgets ?? []).indices.map(Item.budget) + [.new, .charging] }

    func listArea(_ area: Rect) -> Rect {
        let top = area.y + 3
        return Rect(x: area.x + 2, y: top, width: min(area.width - 4, 96), height: max(1, area.maxY - top - 3))
    }

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let items = self.items
        switch action {
        case .move(let move):
            cursor.move(move, count: items.count, visible: listArea(context.contentArea).height)
        case .open:
            guard budgets != nil, items.indices.contains(cursor.selected) else {
                context.inform("Reading your saved budgets… one moment.")
                return .handled
            }
            open(items[cursor.selected], in: &context)
        case .new:
            open(.new, in: &context)
        case .charging:
            open(.charging, in: &context)
        case .remove:
            askToRemove(in: &context)
        }
        return .handled
    }

    /// A budget set up by mistake goes after a question; one with ledger entries stays, and says why.
    private mutating func askToRemove(in context: inout AppContext) {
        guard let budgets, items.indices.contains(cursor.selected), case .budget(let index) = items[cursor.selected],
              budgets.indices.contains(index) else {
            context.inform("Select a budget first: x removes one set up by mistake.")
            return
        }
        let budget = budgets[index]
        let entries = budget.ledger.entries.count
        guard entries == 0 else {
            context.inform("\(budget.name) has \(entries) ledger entr\(entries == 1 ? "y" : "ies"), and a ledger is never deleted: the budget stays.")
            return
        }
        removing = (budget.name, nil)
        let lines = budget.plan.count
        context.present(ModalFeature(tag: Self.removeTag, modal: .confirm(
            "Remove \(budget.name)'s budget?",
            "It has \(lines == 0 ? "no plan lines" : "\(lines) plan line\(lines == 1 ? "" : "s")") and no ledger entries. Removing it cannot be undone; set it up again with n if you need it.",
            yes: "Remove it", no: "Keep it")))
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        guard tag == Self.removeTag, let name = removing?.name else { return }
        guard outcome == .confirmed else {
            removing = nil
            return
        }
        removing = (name, context.saveBudget(.remove(budget: name), what: "removing \(name)'s budget"))
    }

    private func open(_ item: Item, in context: inout AppContext) {
        switch item {
        case .budget(let index):
            guard let budgets, budgets.indices.contains(index) else { return }
            context.push(BudgetFeature(budget: budgets[index]))
        case .new:
            context.push(BudgetSetupFeature(existingNames: budgets?.map(\.name) ?? [], context: context))
        case .charging:
            context.push(ChargingFeature(context: context))
        }
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        switch outcome {
        case .saved(let id) where id == removing?.id:
            context.inform("Removed \(removing?.name ?? "the")'s budget and its plan.")
            removing = nil
            return
        case .failed(let id, _) where id == removing?.id:
            removing = nil
            return
        case .budgetsLoaded(.loaded(let loaded)):
            // The same item stays selected; a budget that was not there before is selected.
            let before = budgets
            let selectedName: String? = items.indices.contains(cursor.selected) ? {
                if case .budget(let index) = items[cursor.selected] { return before?[index].name }
                return nil
            }() : nil
            let wasItem = items.indices.contains(cursor.selected) ? items[cursor.selected] : .new
            budgets = loaded
            problem = nil
            if let fresh = loaded.firstIndex(where: { budget in before?.contains { $0.isNamed(budget.name) } == false }) {
                cursor.selected = fresh
            } else if before == nil {
                cursor.selected = 0
            } else if let selectedName, let index = loaded.firstIndex(where: { $0.isNamed(selectedName) }) {
                cursor.selected = index
            } else if let index = items.firstIndex(of: wasItem) {
                cursor.selected = index
            }
        case .budgetsLoaded(.unreadable(let why)):
            if budgets == nil { budgets = [] }
            problem = "Your saved budgets could not be read: \(why)"
        default:
            return
        }
        cursor.fit(count: items.count, visible: listArea(context.contentArea).height)
    }

    public mutating func appeared(in context: inout AppContext) { context.loadBudgets() }

    public mutating func fit(area: Rect, in context: AppContext) {
        cursor.fit(count: items.count, visible: listArea(area).height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch cursor.handle(mouse, body: listArea(area), count: items.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard budgets != nil, items.indices.contains(number - 1) else { return false }
        cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    func label(_ item: Item, _ context: AppContext) -> String {
        switch item {
        case .budget(let index):
            guard let budget = budgets?[index] else { return "" }
            let setup = budget.setup
            let route = setup.route == .mixed ? "a mix" : setup.route.label.lowercased()
            return "\(setup.name) — \(setup.terms(on: context.today).weeklyBudget.formatted) a week, \(route); "
                + "\(budget.plan.count) plan line\(budget.plan.count == 1 ? "" : "s"), balance \(budget.ledger.balance.formatted)"
        case .new: return "Set up a new budget"
        case .charging: return "Estimate what the council may charge for care"
        }
    }

    var introduction: String {
        guard let budgets else { return "Reading your saved budgets…" }
        if budgets.isEmpty {
            return "No budget yet. Set one up from the council's letter: the weekly or yearly amount, your contribution and how you receive it."
        }
        return "Your budgets, kept on this computer. Open one to see its plan, ledger and projection."
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("My care budget", x: area.x, y: area.y, role: .title)
        var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: 2))
        writer.write(introduction, role: .dim, into: &screen)
        let list = listArea(area)
        let items = self.items
        if budgets != nil {
            for row in 0..<list.height {
                let index = cursor.viewport.top + row
                guard items.indices.contains(index) else { break }
                let selected = index == cursor.selected
                let role: Role = selected ? .selected : (items[index] == .new || items[index] == .charging ? .accent : .normal)
                screen.putPadded((selected ? "▸ " : "  ") + label(items[index], context), x: list.x, y: list.y + row, width: list.width, role: role)
            }
        }
        if let problem {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.maxY - 3, width: area.width - 4, height: 3))
            writer.write(problem, role: .error, into: &screen)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = [.note(introduction)]
        if budgets != nil {
            for (index, item) in items.enumerated() { lines.append(.item(index + 1, label(item, context) + ".")) }
        }
        if let problem { lines.append(.note(problem)) }
        let remove = (budgets ?? []).isEmpty ? "" : " x and a budget's number to remove one set up by mistake,"
        return PlainView(title: "My care budget", lines: lines,
                         prompt: "Type a number to open it, n to set up a new budget,\(remove) c for a charging estimate, or b to go back:")
    }
}
