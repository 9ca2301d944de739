import CareBudget
import ChoiceKit

/// A new care budget from the council's letter: whose it is, when its year starts, how much it is
/// (a week or a year), the person's contribution and how it is received, with the managed share
/// for a mix. Money is read exactly; every field is checked before anything is saved, and the form
/// stays open until the store confirms it.
public struct BudgetSetupFeature: FormPage {
    public var form: Form
    let existingNames: [String]
    let hints: [String: String]
    /// The write in flight and the set-up it saves.
    private var saving: (id: RequestID, setup: BudgetSetup)?
    var isSaving: Bool { saving != nil }

    static let perOptions = ["a week", "a year"]
    static let routes: [BudgetRoute] = [.directPayment, .councilManaged, .individualServiceFund, .mixed]
    static let routeOptions = ["direct payment", "council-managed (virtual) budget", "individual service fund", "a mix: managed and direct payment"]

    public init(existingNames: [String], context: AppContext) {
        self.existingNames = existingNames
        let money = FieldKind.money(minimum: Money(pence: 1), maximum: AmountInput.largest)
        let optionalMoney = FieldKind.money(minimum: .zero, maximum: AmountInput.largest)
        form = Form(fields: [
            FormField(id: "name", label: "Whose budget", kind: .text, required: true, limit: SetupInput.longestName),
            FormField(id: "start", label: "Budget year starts", kind: .date(earliest: nil, latest: nil), value: context.today.iso,
                      required: true, limit: 10),
            FormField(id: "amount", label: "Personal budget", kind: money, required: true, limit: 16),
            FormField(id: "per", label: "That amount is", kind: .choice(Self.perOptions)),
            FormField(id: "contribution", label: "Your contribution a week", kind: optionalMoney, limit: 16),
            FormField(id: "route", label: "Received as", kind: .choice(Self.routeOptions)),
            FormField(id: "managed", label: "Managed share a week", kind: optionalMoney, limit: 16),
            FormField(id: "hours", label: "Assessed hours a week", kind: .text, limit: 8),
            FormField(id: "holder", label: "Fund held by (id)", kind: .text, limit: 20),
        ])
        // The managed share matters only for a mix, the fund's holder only for an individual
        // service fund: Tab passes over them otherwise.
        for (id, route) in [("managed", BudgetRoute.mixed), ("holder", .individualServiceFund)] {
            guard let index = form.fields.firstIndex(where: { $0.id == id }), let choice = Self.routes.firstIndex(of: route) else { continue }
            form.fields[index].neededWhen = FieldCondition(field: "route", choices: [choice])
        }
        let example = context.catalog.providers(of: .care).first?.id ?? "C12"
        hints = [
            "name": "Whose budget it is, as you call it: Mum, or Arthur Smith.",
            "start": "The first day of the budget year on the council's letter, e.g. 06/04/2026 (day, month, year) or 2026-04-06.",
            "amount": "The whole personal budget (the council's share and your contribution), in pounds, e.g. 350 or £18,200.",
            "per": "Whether the amount above is weekly or yearly (a year is 52 weeks). ← → change it.",
            "contribution": "What the financial assessment says you pay a week towards it; leave empty if nothing.",
            "route": "Direct payment: the money comes to you. Managed: the council buys care for you. Individual service fund: a provider holds it. ← → change it.",
            "managed": "Only for a mix: the part the council manages a week. The rest is your direct payment.",
            "hours": "Optional: the hours of care a week the assessment found you need, e.g. 10 or 7.5. Agora warns when the plan has fewer.",
            "holder": "Only for an individual service fund: the catalog id of the provider holding it, e.g. \(example).",
        ]
    }

    public var id: String { "budget:setup" }
    public func title(in context: AppContext) -> String { "Set up a budget" }
    public func help(in context: AppContext) -> [HelpEntry] { Form.help }
    public var capturesText: Bool { true }

    // MARK: Keys

    func cancelledMessage(in context: AppContext) -> String { "Nothing was saved." }

