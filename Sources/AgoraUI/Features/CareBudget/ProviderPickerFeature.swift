import CareBudget
import ChoiceKit

/// What a new catalog line asks for: the kind, the hours, days or nights, the part paying, and
/// an agreed rate when the person has one.
struct PickRequest: Hashable, Sendable {
    var kind: PlanLineKind
    var quantity: Quantity?
    var nights: Int?
    var part: BudgetPart
    var agreedRate: Money?
    var startsOn: CalendarDate?

    /// "10 hours a week", "2 days a week", "7 nights", "living there".
    var amountText: String {
        switch kind {
        case .dayCentre: return quantity.map { "\($0) day\($0 == Quantity(whole: 1) ? "" : "s") a week" } ?? ""
        case .respite: return nights.map { "\($0) night\($0 == 1 ? "" : "s")" } ?? ""
        case .careHome: return "living there"
        default: return quantity.map { "\($0) hour\($0 == Quantity(whole: 1) ? "" : "s") a week" } ?? ""
        }
    }

    /// The heading of the cost column: what the cost covers.
    var costTitle: String { kind == .respite ? "The stay" : "A week" }
}

/// Providers from the catalog that can fill the line, each priced for the chosen hours, days or
/// nights at the rate the paying part gets, cheapest first, with the filters people ask for (on
/// the council's list, takes direct payments, vacancies, rating). Enter adds the one selected;
/// the page stays until the store confirms it.
public struct ProviderPickerFeature: KeyedFeature {
    let request: PickRequest
    var link: BudgetLink
    public private(set) var filter: CandidateFilter
    public private(set) var candidates: [PlanCandidate] = []
    public var table = TableState()
    private var saving: RequestID?
    /// Saved, and waiting for the store's budgets read back, so the page it returns to shows the
    /// change at once (plain mode says that page whole as soon as it is on top).
    private var savedAwaitingReload = false
    var plainPage = 0

    public enum Action: Hashable, Sendable {
        case move(ListMove)
        case choose, details, filters
        case columnsLeft, columnsRight
    }

    static let filterTag = "budget.picker.filter"
    static let plainPageSize = 10
    static let ratings: [CQCRating?] = [nil, .requiresImprovement, .good, .outstanding]

    init(request: PickRequest, budget: SavedBudget, context: AppContext) {
        self.request = request
        link = BudgetLink(budget)
        // The managed part buys only from the council's list: show that list first.
        filter = CandidateFilter(onFrameworkOnly: request.part == .managed)
        refresh(context)
    }

    mutating func refresh(_ context: AppContext) {
        let previous = selected?.provider.id
        candidates = ProviderPricing.candidates(in: context.catalog, kind: request.kind.service, paidFrom: request.part,
                                                quantity: request.quantity, nights: request.nights, filter: filter)
        if let previous, let index = candidates.firstIndex(where: { $0.provider.id == previous }) { table.cursor.selected = index }
        table.cursor.fit(count: candidates.count, visible: Table.body(of: frame(context.contentArea, context).table).height)
    }

    public var id: String { "budget:picker" }
    public func title(in context: AppContext) -> String { "Choose a provider" }

    public func keymap(in context: AppContext) -> Keymap<Action> {
        Keymap(ListCursor.bindings(Action.move, noun: "provider") + [
            KeyBinding([.enter], "Enter", .choose, "add this provider to the plan", hint: "add to plan"),
            KeyBinding([.character("d")], "d", .details, "every detail of the provider", hint: "details", plain: "d"),
            KeyBinding([.character("f")], "f", .filters, "filters: the council's list, direct payments, vacancies, rating", hint: "filter", plain: "f"),
            KeyBinding([.right], "→", .columnsRight, "more columns"),
            KeyBinding([.left], "←", .columnsLeft, "earlier columns, or back"),
        ])
    }

    public var plainDefault: Action? { .choose }

    var selected: PlanCandidate? { candidates.indices.contains(table.cursor.selected) ? candidates[table.cursor.selected] : nil }

    // MARK: Layout

    struct Frame {
        let table: Rect
        let detail: Rect
    }

    /// The table above, and below it what adding the selected provider would do (as many rows as
    /// that takes, up to a third of the page).
    func frame(_ area: Rect, _ context: AppContext) -> Frame {
        let wanted = selected.map { DisplayWidth.wrap(detailText($0, context).text, width: max(1, area.width - 4)).count } ?? 1
        let detailRows = max(1, min(wanted, max(2, area.height / 3), area.height - 7))
        return Frame(table: Rect(x: area.x, y: area.y + 3, width: area.width, height: max(2, area.height - 3 - detailRows - 1)),
                     detail: Rect(x: area.x + 2, y: area.maxY - detailRows, width: area.width - 4, height: detailRows))
    }

