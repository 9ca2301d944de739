import CareBudget
import ChoiceKit

/// New amounts from a date, as the council's letter after a review or a reassessment gives them:
/// only what changed is typed, the rest stays. Checked before it is saved; the form stays open
/// until the store confirms it.
public struct BudgetChangeFormFeature: FormPage {
    public var form: Form
    let budget: SavedBudget
    let hints: [String: String]
    private var saving: (id: RequestID, change: BudgetChange)?
    var isSaving: Bool { saving != nil }

    public init(budget: SavedBudget, context: AppContext) {
        self.budget = budget
        let setup = budget.setup
        let now = setup.terms(on: context.today)
        let money = FieldKind.money(minimum: Money(pence: 1), maximum: AmountInput.largest)
        let optionalMoney = FieldKind.money(minimum: .zero, maximum: AmountInput.largest)
        let firstDay = min(max(context.today, setup.start), setup.end)
        var fields = [
            FormField(id: "from", label: "New amounts from", kind: .date(earliest: setup.start, latest: setup.end), value: firstDay.iso,
                      required: true, limit: 10),
            FormField(id: "weekly", label: "Personal budget a week", kind: money, limit: 16),
            FormField(id: "contribution", label: "Your contribution a week", kind: optionalMoney, limit: 16),
        ]
        if setup.route == .mixed {
            fields.append(FormField(id: "managed", label: "Managed share a week", kind: money, limit: 16))
        }
        fields += [
            FormField(id: "hours", label: "Assessed hours a week", kind: .text, limit: 8),
            FormField(id: "note", label: "Why (optional)", kind: .text, limit: ChangeInput.longestNote),
        ]
        form = Form(fields: fields)
        hints = [
            "from": "When the new amounts start, from the council's letter, e.g. 01/12/2026. Counted by the week: from the budget week nearest that day.",
            "weekly": "The whole new personal budget a week, if it changed (now \(now.weeklyBudget.formatted)). Leave empty to keep it.",
            "contribution": "Your new assessed contribution a week, if it changed (now \(now.weeklyContribution.formatted)); 0 if you no longer pay one. Leave empty to keep it.",
            "managed": "Only if it changed: the part the council manages a week (now \(now.split.managed.formatted)).",
            "hours": "Only if the review changed it: the hours of care a week you need (now \(now.assessedHoursPerWeek.map { "\($0)" } ?? "not given")).",
            "note": "A few words to remember it by: annual review, April reassessment.",
        ]
    }

    public var id: String { "budget:change:\(budget.name.lowercased())" }
    public func title(in context: AppContext) -> String { "New amounts for \(budget.name)'s budget" }
    public func help(in context: AppContext) -> [HelpEntry] { Form.help }
    public var capturesText: Bool { true }

    func cancelledMessage(in context: AppContext) -> String { "Nothing was changed." }

    mutating func submit(_ values: [String: FieldValue], in context: inout AppContext) {
        guard let date = values["from"]?.date else { return }
        guard let hours = BudgetSetupFeature.assessedHours(values, form: &form) else { return }
        let setup = budget.setup
        switch ChangeInput.make(setup: setup, from: date, weekly: values["weekly"]?.money, contribution: values["contribution"]?.money,
                                managedShare: values["managed"]?.money, assessedHours: hours, note: values["note"]?.text ?? "") {
        case .failure(let problem):
            let text = MessageText.sentence(problem.description)
            let field = problem.description.contains("contribution") ? "contribution"
                : problem.description.contains("managed") ? "managed"
                : problem.description.contains("budget year") || problem.description.contains("before the budget starts") ? "from" : "weekly"
            form.setError(text, on: form.fields.contains { $0.id == field } ? field : "weekly")
        case .success(let change):
            let id = context.saveBudget(.change(budget: setup.name, change), what: "the new amounts for \(setup.name)'s budget")
            saving = (id, change)
        }
    }

    public mutating func receive(_ outcome: Outcome, in context: inout AppContext) {
        guard let saving else { return }
        switch outcome {
        case .saved(saving.id):
            self.saving = nil
            context.pop()
            context.inform("Saved. " + ChangeInput.summary(saving.change, setup: budget.setup))
        case .failed(saving.id, _):
            // The message says why; what was typed stays, to try again.
            self.saving = nil
        default:
            break
        }
    }

    // MARK: Drawing

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("New amounts after a review", x: area.x, y: area.y, role: .title)
        screen.put("Only what the council's letter changes", x: area.x + 28, y: area.y, width: area.width - 28, role: .dim)
        renderForm(into: &screen, area: area, hints: hints)
    }

    // MARK: Plain mode

    public func plain(in context: AppContext) -> PlainView {
        PlainView(title: "New amounts for \(budget.name)'s budget", lines: form.plainLines(hints: hints),
                  prompt: "Type a field's number and its value (for example 1 01/12/2026, 2 350), s to save, or b to cancel:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        formPlain(command, in: &context)
    }
}
