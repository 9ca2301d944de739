import CareBudget
import ChoiceKit

/// One budget at a glance: how much it is and how it is received, the budget bar, the balance and
/// where the money is heading, and the way to each part of the journey.
public struct BudgetFeature: KeyedFeature {
    var link: BudgetLink
    var cursor = ListCursor()
    var export = BudgetExportFlow()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case open
        case go(Item)
    }

    public enum Item: Hashable, Sendable, CaseIterable {
        case plan, ledger, pay, receive, plannedActual, projection, warnings, changes, details, charging, export
    }

    public init(budget: SavedBudget) { link = BudgetLink(budget) }

    public var budget: SavedBudget { link.budget }
    public var id: String { "budget:\(link.name.lowercased())" }
    public func title(in context: AppContext) -> String { "\(link.name)'s budget" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "item") + [
            KeyBinding([.enter, .right], "Enter", .open, "open it", hint: "open"),
            KeyBinding([.character("p")], "p", .go(.plan), "the support plan", hint: "plan", plain: "p"),
            KeyBinding([.character("l")], "l", .go(.ledger), "the ledger", hint: "ledger", plain: "l"),
            KeyBinding([.character("$")], "$", .go(.pay), "record a payment", hint: "pay", plain: "pay"),
            KeyBinding([.character("i")], "i", .go(.receive), "record money in", plain: "in"),
            KeyBinding([.character("r")], "r", .go(.projection), "the projection and balance chart", hint: "projection", plain: "r"),
            KeyBinding([.character("w")], "w", .go(.warnings), "the warnings, with their reasons and sources", plain: "w"),
            KeyBinding([.character("n")], "n", .go(.changes), "new amounts after a review or reassessment", plain: "n"),
            KeyBinding([.character("c")], "c", .go(.charging), "estimate what the council may charge", plain: "c"),
            KeyBinding([.character("e")], "e", .go(.export), "save the statement or the plan to a file", hint: "export", plain: "e"),
        ])
    }

    public var plainDefault: Action? { .open }

    // MARK: Layout

    struct Frame {
        let header: Rect
        let menu: Rect
        let info: Rect?
    }

    /// The rows the menu keeps however short the window: the header gives way first.
    static let menuRowsKept = 5

    /// The budget in brief, as many rows as `room` allows: how it is received goes first (the
    /// details page has it), then the amount shortens to one row; the projection stays whole.
    func headerLines(_ facts: BudgetFacts, width: Int, style: BarStyle, room: Int) -> [(String, Role)] {
        let amount = DisplayWidth.wrap(facts.amountAndYear + ".", width: width).map { ($0, Role.normal) }
        let how = DisplayWidth.wrap(facts.howReceived, width: width).map { ($0, Role.normal) }
        let bar = facts.summary.bar.lines(width: width, ascii: style.isASCII)
        let projection = facts.projection
        let balance = facts.balanceSentence
        let overdrawn = link.budget.ledger.balance < .zero
        let forecast = DisplayWidth.wrap(balance + " " + projection.words, width: width)
            .map { ($0, overdrawn ? Role.bad : Self.role(of: projection.outcome)) }
        let warnings = DisplayWidth.wrap(facts.warningsText + facts.warningsPrompt("Press"), width: width)
            .map { ($0, BudgetFacts.role(facts.worstWarning)) }
        var lines = amount + how + bar + forecast + warnings
        if lines.count > room { lines = amount + bar + forecast + warnings }
        if lines.count > room {
            let brief = "\(facts.setup.terms(on: facts.today).weeklyBudget.formatted) a week, \(facts.setup.start.short) to \(facts.setup.end.short)"
            lines = [(DisplayWidth.truncate(brief, to: width), .normal)] + bar + forecast + warnings
        }
        if lines.count > room, projection.headline != projection.words {
            // The rest of the projection is on its page (r).
            let headline = DisplayWidth.wrap(balance + " " + projection.headline + " More: press r.", width: width)
                .map { ($0, Self.role(of: projection.outcome)) }
            lines = Array(lines.prefix(1)) + bar + headline + warnings
        }
        return lines
    }

    func headerLines(_ facts: BudgetFacts, area: Rect, style: BarStyle) -> [(String, Role)] {
        headerLines(facts, width: area.width - 4, style: style, room: max(2, area.height - Self.menuRowsKept - 1))
    }

    static func role(of outcome: Projection.Outcome) -> Role {
        switch outcome {
        case .runsOut: return .bad
        case .surplus(_, let reclaimable?) where reclaimable > .zero: return .fair
        default: return .normal
        }
    }

    func frame(_ area: Rect, header: Int, facts: BudgetFacts) -> Frame {
        let headerRows = min(header, max(2, area.height - Self.menuRowsKept - 1))
        let top = area.y + headerRows + 1
        // The menu as wide as its longest label; the side notes only where they have room to read.
        let labels = Item.allCases.map { DisplayWidth.of(label($0, facts)) }.max() ?? 30
        let menuWidth = min(area.width - 4, max(30, min(46, labels + 2)))
        let menu = Rect(x: area.x + 2, y: top, width: menuWidth, height: max(1, area.maxY - top))
        let infoWidth = area.width - menuWidth - 6
        let info = infoWidth >= 28 ? Rect(x: area.x + menuWidth + 4, y: top, width: infoWidth, height: area.maxY - top) : nil
        return Frame(header: Rect(x: area.x + 2, y: area.y, width: area.width - 4, height: headerRows), menu: menu, info: info)
    }

    func frame(_ area: Rect, _ context: AppContext) -> Frame {
        let facts = BudgetFacts(link.budget, context)
        return frame(area, header: headerLines(facts, area: area, style: BarStyle(theme: context.theme)).count, facts: facts)
    }

    // MARK: Actions

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let items = Item.allCases
        switch action {
        case .move(let move):
            cursor.move(move, count: items.count, visible: frame(context.contentArea, context).menu.height)
        case .open:
            go(items[max(0, min(cursor.selected, items.count - 1))], in: &context)
        case .go(let item):
            go(item, in: &context)
        }
        return .handled
    }

    mutating func go(_ item: Item, in context: inout AppContext) {
        if link.isGone {
            context.warn("This budget is no longer saved here (another copy of Agora may have removed it).")
            return
        }
        let budget = link.budget
        switch item {
        case .plan: context.push(PlanFeature(budget: budget))
        case .ledger: context.push(LedgerFeature(budget: budget))
        case .pay: context.push(EntryFormFeature(kind: .payment, budget: budget, context: context))
        case .receive: context.push(EntryFormFeature(kind: .receipt, budget: budget, context: context))
        case .plannedActual: context.push(ReadingPage(.plannedActual, budget: budget))
        case .projection: context.push(ProjectionFeature(budget: budget))
        case .warnings: context.push(ReadingPage(.warnings, budget: budget))
        case .changes: context.push(BudgetChangesFeature(budget: budget))
        case .details: context.push(ReadingPage(.details, budget: budget))
        case .charging: context.push(ChargingFeature(context: context))
        case .export: export.begin(BudgetFacts(budget, context), in: &context)
        }
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        export.modalFinished(tag, outcome, facts: BudgetFacts(link.budget, context), in: &context)
    }

    /// Opened, or back on top: the budget as saved now (a command or another copy may have added to it).
    public mutating func appeared(in context: inout AppContext) { context.loadBudgets() }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        if link.receive(outcome) { fit(area: context.contentArea, in: context) }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        cursor.fit(count: Item.allCases.count, visible: frame(area, context).menu.height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch cursor.handle(mouse, body: frame(area, context).menu, count: Item.allCases.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard Item.allCases.indices.contains(number - 1) else { return false }
        cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    func label(_ item: Item, _ facts: BudgetFacts) -> String {
        let budget = link.budget
        switch item {
        case .plan:
            let count = budget.plan.count
            return count == 0 ? "Support plan: no lines yet" : "Support plan: \(count) line\(count == 1 ? "" : "s"), \(facts.summary.weeklyEquivalent.formatted) a week"
        case .ledger:
            let count = budget.ledger.entries.count
            return "Ledger: \(count) entr\(count == 1 ? "y" : "ies"), balance \(budget.ledger.balance.formatted)"
        case .pay: return "Record a payment"
        case .receive: return "Record money in"
        case .plannedActual: return "Planned and actual"
        case .projection: return "Projection and balance chart"
        case .warnings: return facts.warnings.isEmpty ? "Warnings: none" : "Warnings (\(facts.warnings.count))"
        case .changes:
            let count = budget.setup.changes.count
            return count == 0 ? "Changes after a review: none" : "Changes after a review: \(count)"
        case .details: return "Budget details and council policies"
        case .charging: return "Care charging estimate"
        case .export: return "Save the statement or plan to a file"
        }
    }

    func info(_ item: Item) -> String {
        switch item {
        case .plan: return "What the budget buys: providers from the catalog (compared as cost per week for your hours or days), personal assistants and one-off items, with weekly and yearly totals and the budget bar. Press p."
        case .ledger: return "Every payment, receipt and refund with the running balance. Mistakes are corrected by reversing an entry: nothing is ever edited or deleted. Press l."
        case .pay: return "A payment to a provider or a person, against a line of the plan. Press $."
        case .receive: return "The council's payment, your contribution or a top-up into the account. Press i."
        case .plannedActual: return "What the plan expected to be spent so far against what was, per line and per four-week period."
        case .projection: return "Where the money is heading by the end of the budget year, in words and as a chart of the balance. Press r."
        case .warnings: return "The rules the plan runs into, each with its plain reason and where the rule comes from. Press w."
        case .changes: return "When the council reviews the budget or reassesses your contribution, its letter gives new amounts from a date: add them here, and the projection follows them. Press n."
        case .details: return "The budget as the council set it, review dates, the payments to expect, and the council's own policies."
        case .charging: return "An estimate of the most the council can ask you to pay a week, with every figure it uses and their year. Press c."
        case .export: return "The statement or the support plan as a spreadsheet (CSV) or a document (Markdown), for the council's review or an audit. Press e."
        }
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let facts = BudgetFacts(link.budget, context)
        let header = headerLines(facts, area: area, style: BarStyle(theme: context.theme))
        let frame = self.frame(area, header: header.count, facts: facts)
        for (row, line) in header.prefix(frame.header.height).enumerated() {
            screen.put(line.0, x: frame.header.x, y: frame.header.y + row, width: frame.header.width, role: line.1)
        }
        let items = Item.allCases
        for row in 0..<frame.menu.height {
            let index = cursor.viewport.top + row
            guard items.indices.contains(index) else { break }
            let selected = index == cursor.selected
            screen.putPadded((selected ? "▸ " : "  ") + label(items[index], facts), x: frame.menu.x - 2, y: frame.menu.y + row,
                             width: frame.menu.width, role: selected ? .selected : .normal)
        }
        if cursor.viewport.top + frame.menu.height < items.count {
            screen.put("↓ more", x: frame.menu.maxX - 6, y: frame.menu.maxY - 1, role: .dim)
        }
        if let side = frame.info, items.indices.contains(cursor.selected) {
            var writer = ParagraphWriter(area: side)
            writer.write(info(items[cursor.selected]), role: .dim, into: &screen)
        }
        if link.isGone {
            screen.put("This budget is no longer saved here.", x: frame.header.x, y: area.maxY - 1, width: frame.header.width, role: .error)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let facts = BudgetFacts(link.budget, context)
        var lines: [PlainLine] = [.note(facts.amountAndYear + "."), .note(facts.howReceived), .note(facts.summary.bar.words + ".")]
        lines.append(.note(facts.balanceSentence + " " + facts.projection.words))
        lines.append(.note(facts.warningsText + facts.warningsPrompt("Type")))
        for (index, item) in Item.allCases.enumerated() { lines.append(.item(index + 1, label(item, facts) + ".")) }
        return PlainView(title: "\(link.name)'s care budget", lines: lines,
                         prompt: "Type a number to open it; p plan, l ledger, pay, in, r projection, w warnings, n new amounts, e export; or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if command.word == "e", command.number != nil || !command.argument.isEmpty {
            export.direct(command, facts: BudgetFacts(link.budget, context), in: &context)
            return .handled
        }
        return keyedPlain(command, in: &context)
    }
}
