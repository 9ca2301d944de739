import CareBudget
import ChoiceKit

/// A care budget as the store keeps it: the set-up, the plan's current lines and the whole ledger.
public struct SavedBudget: Hashable, Sendable {
    public var setup: BudgetSetup
    public var plan: [PlanLine]
    public var ledger: Ledger

    public init(setup: BudgetSetup, plan: [PlanLine] = [], ledger: Ledger = .empty) {
        self.setup = setup
        self.plan = plan
        self.ledger = ledger
    }

    public var name: String { setup.name }

    func isNamed(_ other: String) -> Bool { name.lowercased() == other.lowercased() }
}

/// A change to a care budget; the runtime carries it out against the store, each in one transaction.
public enum BudgetRequest: Hashable, Sendable {
    case create(BudgetSetup)
    /// A budget set up by mistake, with its plan; the store refuses one with ledger entries.
    case remove(budget: String)
    case addLine(budget: String, service: PlanService, payee: Payee, paidFrom: BudgetPart, note: String)
    case removeLine(budget: String, number: Int)
    /// New amounts from a week, after a review; one already starting that week is replaced.
    case change(budget: String, BudgetChange)
    /// A change entered by mistake, taken out.
    case removeChange(budget: String, from: CalendarDate)
    /// One ledger entry: a receipt, payment, refund or reversal. The store gives it its number.
    case record(budget: String, EntryDraft)
}

/// The saved budgets as read from the store, or why they could not be read.
public enum BudgetsLoad: Hashable, Sendable {
    case loaded([SavedBudget])
    case unreadable(String)
}

extension AppContext {
    /// Asks the runtime to read the saved budgets again; the answer comes as `.budgetsLoaded`.
    mutating func loadBudgets() { commands.append(.effect(.loadBudgets)) }

    /// Asks the store to keep a budget change; the page that asked keeps what to put back.
    mutating func saveBudget(_ request: BudgetRequest, what: String) -> RequestID {
        let id = write(.budget(request), undo: .byFeature, what: what)
        loadBudgets()
        return id
    }
}

/// What every page of one budget shares: the budget as last read, changes made in memory that the
/// store has not confirmed yet (with what to put back if one fails), and whether it has gone.
struct BudgetLink: Hashable, Sendable {
    private(set) var budget: SavedBudget
    private var undo: [RequestID: SavedBudget] = [:]
    /// Ledger entries shown before the store confirmed them (their numbers are provisional).
    private(set) var unconfirmedEntries: [RequestID: Int] = [:]
    private(set) var isGone = false

    init(_ budget: SavedBudget) { self.budget = budget }

    var name: String { budget.name }
    var setup: BudgetSetup { budget.setup }

    /// Changes the budget in memory at once and asks the store to keep it.
    mutating func change(_ updated: SavedBudget, _ request: BudgetRequest, what: String, in context: inout AppContext) {
        let previous = budget
        budget = updated
        let id = context.saveBudget(request, what: what)
        undo[id] = previous
        if case .record = request, let number = updated.ledger.entries.last?.number { unconfirmedEntries[id] = number }
    }

    func isUnconfirmed(entry number: Int) -> Bool { unconfirmedEntries.values.contains(number) }

    /// True when what is shown changed.
    @discardableResult
    mutating func receive(_ outcome: Outcome) -> Bool {
        switch outcome {
        case .saved(let id):
            undo[id] = nil
            return unconfirmedEntries.removeValue(forKey: id) != nil
        case .failed(let id, _):
            unconfirmedEntries[id] = nil
            guard let previous = undo.removeValue(forKey: id) else { return false }
            budget = previous
            return true
        case .budgetsLoaded(.loaded(let budgets)):
            // A reload while our own change is unconfirmed would show the old budget: wait for it.
            guard undo.isEmpty else { return false }
            guard let fresh = budgets.first(where: { $0.isNamed(budget.name) }) else {
                isGone = true
                return true
            }
            isGone = false
            guard fresh != budget else { return false }
            budget = fresh
            return true
        default:
            return false
        }
    }
}

/// What a budget's pages show, worked out from the budget, the catalog and today.
struct BudgetFacts {
    let budget: SavedBudget
    let policies: BudgetPolicies
    let summary: PlanSummary
    let warnings: [BudgetWarning]
    let today: CalendarDate

    init(_ budget: SavedBudget, _ context: AppContext) {
        self.budget = budget
        let catalog = context.catalog
        policies = BudgetPolicies(manifest: catalog.manifest)
        summary = PlanSummary(setup: budget.setup, plan: budget.plan)
        warnings = PlanRules.check(setup: budget.setup, plan: budget.plan, policies: policies) { catalog.provider(id: $0) }
        today = context.today
    }

    var setup: BudgetSetup { budget.setup }

    /// The projection from today, or from the end of the budget year once it is over.
    var projection: Projection {
        Projection(setup: setup, plan: budget.plan, ledger: budget.ledger, policies: policies, asOf: min(today, setup.end))
    }

    var plannedVsActual: PlannedVsActual {
        PlannedVsActual(setup: setup, plan: budget.plan, ledger: budget.ledger, asOf: min(today, setup.end))
    }

    /// Every entry, from the start of the budget year (or the earliest entry) to the latest.
    var statement: Statement {
        let dates = budget.ledger.entries.map(\.date)
        return Statement(budgetName: setup.name, ledger: budget.ledger, from: min(setup.start, dates.min() ?? setup.start),
                         to: max(setup.end, dates.max() ?? setup.end))
    }