    /// The name as wide as the longest (up to a limit), and the town beside the cost: providers of
    /// one chain share most of their names ("… Care at Home Elmham", "… Care at Home Penstead").
    func columns() -> [TableColumn] {
        let nameWidth = min(44, max(16, candidates.map { DisplayWidth.of($0.provider.name) }.max() ?? 0))
        return [TableColumn(title: "Provider", width: nameWidth), TableColumn(title: request.costTitle, width: 10, alignRight: true),
                TableColumn(title: "Town", width: 12), TableColumn(title: "Price", width: 15), TableColumn(title: "CQC", width: 20),
                TableColumn(title: "Council list", width: 12), TableColumn(title: "Direct pay", width: 10),
                TableColumn(title: "Vacancies", width: 9, alignRight: true)]
    }

    static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "not said" }

    func tableView() -> Table {
        let candidates = self.candidates
        let cheapest = candidates.compactMap(\.cost).min()
        return Table(columns: columns(), rowCount: candidates.count, cell: { row, column in
            let candidate = candidates[row]
            switch column {
            case 0: return TableCell(candidate.provider.name)
            case 1: return TableCell(candidate.cost?.formatted ?? "no price", role: candidate.cost == nil ? .dim : candidate.cost == cheapest ? .good : .normal)
            case 2: return TableCell(candidate.provider.town)
            case 3: return TableCell(candidate.rate.map { "\($0.formatted) \(candidate.unit.per)" } ?? "—", role: candidate.rate == nil ? .dim : .normal)
            case 4: return TableCell(candidate.rating?.label ?? "not rated", role: Self.role(candidate.rating))
            case 5: return TableCell(Self.yesNo(candidate.onFramework), role: candidate.onFramework == true ? .good : .normal)
            case 6: return TableCell(Self.yesNo(candidate.acceptsDirectPayments))
            default: return TableCell(candidate.vacancies.map(String.init) ?? "—")
            }
        })
    }

    static func role(_ rating: CQCRating?) -> Role {
        switch rating {
        case .outstanding?, .good?: return .good
        case .requiresImprovement?: return .fair
        case .inadequate?: return .bad
        case nil: return .dim
        }
    }

    /// The filters in words: "on the council's list; rating Good or better".
    var filterWords: String {
        var on: [String] = []
        if filter.onFrameworkOnly { on.append("on the council's list") }
        if filter.acceptsDirectPaymentsOnly { on.append("takes direct payments") }
        if filter.withVacanciesOnly { on.append("has vacancies") }
        if let rating = filter.minimumRating { on.append("rated \(rating.label) or better") }
        return on.isEmpty ? "no filters" : "only " + on.joined(separator: "; ")
    }

    /// Each filter's name and its setting: "on", "off", or the rating.
    var filterStates: [(name: String, value: String)] {
        func word(_ on: Bool) -> String { on ? "on" : "off" }
        return [("On the council's list", word(filter.onFrameworkOnly)), ("Takes direct payments", word(filter.acceptsDirectPaymentsOnly)),
                ("Has vacancies (care homes)", word(filter.withVacanciesOnly)), ("CQC rating at least", filter.minimumRating?.label ?? "any")]
    }

    /// The filter menu's options: tick boxes, and the rating.
    var filterOptions: [String] {
        filterStates.enumerated().map { index, state in
            index == 3 ? "\(state.name): \(state.value)" : "\(state.value == "on" ? "[x]" : "[ ]") \(state.name)"
        }
    }

    mutating func changeFilter(_ index: Int, in context: inout AppContext) {
        switch index {
        case 0: filter.onFrameworkOnly.toggle()
        case 1: filter.acceptsDirectPaymentsOnly.toggle()
        case 2: filter.withVacanciesOnly.toggle()
        case 3:
            let position = Self.ratings.firstIndex(of: filter.minimumRating) ?? 0
            filter.minimumRating = Self.ratings[(position + 1) % Self.ratings.count]
        default: return
        }
        plainPage = 0
        refresh(context)
        let state = filterStates[index]
        context.inform("\(state.name): \(state.value). \(candidates.count) provider\(candidates.count == 1 ? "" : "s").")
    }

    /// The line the selected provider would make, or why it cannot be priced.
    func line(for candidate: PlanCandidate) -> Result<PlanLine, ProviderPricing.PricingProblem> {
        guard let care = candidate.provider.care else { return .failure(.noPrice) }
        return ProviderPricing.service(kind: request.kind.service, care: care, paidFrom: request.part, quantity: request.quantity,
                                       nights: request.nights, oneOff: nil, startsOn: request.startsOn, agreedRate: request.agreedRate)
            .map { PlanLine(number: (link.budget.plan.map(\.number).max() ?? 0) + 1, service: $0,
                            payee: .provider(id: candidate.provider.id, name: candidate.provider.name), paidFrom: request.part) }
    }

    /// What adding the selected provider would do: the line, the bar after it, and new warnings.
    func preview(_ candidate: PlanCandidate, _ context: AppContext) -> (text: String, role: Role) {
        switch line(for: candidate) {
        case .failure(let problem):
            return ("Cannot price \(candidate.provider.name): " + Self.uiWords(problem, plain: context.isPlain), .fair)
        case .success(let line):
            let setup = link.setup
            let plan = link.budget.plan + [line]
            let policies = BudgetPolicies(manifest: context.catalog.manifest)
            let before = Set(PlanRules.check(setup: setup, plan: link.budget.plan, policies: policies) { context.catalog.provider(id: $0) }.map(\.reason))
            let after = PlanRules.check(setup: setup, plan: plan, policies: policies) { context.catalog.provider(id: $0) }
            let new = after.filter { !before.contains($0.reason) }
            var text = "Adds: " + BudgetFacts.describe(line, weeks: setup.periodWeeks)
            text += " Then " + PlanSummary(setup: setup, plan: plan).bar.words + "."
            if let first = new.first { text += " Warning: " + first.reason }
            return (text, new.isEmpty ? .normal : BudgetFacts.role(new.map(\.severity).max()))
        }
    }

    func detailText(_ candidate: PlanCandidate, _ context: AppContext) -> (text: String, role: Role) {
        saving == nil ? preview(candidate, context) : ("Saving…", .dim)
    }

    /// A pricing problem in the screen's words (the library's mention the command line's options).
    static func uiWords(_ problem: ProviderPricing.PricingProblem, plain: Bool) -> String {
        let back = plain ? "Type b to go back" : "Go back (Esc)"
        switch problem {
        case .noPrice: return "the catalog publishes no price for it. \(back) and give the agreed rate."
        case .missingQuantity: return "the line needs its hours, days or nights. \(back) and give them."
        case .wrongUnit(_, let unit): return "its price is per \(unit.label), which does not fit this line. \(back) and give the agreed rate."
        case .wrongService(let kind, let service): return "it is \(service.label.lowercased()), which does not give a \(kind.label.lowercased()) line. Choose another provider."
        }
    }

    // MARK: Actions

    public mutating func perform(_ action: Action, in context: inout AppContext) -> Handling {
        if saving != nil {
            context.inform("Saving… one moment.")
            return .handled
        }
        let frame = self.frame(context.contentArea, context)
        switch action {
        case .move(let move):
            table.cursor.move(move, count: candidates.count, visible: Table.body(of: frame.table).height)
        case .choose:
            guard let candidate = selected else {
                context.inform("No provider matches: press f to change the filters.")
                return .handled
            }
            switch line(for: candidate) {
            case .failure(let problem):
                context.warn("Cannot price \(candidate.provider.name): " + Self.uiWords(problem, plain: context.isPlain))
            case .success(let line):
                saving = context.saveBudget(.addLine(budget: link.name, service: line.service, payee: line.payee, paidFrom: line.paidFrom, note: ""),
                                            what: "adding \(candidate.provider.name) to the plan")
            }
        case .details:
            guard let candidate = selected else { return .handled }
            context.push(DetailFeature(providerID: candidate.provider.id))
        case .filters:
            context.present(ModalFeature(tag: Self.filterTag, modal: .menu(
                "Filters", "Choose one to change it (\(candidates.count) provider\(candidates.count == 1 ? "" : "s") now).", options: filterOptions)))
        case .columnsRight:
            return table.scrollColumns(1, columns: columns(), width: frame.table.width, gutter: 0)
        case .columnsLeft:
            return table.scrollColumns(-1, columns: columns(), width: frame.table.width, gutter: 0)
        }
        return .handled
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        guard tag == Self.filterTag, case .chosen(let index) = outcome else { return }
        changeFilter(index, in: &context)
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        link.receive(outcome)
        guard let saving else { return }
        switch outcome {
        case .saved(saving):
            savedAwaitingReload = true
        case .budgetsLoaded where savedAwaitingReload:
            self.saving = nil
            savedAwaitingReload = false
            let name = selected?.provider.name ?? "The provider"
            // Back past the form that asked for the hours, to the plan.
            context.pop()
            context.pop()
            context.inform("Added \(name) to the plan.")
        case .failed(saving, _):
            self.saving = nil
        default:
            break
        }
    }

    public mutating func fit(area: Rect, in context: AppContext) {
        table.cursor.fit(count: candidates.count, visible: Table.body(of: frame(area, context).table).height)
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        switch table.cursor.handle(mouse, body: Table.body(of: frame(area, context).table), count: candidates.count) {
        case .ignored: return .ignored
        case .moved: return .handled
        case .activated: return perform(.choose, in: &context)
        }
    }

    public mutating func selectForPlain(_ number: Int, in context: AppContext) -> Bool {
        guard candidates.indices.contains(number - 1) else { return false }
        table.cursor.selected = number - 1
        return true
    }

    // MARK: Drawing

    var heading: String {
        "\(request.kind.service.label), \(request.amountText), paid from \(request.part.label)"
            + (request.agreedRate.map { " at your agreed rate of \($0.formatted)" } ?? "")
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        let frame = self.frame(area, context)
        screen.put(heading, x: area.x, y: area.y, width: area.width, role: .title)
        let sorted = request.kind == .respite ? "the whole stay" : "a week for these \(request.kind == .dayCentre ? "days" : "hours")"
        let summary = "\(candidates.count) provider\(candidates.count == 1 ? "" : "s") · \(filterWords) (f changes them) · cheapest first, by the cost of \(sorted)"
        var header = ParagraphWriter(area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 2))
        header.write(summary, role: .dim, into: &screen)
        if candidates.isEmpty {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: frame.table.y, width: area.width - 4, height: frame.table.height))
            writer.write("No provider in the catalog matches. Press f to change the filters, or Esc to go back.", role: .normal, into: &screen)
            return
        }
        tableView().render(table, into: &screen, area: frame.table)
        if let candidate = selected {
            let preview = detailText(candidate, context)
            var writer = ParagraphWriter(area: frame.detail)
            writer.write(preview.text, role: preview.role, into: &screen)
        }
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        var lines: [PlainLine] = [.note("\(candidates.count) providers, cheapest first. Filters: \(filterWords). Type f and a number to change one: "
            + filterStates.enumerated().map { "\($0.offset + 1) \($0.element.name.lowercased()): \($0.element.value)" }.joined(separator: "; ") + ".")]
        let first = plainPage * Self.plainPageSize
        for (offset, candidate) in candidates.dropFirst(first).prefix(Self.plainPageSize).enumerated() {
            // Without a cost for these hours, say why: no price at all, or one by another unit.
            let cost = candidate.cost.map { "\($0.formatted) \(request.kind == .respite ? "for the stay" : "a week")" }
                ?? candidate.rate.map { "priced \($0.formatted) \(candidate.unit.per), which does not fit this line (give an agreed rate)" }
                ?? "no published price (ask it, then give the agreed rate)"
            let rate = candidate.cost == nil ? "" : candidate.rate.map { " at \($0.formatted) \(candidate.unit.per)" } ?? ""
            var facts = ["CQC \(candidate.rating?.label ?? "not rated")", "on the council's list: \(Self.yesNo(candidate.onFramework))",
                         "takes direct payments: \(Self.yesNo(candidate.acceptsDirectPayments))"]
            if let vacancies = candidate.vacancies { facts.append("vacancies: \(vacancies)") }
            lines.append(.item(first + offset + 1, "\(candidate.provider.name), \(candidate.provider.town): \(cost)\(rate); " + facts.joined(separator: "; ") + "."))
        }
        if candidates.isEmpty { lines.append(.note("No provider matches. Type f and a number to change the filters.")) }
        let shownTo = min(candidates.count, first + Self.plainPageSize)
        if candidates.count > shownTo { lines.append(.note("Showing \(first + 1) to \(shownTo) of \(candidates.count). Type n for the next \(Self.plainPageSize).")) }
        return PlainView(title: heading, lines: lines,
                         prompt: "Type a number to add that provider, d and a number for its details, f and a number to change a filter, or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        switch command.word {
        case "f" where command.number != nil:
            guard let number = command.number, (1...filterOptions.count).contains(number) else {
                context.warn("Type f and a number from 1 to \(filterOptions.count).")
                return .handled
            }
            changeFilter(number - 1, in: &context)
            return .handled
        case "n" where command.number == nil:
            if (plainPage + 1) * Self.plainPageSize >= candidates.count { context.inform("That is the last page.") } else { plainPage += 1 }
            return .handled
        case "p" where command.number == nil:
            plainPage = max(0, plainPage - 1)
            return .handled
        default:
            if command.word.isEmpty, let number = command.number, !candidates.indices.contains(number - 1) {
                context.warn(candidates.isEmpty ? "No provider matches." : candidates.count == 1 ? "Type 1 to add it." : "Type a number from 1 to \(candidates.count).")
                return .handled
            }
            return keyedPlain(command, in: &context)
        }
    }
}