    /// Checks what the form cannot (the name is new, the figures agree with each other), in the
    /// form's words, then asks the store to keep the budget.
    mutating func submit(_ values: [String: FieldValue], in context: inout AppContext) {
        guard let name = values["name"]?.text, let start = values["start"]?.date, let amount = values["amount"]?.money else { return }
        if let problem = SetupInput.checkName(name) {
            form.setError(MessageText.sentence(problem.description), on: "name")
            return
        }
        if existingNames.contains(where: { $0.lowercased() == name.lowercased() }) {
            form.setError("You already have a budget called \(name): use another name.", on: "name")
            return
        }
        let yearly = values["per"]?.choice == 1
        let weeks = BudgetSetup.standardPeriodWeeks
        if yearly, amount.pence % Int64(weeks) != 0 {
            let weekly = Money(pence: amount.pence / Int64(weeks))
            form.setError("\(amount.formatted) a year is not a whole number of pence a week over \(weeks) weeks: give the weekly amount instead (about \(weekly.formatted)).", on: "amount")
            return
        }
        let weekly = yearly ? Money(pence: amount.pence / Int64(weeks)) : amount
        let contribution = values["contribution"]?.money ?? .zero
        if contribution > weekly {
            form.setError("That is more than the whole budget (\(weekly.formatted) a week): check both on the council's letter.", on: "contribution")
            return
        }
        let route = Self.routes[min(Self.routes.count - 1, values["route"]?.choice ?? 0)]
        var managed: Money?
        if route == .mixed {
            guard let share = values["managed"]?.money, share > .zero else {
                form.setError("A mix needs the part the council manages a week, e.g. 150.", on: "managed")
                return
            }
            guard share < weekly else {
                form.setError("It must be less than the whole budget (\(weekly.formatted) a week): the rest is the direct payment.", on: "managed")
                return
            }
            managed = share
        }
        guard let hours = BudgetSetupFeature.assessedHours(values, form: &form) else { return }
        var holder: String?
        if let text = values["holder"]?.text {
            guard route == .individualServiceFund else {
                form.setError("Only an individual service fund is held by a provider: leave this empty, or choose that above.", on: "holder")
                return
            }
            guard let provider = context.catalog.provider(id: text.uppercased()) ?? context.catalog.provider(id: text), provider.care != nil else {
                form.setError("There is no care provider \"\(text)\" in the catalog: type its id, e.g. \(context.catalog.providers(of: .care).first?.id ?? "C12").", on: "holder")
                return
            }
            holder = provider.id
        }
        switch SetupInput.make(name: name, start: start, weekly: weekly, annual: nil, contribution: contribution, route: route,
                               managedShare: managed, fundHolderID: holder, assessedHours: hours) {
        case .failure(let problem):
            form.setError(MessageText.sentence(problem.description), on: "amount")
        case .success(let setup):
            let id = context.saveBudget(.create(setup), what: "the budget \"\(setup.name)\"")
            saving = (id, setup)
        }
    }

    /// The "hours" field: `.some(nil)` when left empty, nil (with the problem said on the field)
    /// when it is not a number of hours in a week.
    static func assessedHours(_ values: [String: FieldValue], form: inout Form) -> Quantity?? {
        guard let text = values["hours"]?.text else { return .some(nil) }
        guard let parsed = Quantity.parse(text), parsed.hundredths > 0, parsed.hundredths <= 168 * 100 else {
            form.setError("\"\(text)\" is not a number of hours from 0.01 to 168: type it like 10 or 7.5.", on: "hours")
            return nil
        }
        return .some(parsed)
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        guard let saving else { return }
        switch outcome {
        case .saved(saving.id):
            self.saving = nil
            context.pop()
            context.push(BudgetFeature(budget: SavedBudget(setup: saving.setup)))
            context.inform("Saved \(saving.setup.name)'s budget. Next: build the support plan (p).")
        case .failed(saving.id, _):
            // The message says why; what was typed stays, to try again.
            self.saving = nil
        default:
            break
        }
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("Set up a care budget", x: area.x, y: area.y, role: .title)
        screen.put("From the council's letter", x: area.x + 22, y: area.y,
                   width: area.width - 22, role: .dim)
        renderForm(into: &screen, area: area, hints: hints)
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        PlainView(title: "Set up a care budget", lines: form.plainLines(hints: hints),
                  prompt: "Type a field's number and its value (for example 1 Mum, 3 350, 6 4), s to save, or b to cancel:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        formPlain(command, in: &context)
    }
}
