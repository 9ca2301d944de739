import CareBudget
import ChoiceKit

/// How much of a service a new plan line buys and which part of the budget pays for it. For a
/// provider from the catalog, Enter goes on to the providers priced for these hours or days; for a
/// person or a one-off item, it saves the line (the form stays until the store confirms it).
public struct PlanLineFormFeature: FormPage {
    let kind: PlanLineKind
    var link: BudgetLink
    public var form: Form
    let parts: [BudgetPart]
    let hints: [String: String]
    private var saving: RequestID?
    var isSaving: Bool { saving != nil }
    /// Saved, and waiting for the store's budgets read back, so the page it returns to shows the
    /// change at once (plain mode says that page whole as soon as it is on top).
    private var savedAwaitingReload = false

    init(kind: PlanLineKind, budget: SavedBudget, context: AppContext) {
        self.kind = kind
        link = BudgetLink(budget)
        let setup = budget.setup
        parts = setup.latestTerms.split.parts + [.own]
        let suggested = Self.suggestedPart(kind, setup: setup, plan: budget.plan)
        let paidFrom = FormField(id: "part", label: "Paid from", kind: .choice(parts.map(\.label)), value: suggested.label)
        let money = FieldKind.money(minimum: Money(pence: 1), maximum: AmountInput.largest)
        // A plan is for its budget year: a stay or an item outside it is not paid from this budget.
        let dates = FieldKind.date(earliest: setup.start, latest: setup.end)
        let within = "within the budget year, \(setup.start.long) to \(setup.end.long)"
        var fields: [FormField] = []
        var hints: [String: String] = [
            "part": "Which part of the budget pays: \(parts.map(\.label).joined(separator: ", ")). ← → change it.",
            "rate": "Leave empty to use the provider's published price (the council's rate for the managed part).",
        ]
        switch kind {
        case .homeCare, .agencyAssistant:
            fields = [FormField(id: "quantity", label: "Hours a week", kind: .text, required: true, limit: 8), paidFrom,
                      FormField(id: "rate", label: "Agreed rate an hour", kind: money, limit: 16)]
            hints["quantity"] = "Hours of care a week, e.g. 10 or 7.5. Providers are then compared on what these hours cost a week."
        case .dayCentre:
            fields = [FormField(id: "quantity", label: "Days a week", kind: .text, required: true, limit: 4), paidFrom,
                      FormField(id: "rate", label: "Agreed rate a day", kind: money, limit: 16)]
            hints["quantity"] = "Days a week, e.g. 2. Providers are then compared on what these days cost a week."
        case .respite:
            fields = [FormField(id: "nights", label: "Nights", kind: .wholeNumber(1...365), required: true, limit: 4),
                      FormField(id: "date", label: "First night (optional)", kind: dates, limit: 10), paidFrom,
                      FormField(id: "rate", label: "Agreed rate a night", kind: money, limit: 16)]
            hints["nights"] = "How many nights the stay lasts. By direct payment, stays add up to at most 4 weeks in a row in 12 months."
            hints["date"] = "When it starts (e.g. 01/08/2026), \(within), so stays can be counted; leave empty if not known."
        case .careHome:
            fields = [paidFrom, FormField(id: "rate", label: "Agreed rate a week", kind: money, limit: 16)]
        case .personalAssistant:
            fields = [FormField(id: "name", label: "Their name", kind: .text, required: true, limit: 80),
                      FormField(id: "quantity", label: "Hours a week", kind: .text, required: true, limit: 8),
                      FormField(id: "rate", label: "Hourly rate agreed", kind: money, required: true, limit: 16),
                      FormField(id: "relative", label: "Close relative living with you", kind: .choice(["no", "yes"])), paidFrom]
            hints["name"] = "The personal assistant you employ."
            hints["quantity"] = "Hours a week, e.g. 6."
            hints["rate"] = "What you agreed to pay them an hour, e.g. 15."
            hints["relative"] = "Paying a close relative who lives in the same household needs the council's agreement. ← → change it."
        case .oneOff:
            fields = [FormField(id: "name", label: "What, or who is paid", kind: .text, required: true, limit: 80),
                      FormField(id: "amount", label: "Cost", kind: money, required: true, limit: 16),
                      FormField(id: "date", label: "When (optional)", kind: dates, limit: 10), paidFrom]
            hints["name"] = "E.g. Grab rails, or the shop or person paid."
            hints["amount"] = "What it costs in all."
            hints["date"] = "When it is bought (e.g. 01/08/2026), \(within); leave empty if not known."
        }
        form = Form(fields: fields)
        self.hints = hints
    }

