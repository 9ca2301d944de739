import CareBudget
import ChoiceKit

/// The charging calculator: what a person tells it about their money, and an estimate of the most
/// the council can ask them to pay a week — clearly an estimate, with every figure and its year.
/// Nothing is saved; Enter shows the estimate, Esc there comes back to the figures.
public struct ChargingFeature: Feature {
    public var form: Form
    let hints: [String: String]

    static let settings: [CareSetting] = [.home, .careHome]
    static let yesNo = ["no", "yes"]

    public init(context: AppContext) {
        let amount = FieldKind.money(minimum: .zero, maximum: AmountInput.largest)
        form = Form(fields: [
            FormField(id: "capital", label: "Savings and capital", kind: amount, required: true, limit: 16),
            FormField(id: "income", label: "Income a week", kind: amount, required: true, limit: 16),
            FormField(id: "age", label: "Age", kind: .wholeNumber(18...120), required: true, limit: 3),
            FormField(id: "setting", label: "Care is given", kind: .choice(["at home", "in a care home"])),
            FormField(id: "home", label: "Home's value (care home)", kind: amount, limit: 16),
            FormField(id: "nursing", label: "Home with nursing", kind: .choice(Self.yesNo)),
            FormField(id: "premium", label: "Disability premium", kind: .choice(Self.yesNo)),
            FormField(id: "enhanced", label: "Enhanced premium", kind: .choice(Self.yesNo)),
            FormField(id: "dre", label: "Disability costs a week", kind: amount, limit: 16),
            FormField(id: "mig", label: "Minimum Income Guarantee", kind: amount, limit: 16),
        ])
        let council = BudgetPolicies(manifest: context.catalog.manifest)
        hints = [
            "capital": "Savings, investments and other capital, not counting the home you live in, e.g. 15750.",
            "income": "Pensions and benefits that count, a week, e.g. 230.",
            "age": "In years. From State Pension age the council's own Minimum Income Guarantee is needed (below).",
            "setting": "At home, or living in a care home. ← → change it.",
            "home": "Only for a care home: your home's value counts as capital after the first 12 weeks. Leave empty if none.",
            "nursing": "Only for a care home: the NHS pays towards nursing care in a home with nursing. ← → change it.",
            "premium": "Whether you would get the disability premium (care at home, under pension age). ← → change it.",
            "enhanced": "Whether you would get the enhanced disability premium. ← → change it.",
            "dre": "Extra costs because of disability, a week. Leave empty to use \(council.standardDisabilityRelatedExpenditure.map { "\(council.councilName)'s standard \($0.formatted)" } ?? "none").",
            "mig": "Optional: the figure on the council's financial assessment letter. Needed from State Pension age.",
        ]
    }

    public var id: String { "budget:charging" }
    public func title(in context: AppContext) -> String { "Care charging estimate" }
    public func help(in context: AppContext) -> [HelpEntry] {
        Form.help.map { $0.keyLabel == "Enter" ? HelpEntry(keyLabel: "Enter", help: "see the estimate (every field is checked first)", hint: "estimate") : $0 }
    }
    public var capturesText: Bool { true }

    func formArea(_ area: Rect) -> Rect {
        Rect(x: area.x + 2, y: area.y + 2, width: min(area.width - 4, 100), height: max(1, area.height - 5))
    }

    public mutating func handle(_ key: Key, in context: inout AppContext) -> Handling {
        switch form.handle(key) {
        case .editing: break
        case .cancelled: context.pop()
        case .submitted(let values): estimate(values, in: &context)
        }
        return .handled
    }

    public mutating func handle(_ mouse: MouseEvent, area: Rect, in context: inout AppContext) -> Handling {
        form.handle(mouse, area: formArea(area))
    }

    mutating func estimate(_ values: [String: FieldValue], in context: inout AppContext) {
        guard let capital = values["capital"]?.money, let income = values["income"]?.money, let age = values["age"]?.number else { return }
        let setting = Self.settings[min(1, values["setting"]?.choice ?? 0)]
        let home = values["home"]?.money
        if home != nil, setting != .careHome {
            form.setError("Only in a care home does a home count: the home you live in is not counted. Leave this empty.", on: "home")
            return
        }
        let input = ChargingInput(capital: capital, weeklyIncome: income, age: age, setting: setting, homeValue: home,
                                  nursing: values["nursing"]?.choice == 1, disabilityPremium: values["premium"]?.choice == 1,
                                  enhancedDisabilityPremium: values["enhanced"]?.choice == 1,
                                  disabilityRelatedExpenditure: values["dre"]?.money, minimumIncomeGuarantee: values["mig"]?.money)
        let estimate = ChargingEstimate(input, on: context.today, policies: BudgetPolicies(manifest: context.catalog.manifest))
        context.push(ReadingPage(estimate: estimate))
    }

    public func render(into screen: inout Screen, area: Rect, in context: AppContext) {
        screen.put("Care charging estimate", x: area.x, y: area.y, role: .title)
        screen.put("An estimate, not the council's assessment", x: area.x + 24, y: area.y,
                   width: area.width - 24, role: .dim)
        let rect = formArea(area)
        form.render(into: &screen, area: rect)
        if form.fields.indices.contains(form.focus), !form.confirmingDiscard {
            var writer = ParagraphWriter(area: Rect(x: area.x + 2, y: area.maxY - 2, width: area.width - 4, height: 2))
            writer.write(hints[form.fields[form.focus].id] ?? "", role: .dim, into: &screen)
        }
    }

    public func plain(in context: AppContext) -> PlainView {
        PlainView(title: "Care charging estimate (an estimate, not the council's assessment)", lines: form.plainLines(hints: hints),
                  prompt: "Type a field's number and its value (for example 1 15750), s to see the estimate, or b to go back:")
    }

    public mutating func plain(_ command: PlainCommand, in context: inout AppContext) -> Handling {
        switch form.plain(command) {
        case .submit:
            _ = handle(.enter, in: &context)
            if let problem = form.fields.first(where: { $0.error != nil }) {
                context.warn("Not yet: \(problem.label): \(problem.error ?? "")")
            }
        case .cancel: context.pop()
        case .askDiscard(let question), .notUnderstood(let question): context.warn(question)
        case .filled(let problem): if let problem { context.warn(problem) }
        case .unchanged(let note): context.inform(note)
        }
        return .handled
    }
}
