import CareBudget
import ChoiceKit

/// One ledger entry: money out to a provider or a named person (against a plan line), money in
/// (the council's payment, the person's contribution, a top-up), or a refund. Checked against the
/// ledger first; the form stays until the store confirms the entry, and keeps what was typed if
/// the store refuses it.
public struct EntryFormFeature: FormPage {
    public enum Kind: Hashable, Sendable {
        case payment, receipt, refund

        var title: String {
            switch self {
            case .payment: return "Record a payment"
            case .receipt: return "Record money in"
            case .refund: return "Record a refund"
            }
        }
    }

    let kind: Kind
    var link: BudgetLink
    public var form: Form
    let hints: [String: String]
    /// Plan line numbers in the order of the "Plan line" choice (nil: not on the plan).
    let lineChoices: [Int?]
    private var saving: (id: RequestID, draft: EntryDraft)?
    var isSaving: Bool { saving != nil }
    /// Saved, and waiting for the store's budgets read back, so the page it returns to shows the
    /// change at once (plain mode says that page whole as soon as it is on top).
    private var savedAwaitingReload = false
    /// A payment far above the plan's figure, asked about once ("Check the amount").
    private var askedAbout: EntryDraft?
    static let unusualTag = "budget.entry.unusual"

    static let sources: [ReceiptSource] = [.council, .own, .topUp]

    init(kind: Kind, budget: SavedBudget, context: AppContext) {
        self.kind = kind
        link = BudgetLink(budget)
        let setup = budget.setup
        let money = FieldKind.money(minimum: Money(pence: 1), maximum: AmountInput.largest)
        let dates = FieldKind.date(earliest: setup.start.adding(days: -365), latest: setup.end.adding(days: 365))
        let date = FormField(id: "date", label: "Date", kind: dates, value: context.today.iso, required: true, limit: 10)
        let amount = FormField(id: "amount", label: "Amount", kind: money, required: true, limit: 16)
        let note = FormField(id: "note", label: "Note (optional)", kind: .text, limit: 200)
        lineChoices = [nil] + budget.plan.map(\.number)
        let lineOptions = ["not on the plan"] + budget.plan.map { "line \($0.number), \($0.payee.name)" }
        let defaultLine = budget.plan.count == 1 ? lineOptions[1] : lineOptions[0]
        let line = FormField(id: "line", label: "Plan line", kind: .choice(lineOptions), value: defaultLine)
        let example = context.catalog.providers(of: .care).first?.id ?? "C12"
        var hints: [String: String] = [
            "date": "The day it was paid or arrived, e.g. 09/06/2026 (day, month, year) or 2026-06-09.",
            "amount": "In pounds and pence, e.g. 90 or £1,234.50.",
            "note": "Anything you want to remember about it.",
            "line": "Which line of the support plan it is for. ← → change it.",
        ]
        switch kind {
        case .payment:
            form = Form(fields: [date, amount, line,
                                 FormField(id: "payee", label: "Paid to", kind: .text, limit: 80),
                                 FormField(id: "receipt", label: "Invoice or receipt ref", kind: .text, limit: 60), note])
            hints["payee"] = "A provider's catalog id (e.g. \(example)) or a person's name. Leave empty to pay the plan line's provider or person."
            hints["receipt"] = "Optional: the invoice or receipt number, for the council's audit."
        case .receipt:
            form = Form(fields: [date, amount,
                                 FormField(id: "source", label: "From", kind: .choice(Self.sources.map(\.label))), note])
            hints["source"] = "The council's payment, your own contribution, or a top-up (from a relative or friend). ← → change it."
        case .refund:
            form = Form(fields: [date, amount, line, FormField(id: "payee", label: "Paid back by", kind: .text, limit: 80), note])
            hints["payee"] = "A provider's catalog id (e.g. \(example)) or a person's name. Leave empty for the plan line's provider or person."
        }
        self.hints = hints
    }

    public var id: String { "budget:entry" }
    public func title(in context: AppContext) -> String { kind.title }
    public func help(in context: AppContext) -> [HelpEntry] { Form.help }
    public var capturesText: Bool { true }

    // MARK: Keys

    func cancelledMessage(in context: AppContext) -> String { "Nothing was recorded." }