    /// A single-route budget pays from its one part; a mix uses the managed part for services
    /// from the catalog while it has room, and the direct payment otherwise.
    static func suggestedPart(_ kind: PlanLineKind, setup: BudgetSetup, plan: [PlanLine]) -> BudgetPart {
        let parts = setup.latestTerms.split.parts
        guard parts.count > 1 else { return parts.first ?? .own }
        if kind == .personalAssistant { return parts.contains(.directPayment) ? .directPayment : .own }
        let managedUsed = plan.filter { $0.paidFrom == .managed }.reduce(Money.zero) { $0 + $1.weeklyEquivalent(weeks: setup.periodWeeks) }
        if kind.fromCatalog, parts.contains(.managed), managedUsed < setup.latestTerms.split.managed { return .managed }
        return parts.contains(.directPayment) ? .directPayment : parts[0]
    }

    public var id: String { "budget:plan-line" }
    public func title(in context: AppContext) -> String { "Add to the plan" }
    public func help(in context: AppContext) -> [HelpEntry] {
        let enter = kind.fromCatalog ? HelpEntry(keyLabel: "Enter", help: "see the providers priced for these hours or days (every field is checked first)", hint: "providers")
            : HelpEntry(keyLabel: "Enter", help: "add it to the plan (every field is checked first)", hint: "add")
        return Form.help.map { $0.keyLabel == "Enter" ? enter : $0 }
    }
    public var capturesText: Bool { true }

    // MARK: Keys

    func cancelledMessage(in context: AppContext) -> String { "Nothing was added." }

    mutating func quantity(_ values: [String: FieldValue], most: Int, unit: String) -> Quantity? {
        guard let text = values["quantity"]?.text else { return nil }
        guard let quantity = Quantity.parse(text), quantity.hundredths > 0, quantity.hundredths <= most * 100 else {
            form.setError("\"\(text)\" is not a number of \(unit) from 0.01 to \(most): type it like 10 or 7.5.", on: "quantity")
            return nil
        }
        return quantity
    }

    mutating func submit(_ values: [String: FieldValue], in context: inout AppContext) {
        let part = parts[min(parts.count - 1, values["part"]?.choice ?? 0)]
        let rate = values["rate"]?.money
        let date = values["date"]?.date
        switch kind {
        case .homeCare, .agencyAssistant, .dayCentre:
            let isDays = kind == .dayCentre
            guard let quantity = quantity(values, most: isDays ? 7 : 168, unit: isDays ? "days" : "hours") else { return }
            context.push(ProviderPickerFeature(request: PickRequest(kind: kind, quantity: quantity, nights: nil, part: part,
                                                                    agreedRate: rate, startsOn: nil), budget: link.budget, context: context))
        case .respite:
            guard let nights = values["nights"]?.number else { return }
            context.push(ProviderPickerFeature(request: PickRequest(kind: kind, quantity: nil, nights: nights, part: part,
                                                                    agreedRate: rate, startsOn: date), budget: link.budget, context: context))
        case .careHome:
            context.push(ProviderPickerFeature(request: PickRequest(kind: kind, quantity: nil, nights: nil, part: part,
                                                                    agreedRate: rate, startsOn: nil), budget: link.budget, context: context))
        case .personalAssistant:
            guard let name = values["name"]?.text, let hours = quantity(values, most: 168, unit: "hours"), let rate else { return }
            let payee = Payee.person(name: name, closeRelativeInHousehold: values["relative"]?.choice == 1)
            save(.personalAssistant(hoursPerWeek: hours, hourlyRate: rate), payee: payee, part: part, in: &context)
        case .oneOff:
            guard let name = values["name"]?.text, let amount = values["amount"]?.money else { return }
            save(.oneOff(amount: amount, on: date), payee: .person(name: name, closeRelativeInHousehold: false), part: part, in: &context)
        }
    }

    mutating func save(_ service: PlanService, payee: Payee, part: BudgetPart, in context: inout AppContext) {
        saving = context.saveBudget(.addLine(budget: link.name, service: service, payee: payee, paidFrom: part, note: ""),
                                    what: "the line for \(payee.name)")
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
            context.pop()
            context.inform("Added to the plan.")
        case .failed(saving, _):
            self.saving = nil
        default:
            break
        }
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put(kind.option, x: area.x, y: area.y, width: area.width, role: .title)
        let next = kind.fromCatalog ? "Enter shows the providers, cheapest first" : "Enter adds it to the plan"
        screen.put(next, x: area.x + 2, y: area.y + 1, width: area.width - 4, role: .dim)
        renderForm(into: &screen, area: area, hints: hints)
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        let next = kind.fromCatalog ? "s to see the providers priced for it" : "s to add it"
        return PlainView(title: kind.option, lines: form.plainLines(hints: hints),
                         prompt: "Type a field's number and its value (for example 1 10), \(next), or b to cancel:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        formPlain(command, in: &context)
    }
}