    /// "£350.00 a week (£18,200.00 a year), 6 April 2026 to 4 April 2027".
    var amountAndYear: String {
        "\(setup.weeklyAmountsText) (\(setup.annualBudget.formatted) a year), \(setup.start.long) to \(setup.end.long)"
    }

    /// "A mix: direct payment £200.00 and council-managed £150.00 a week. The council pays £310.00; you pay £40.00."
    var howReceived: String {
        let terms = setup.terms(on: today)
        let parts = terms.split.parts.map { "\($0.label) \(terms.split.weekly($0).formatted)" }
        var text = setup.route == .mixed ? "A mix: " + parts.joined(separator: " and ") + " a week." : "\(setup.route.label)."
        text += " The council pays \(terms.weeklyCouncilShare.formatted) a week"
        text += terms.weeklyContribution > .zero ? "; you pay \(terms.weeklyContribution.formatted)." : "."
        return text
    }

    var worstWarning: BudgetWarning.Severity? { warnings.map(\.severity).max() }

    /// "Balance £640.00.", or when more went out than the ledger has coming in, what to do.
    var balanceSentence: String {
        let balance = budget.ledger.balance
        guard balance < .zero else { return "Balance \(balance.formatted)." }
        return "Balance \(balance.formatted): the ledger has more paid out than came in. Record the money that came in (the council's payment, your contribution), or check the payments."
    }

    static func role(_ severity: BudgetWarning.Severity?) -> Role {
        switch severity {
        case .notAllowed?: return .bad
        case .needsAgreement?, .check?: return .fair
        case nil: return .good
        }
    }

    /// "2 warnings (1 not allowed)" or "No warnings".
    var warningsText: String {
        guard !warnings.isEmpty else { return "No warnings: the plan follows every rule Agora checks." }
        let notAllowed = warnings.filter { $0.severity == .notAllowed }.count
        return "\(warnings.count) warning\(warnings.count == 1 ? "" : "s")" + (notAllowed > 0 ? " (\(notAllowed) not allowed as planned)" : "") + "."
    }

    /// "Press w to read it." after the warnings, when there are any.
    func warningsPrompt(_ verb: String) -> String {
        warnings.isEmpty ? "" : " \(verb) w to \(verb == "Type" ? "hear" : "read") \(warnings.count == 1 ? "it" : "them")."
    }

    /// "direct payment", "a mix of direct payment and council-managed".
    var routeWords: String {
        setup.route == .mixed ? "a mix of " + setup.latestTerms.split.parts.map(\.label).joined(separator: " and ") : setup.route.label.lowercased()
    }

    /// The line as one sentence: "Home care, Brightways (C12), 10 hours a week × £24.50 = £245.00 a week, paid from council-managed."
    static func describe(_ line: PlanLine, weeks: Int) -> String {
        let cost = line.service.weeklyCost.map { "\($0.formatted) a week (\(line.annualCost(weeks: weeks).formatted) a year)" }
            ?? "\(line.annualCost(weeks: weeks).formatted) in all"
        return "\(line.service.kind.label), \(line.payee.display): \(line.service.quantityText) = \(cost), paid from \(line.paidFrom.label)."
    }

    /// "payment of £90.00 to Jane Doe on 9 June 2026 (line 2)"; without "on …" where the date is
    /// already said before it.
    static func describe(_ entry: LedgerEntry, withDate: Bool = true) -> String {
        var words = "\(entry.kind.label) of \(entry.amount.formatted)"
        if let payee = entry.payee {
            switch entry.kind {
            case .payment: words += " to \(payee.display)"
            case .refund: words += " from \(payee.display)"
            default: words += ", \(payee.display)"
            }
        }
        if withDate { words += " on \(entry.date.long)" }
        if let line = entry.planLine { words += " (line \(line))" }
        if !entry.receiptReference.isEmpty { words += ", receipt \(entry.receiptReference)" }
        if !entry.note.isEmpty { words += ", note: \(entry.note)" }
        return words
    }

    /// "payment of £90.00 to Jane Doe on 9 Jun 2026": short enough for the message line at 80 columns.
    static func brief(_ draft: EntryDraft) -> String {
        var words = "\(draft.kind.label) of \(draft.amount.formatted)"
        if let payee = draft.payee {
            switch draft.kind {
            case .payment: words += " to \(payee.name)"
            case .refund: words += " from \(payee.name)"
            default: words += ", \(payee.name)"
            }
        }
        return words + " on \(draft.date.short)"
    }

    /// A file name stem from the budget's name: letters and digits only.
    var fileStem: String {
        let letters = setup.name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        let stem = String(letters).split(separator: "-").joined(separator: "-")
        return stem.isEmpty ? "budget" : stem
    }
}

extension BudgetBar {
    /// The bar and its words on one line when they fit (the bar shrinks to make room), else the
    /// bar on one line and the words wrapped under it: the words are never cut.
    func lines(width: Int, ascii: Bool) -> [(String, Role)] {
        let role: Role = isOver ? .bad : .accent
        let room = width - DisplayWidth.of(words) - 2
        if room >= 10 { return [(cells(width: min(40, room, max(10, width / 3)), ascii: ascii) + "  " + words, role)] }
        return [(cells(width: max(1, min(40, width)), ascii: ascii), role)] + DisplayWidth.wrap(words, width: width).map { ($0, role) }
    }
}

extension BarStyle {
    var isASCII: Bool { self == .ascii }
}