    /// A provider by catalog id, otherwise a person's name.
    static func payee(_ text: String?, line: PlanLine?, catalog: Catalog) -> Payee? {
        guard let text, !text.isEmpty else { return line?.payee }
        if let provider = catalog.provider(id: text.uppercased()) ?? catalog.provider(id: text) {
            return .provider(id: provider.id, name: provider.name)
        }
        return .person(name: text, closeRelativeInHousehold: false)
    }

    mutating func submit(_ values: [String: FieldValue], in context: inout AppContext) {
        guard let date = values["date"]?.date, let amount = values["amount"]?.money else { return }
        let note = values["note"]?.text ?? ""
        let draft: EntryDraft
        switch kind {
        case .receipt:
            let source = Self.sources[min(Self.sources.count - 1, values["source"]?.choice ?? 0)]
            draft = EntryDraft(date: date, kind: .receipt(source), amount: amount, note: note)
        case .payment, .refund:
            let number = lineChoices[min(lineChoices.count - 1, values["line"]?.choice ?? 0)]
            let line = number.flatMap { number in link.budget.plan.first { $0.number == number } }
            guard let payee = Self.payee(values["payee"]?.text, line: line, catalog: context.catalog) else {
                form.setError(kind == .payment ? "Who was paid? Type a provider's id or a person's name, or choose a plan line."
                                               : "Who paid it back? Type a provider's id or a person's name, or choose a plan line.", on: "payee")
                return
            }
            draft = EntryDraft(date: date, kind: kind == .payment ? .payment : .refund, amount: amount, payee: payee, planLine: number,
                               receiptReference: values["receipt"]?.text ?? "", note: note)
        }
        if let problem = Ledger.datingProblem(date, setup: link.budget.setup, today: context.today) {
            form.setError(MessageText.sentence(problem.description), on: "date")
            return
        }
        if let problem = link.budget.ledger.problem(with: draft, planLines: Set(link.budget.plan.map(\.number))) {
            form.setError(MessageText.sentence(problem.description), on: "amount")
            return
        }
        if kind == .payment, draft != askedAbout,
           let question = UnusualPayment.question(amount: amount, line: draft.planLine.flatMap { number in link.budget.plan.first { $0.number == number } },
                                                  setup: link.budget.setup, on: date) {
            askedAbout = draft
            context.present(ModalFeature(tag: Self.unusualTag, modal: .confirm("Check the amount", question, yes: "Save it", no: "Change it")))
            return
        }
        save(draft, in: &context)
    }

    private mutating func save(_ draft: EntryDraft, in context: inout AppContext) {
        let id = context.saveBudget(.record(budget: link.name, draft), what: "the \(draft.kind.label) of \(draft.amount.formatted)")
        saving = (id, draft)
    }

    public mutating func modalFinished(_ tag: String, _ outcome: Modal.Outcome, in context: inout AppContext) {
        guard tag == Self.unusualTag, let draft = askedAbout else { return }
        if outcome == .confirmed {
            save(draft, in: &context)
        } else {
            askedAbout = nil
            form.focus = form.fields.firstIndex { $0.id == "amount" } ?? form.focus
            context.inform("Not saved: correct the amount, then Enter.")
        }
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        link.receive(outcome)
        guard let saving else { return }
        switch outcome {
        case .saved(saving.id):
            savedAwaitingReload = true
        case .budgetsLoaded where savedAwaitingReload:
            self.saving = nil
            savedAwaitingReload = false
            context.pop()
            context.inform("Saved: \(BudgetFacts.brief(saving.draft)).")
        case .failed(saving.id, _):
            // The message says why; what was typed stays, to try again.
            self.saving = nil
        default:
            break
        }
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("\(kind.title) for \(link.name)", x: area.x, y: area.y, width: area.width, role: .title)
        screen.put("Balance now \(link.budget.ledger.balance.formatted)",
                   x: area.x + 2, y: area.y + 1, width: area.width - 4, role: .dim)
        renderForm(into: &screen, area: area, hints: hints)
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        PlainView(title: "\(kind.title) for \(link.name)", lines: [.note("Balance now \(link.budget.ledger.balance.formatted).")] + form.plainLines(hints: hints),
                  prompt: "Type a field's number and its value (for example 2 90), s to save, or b to cancel:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        formPlain(command, in: &context)
    }
}
