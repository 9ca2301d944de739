import CareBudget
import ChoiceKit

/// The support plan: each line's cost a week and a year and its part of the budget, the totals,
/// the budget bar (planned, available, over), any top-up, and the warnings. Lines are added from
/// the catalog (`a`) and taken out with a confirmation (`x`).
public struct PlanFeature: KeyedFeature {
    var link: BudgetLink
    public var table = TableState()
    var export = BudgetExportFlow()

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case add, remove, open, warnings, export
        case columnsLeft, columnsRight
    }

    static let kindTag = "budget.plan.kind"
    static let removeTag = "budget.plan.remove"

    public init(budget: SavedBudget) { link = BudgetLink(budget) }

    public var budget: SavedBudget { link.budget }
    public var id: String { "budget:plan:\(link.name.lowercased())" }
    public func title(in context: AppContext) -> String { "Support plan" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "line") + [
            KeyBinding([.character("a")], "a", .add, "add a line: a provider from the catalog, a person or a one-off item", hint: "add", plain: "a"),
            KeyBinding([.character("x"), .delete], "x Del", .remove, "take the line out of the plan (asks first)", hint: "remove", plain: "x"),
            KeyBinding([.enter], "Enter", .open, "the provider's details"),
            KeyBinding([.character("w")], "w", .warnings, "the warnings with their reasons and sources", hint: "warnings", plain: "w"),
            KeyBinding([.character("e")], "e", .export, "save the plan or the statement to a file", hint: "export", plain: "e"),
            KeyBinding([.right], "→", .columnsRight, "more columns"),
            KeyBinding([.left], "←", .columnsLeft, "earlier columns, or back"),
        ])
    }

    public var plainDefault: Action? { .open }

    // MARK: Layout

    struct Frame {
        let header: Rect
        let table: Rect
        let detail: Rect
    }

    static let detailRows = 3

    func headerLines(_ facts: BudgetFacts, width: Int, style: BarStyle) -> [(String, Role)] {
        let summary = facts.summary
        var lines: [(String, Role)] = []
        let bar = summary.bar
        lines += bar.lines(width: width, ascii: style.isASCII)
        var parts = summary.parts.filter { $0.part != .own }.map { part in
            "\(part.part.label) \(part.plannedAnnual.formattedShort) of \(part.availableAnnual.formattedShort)" + (part.overAnnual > .zero ? " (over)" : "")
        }
        if summary.annualOwnLines > .zero { parts.append("own money \(summary.annualOwnLines.formattedShort) a year") }
        if summary.bar.over > .zero { parts.append("over the budget by \(summary.bar.over.formattedShort) a year (\(summary.weeklyOver.formatted) a week)") }
        if !parts.isEmpty {
            for line in DisplayWidth.wrap(parts.joined(separator: " · "), width: width) { lines.append((line, .dim)) }
        }
        lines.append((facts.warningsText + facts.warningsPrompt("Press"), BudgetFacts.role(facts.worstWarning)))
        return lines
    }

    func frame(_ area: Rect, header: Int) -> Frame {
        let headerRows = min(header + 1, max(2, area.height - 8))
        let detailRows = min(Self.detailRows, max(1, area.height - headerRows - 4))
        let tableRect = Rect(x: area.x, y: area.y + headerRows + 1, width: area.width, height: max(2, area.height - headerRows - detailRows - 2))
        return Frame(header: Rect(x: area.x, y: area.y, width: area.width, height: headerRows), table: tableRect,
                     detail: Rect(x: area.x + 2, y: area.maxY - detailRows, width: area.width - 4, height: detailRows))
    }

    func frame(_ area: Rect, _ context: AppContext) -> Frame {
        frame(area, header: headerLines(BudgetFacts(link.budget, context), width: area.width, style: BarStyle(theme: context.theme)).count)
    }

    static func columns(weeks: Int) -> [TableColumn] {
        [TableColumn(title: "Line", width: 34), TableColumn(title: "A week", width: 10, alignRight: true),
         TableColumn(title: weeks == 52 ? "A year" : "In all", width: 11, alignRight: true), TableColumn(title: "Paid from", width: 18),
         TableColumn(title: "Service", width: 18), TableColumn(title: "How much", width: 34)]
    }

    func tableView(_ facts: BudgetFacts) -> Table {
        let lines = facts.summary.lines
        let flagged = Dictionary(grouping: facts.warnings.filter { $0.line != nil }, by: { $0.line ?? 0 })
        return Table(columns: Self.columns(weeks: facts.setup.periodWeeks), rowCount: lines.count, cell: { row, column in
            let item = lines[row]
            let line = item.line
            switch column {
            case 0:
                let role = BudgetFacts.role(flagged[line.number]?.map(\.severity).max())
                return TableCell("\(line.number) \(line.payee.name)", role: flagged[line.number] == nil ? .normal : role)
            case 1: return TableCell(item.weeklyCost?.formatted ?? "—")
            case 2: return TableCell(item.annualCost.formatted)
            case 3: return TableCell(line.paidFrom.label)
            case 4: return TableCell(line.service.kind.label)
            default: return TableCell(line.service.quantityText)
            }
        }, marker: { row in flagged[lines[row].line.number] == nil ? nil : "!" })
    }

    var selectedLine: PlanLine? {
        link.budget.plan.indices.contains(table.cursor.selected) ? link.budget.plan[table.cursor.selected] : nil
    }

    // MARK: Actions

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        let frame = self.frame(context.contentArea, context)
        let count = link.budget.plan.count
        switch action {
        case .move(let move):
            table.cursor.move(move, count: count, visible: Table.body(of: frame.table).height)
        case .add:
            guard !link.isGone else {
                context.warn("This budget is no longer saved here.")
                return .handled
            }
            context.present(ModalFeature(tag: Self.kindTag, modal: .menu(
                "Add to the plan", "What will the budget pay for?", options: PlanLineKind.allCases.map(\.option))))
        case .remove:
            guard let line = selectedLine else {
                context.inform("The plan has no lines yet: press a to add one.")
                return .handled
            }
            context.present(ModalFeature(tag: Self.removeTag, modal: .confirm(
                "Take out line \(line.number)?",
                "\(line.service.kind.label), \(line.payee.display). Payments already recorded against it stay in the ledger.",
                yes: "Take it out", no: "Keep it")))
        case .open:
            guard let line = selectedLine else { return .handled }
            if let id = line.payee.providerID, context.catalog.provider(id: id) != nil {
                context.push(DetailFeature(providerID: id))
            } else {
                context.inform(BudgetFacts.describe(line, weeks: link.setup.periodWeeks))
            }
        case .warnings:
            context.push(ReadingPage(.warnings, budget: link.budget))
        case .export:
            export.begin(BudgetFacts(link.budget, context), in: &context)
        case .columnsRight:
            return table.scrollColumns(1, columns: Self.columns(weeks: link.setup.periodWeeks), width: frame.table.width, gutter: 2)
        case .columnsLeft:
            return table.scrollColumns(-1, columns: Self.columns(weeks: link.setup.periodWeeks), width: frame.table.width, gutter: 2)
        }
        return .handled
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        if export.modalFinished(tag, outcome, facts: BudgetFacts(link.budget, context), in: &context) { return }
        switch (tag, outcome) {
        case (Self.kindTag, .chosen(let index)):
            guard PlanLineKind.allCases.indices.contains(index) else { return }
            context.push(PlanLineFormFeature(kind: PlanLineKind.allCases[index], budget: link.budget, context: context))
        case (Self.removeTag, .confirmed):
            guard let line = selectedLine else { return }
            var updated = link.budget
            updated.plan.removeAll { $0.number == line.number }
            link.change(updated, .removeLine(budget: link.name, number: line.number), what: "taking out line \(line.number)", in: &context)
            fit(area: context.contentArea, in: context)
            context.inform("Took out line \(line.number). Payments recorded against it stay in the ledger.")
        default:
            break
        }
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        if link.receive(outcome) { fit(area: context.contentArea, in: context) }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        table.cursor.fit(count: link.budget.plan.count, visible: Table.body(of: frame(area, context).table).height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch table.cursor.handle(mouse, body: Table.body(of: frame(area, context).table), count: link.budget.plan.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.open, in: &context)
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard let index = link.budget.plan.firstIndex(where: { $0.number == number }) else { return false }
        table.cursor.selected = index
        return true
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let facts = BudgetFacts(link.budget, context)
        let summary = facts.summary
        let header = headerLines(facts, width: area.width, style: BarStyle(theme: context.theme))
        let frame = self.frame(area, header: header.count)
        screen.put("Support plan", x: area.x, y: area.y, role: .title)
        let totals = summary.lines.isEmpty ? "no lines yet"
            : "\(summary.weeklyTotal.formatted) a week · \(summary.annualTotal.formatted) a year · \(link.name)'s budget \(facts.setup.latestTerms.weeklyBudget.formatted) a week"
        screen.put("  " + totals, x: area.x + 12, y: area.y, width: area.width - 12, role: .dim)
        for (row, line) in header.prefix(frame.header.height - 1).enumerated() {
            screen.put(line.0, x: area.x, y: area.y + 1 + row, width: area.width, role: line.1)
        }
        guard !summary.lines.isEmpty else {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: frame.table.y, width: area.width - 4, height: frame.table.height))
            writer.write("Nothing planned yet. Press a to add a line: home care or a day centre from the catalog (priced for your hours or days, cheapest first), a short stay, a personal assistant you employ, or a one-off item.",
                         role: .normal, into: &screen)
            return
        }
        tableView(facts).render(table, into: &screen, area: frame.table)
        if let line = selectedLine {
            var text = BudgetFacts.describe(line, weeks: facts.setup.periodWeeks)
            let own = facts.warnings.filter { $0.line == line.number }
            if let first = own.first { text += " " + first.reason }
            var writer = ParagraphWriter(area: frame.detail)
            writer.write(text, role: own.isEmpty ? .dim : BudgetFacts.role(own.map(\.severity).max()), into: &screen)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let facts = BudgetFacts(link.budget, context)
        let summary = facts.summary
        var lines: [PlainLine] = []
        if summary.lines.isEmpty { lines.append(.note("Nothing planned yet. Type a to add a line.")) }
        for item in summary.lines {
            let flagged = facts.warnings.filter { $0.line == item.line.number }
            lines.append(.item(item.line.number, BudgetFacts.describe(item.line, weeks: facts.setup.periodWeeks)
                + (flagged.isEmpty ? "" : " Warning: " + flagged.map(\.reason).joined(separator: " "))))
        }
        if !summary.lines.isEmpty {
            lines.append(.note("Total \(summary.weeklyTotal.formatted) a week, \(summary.annualTotal.formatted) a year."))
        }
        lines.append(.note(summary.bar.words + "."))
        for part in summary.parts where part.part != .own {
            lines.append(.note("The \(part.part.label) part: \(part.plannedAnnual.formatted) planned of \(part.availableAnnual.formatted)"
                + (part.overAnnual > .zero ? ", \(part.overAnnual.formatted) over." : ".")))
        }
        if summary.annualTopUp > .zero {
            lines.append(.note(summary.ownMoneySentence ?? ""))
        }
        lines.append(.note(facts.warningsText + facts.warningsPrompt("Type")))
        return PlainView(title: "Support plan for \(link.name)", lines: lines,
                         prompt: "Type a to add a line, x and a line number to take it out, a line number for its provider, w for warnings, e to save, or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        if command.word == "e", command.number != nil {
            export.direct(command, facts: BudgetFacts(link.budget, context), in: &context)
            return .handled
        }
        return keyedPlain(command, in: &context)
    }
}

/// What a new plan line pays for, as the "add" menu offers it.
enum PlanLineKind: Int, Hashable, Sendable, CaseIterable {
    case homeCare, dayCentre, respite, careHome, agencyAssistant, personalAssistant, oneOff

    var option: String {
        switch self {
        case .homeCare: return "Home care from the catalog (hours a week)"
        case .dayCentre: return "A day centre from the catalog (days a week)"
        case .respite: return "A short stay in a care home (nights)"
        case .careHome: return "Living in a care home (long term)"
        case .agencyAssistant: return "A personal assistant from an agency (hours a week)"
        case .personalAssistant: return "A personal assistant you employ (a named person)"
        case .oneOff: return "A one-off item (equipment, adaptations…)"
        }
    }

    /// The kind of plan service, and whether it is bought from a catalog provider.
    var service: PlanServiceKind {
        switch self {
        case .homeCare: return .homeCare
        case .dayCentre: return .dayCentre
        case .respite: return .respite
        case .careHome: return .careHome
        case .agencyAssistant, .personalAssistant: return .personalAssistant
        case .oneOff: return .oneOff
        }
    }

    var fromCatalog: Bool { self != .personalAssistant && self != .oneOff }
}
