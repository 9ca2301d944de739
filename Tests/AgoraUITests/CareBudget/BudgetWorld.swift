import AgoraUI
import CareBudget
import ChoiceKit

/// The store as the care-budget pages see it, kept in memory: each request applied whole or
/// refused with the store's words, as `AgoraStore` does.
struct FakeBudgetStore {
    private(set) var budgets: [SavedBudget] = []
    /// Line numbers a budget ever had (removed lines keep theirs, as the store does).
    private var everLines: [String: Set<Int>] = [:]

    mutating func apply(_ request: BudgetRequest) -> String? {
        switch request {
        case .create(let setup):
            if budgets.contains(where: { $0.name.lowercased() == setup.name.lowercased() }) {
                return "There is already a budget called \"\(setup.name)\" — choose another name."
            }
            budgets.append(SavedBudget(setup: setup))
            budgets.sort { $0.name < $1.name }
        case .remove(let name):
            guard let index = index(name) else { return "There is no budget called \"\(name)\"." }
            guard budgets[index].ledger.entries.isEmpty else { return "\"\(name)\" has ledger entries, and a ledger is never deleted." }
            budgets.remove(at: index)
        case .addLine(let name, let service, let payee, let part, let note):
            guard let index = index(name) else { return "There is no budget called \"\(name)\"." }
            let number = (everLines[name]?.max() ?? 0) + 1
            everLines[name, default: []].insert(number)
            budgets[index].plan.append(PlanLine(number: number, service: service, payee: payee, paidFrom: part, note: note))
        case .removeLine(let name, let number):
            guard let index = index(name), budgets[index].plan.contains(where: { $0.number == number }) else {
                return "There is no plan line \(number)."
            }
            budgets[index].plan.removeAll { $0.number == number }
        case .record(let name, let draft):
            guard let index = index(name) else { return "There is no budget called \"\(name)\"." }
            let ledger = budgets[index].ledger
            if let problem = ledger.problem(with: draft, planLines: everLines[name] ?? []) { return problem.description }
            budgets[index].ledger = Ledger(entries: ledger.entries + [draft.entry(number: ledger.nextNumber)])
        case .change(let name, let change):
            guard let index = index(name) else { return "There is no budget called \"\(name)\"." }
            var setup = budgets[index].setup
            setup.changes = setup.changes.filter { $0.from != change.from } + [change]
            if let problem = setup.termsProblem { return problem }
            budgets[index].setup = setup
        case .removeChange(let name, let from):
            guard let index = index(name), budgets[index].setup.changes.contains(where: { $0.from == from }) else {
                return "The budget has no change from \(from.long)."
            }
            budgets[index].setup.changes.removeAll { $0.from == from }
        }
        return nil
    }

    private func index(_ name: String) -> Int? { budgets.firstIndex { $0.name == name } }
}

/// A person at the keyboard with a working store behind the program: keys in, the store answers
/// every write and read as the runtime would, and the screen comes out.
struct BudgetWorld {
    var driver: Driver
    var store = FakeBudgetStore()
    /// While set, writes are answered "failed" with this message (a full disk, a locked file).
    var refuseWrites: String?
    /// While true, writes are left unanswered (the store is slow): the screen shows them pending.
    var holdWrites = false
    private var answered = 0
    private(set) var held: [(RequestID, BudgetRequest)] = []

    init(width: Int = 80, height: Int = 24, theme: ThemeName = .standard) {
        driver = Driver(width: width, height: height, theme: theme)
        driver.confirmsWrites = false
    }

    var text: String { driver.text }
    /// The screen's words in one line, spaces run together: for sentences wrapped over rows.
    var flatText: String { lines.joined(separator: " ").split(separator: " ").joined(separator: " ") }
    var lines: [String] { driver.lines }
    var state: AppState { driver.state }
    var width: Int { driver.state.size.width }

    mutating func press(_ keys: Key...) {
        for key in keys {
            driver.send(.key(key))
            settle()
        }
    }

    mutating func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// Clears the focused field and types into it.
    mutating func fill(_ text: String) {
        press(.control("u"))
        type(text)
    }

    /// Answers every effect not yet answered, in order, as the runtime does.
    mutating func settle() {
        while answered < driver.effects.count {
            let effect = driver.effects[answered]
            answered += 1
            switch effect {
            case .write(let id, .budget(let request)):
                if holdWrites {
                    held.append((id, request))
                } else if let refusal = refuseWrites {
                    driver.send(.outcome(.failed(id, message: refusal)))
                } else {
                    answer(id, request)
                }
            case .write(let id, _):
                driver.send(.outcome(.saved(id)))
            case .loadBudgets:
                if !holdWrites { driver.send(.outcome(.budgetsLoaded(.loaded(store.budgets)))) }
            default:
                break
            }
        }
    }

    private mutating func answer(_ id: RequestID, _ request: BudgetRequest) {
        if let problem = store.apply(request) {
            driver.send(.outcome(.failed(id, message: problem)))
        } else {
            driver.send(.outcome(.saved(id)))
        }
    }

    /// Lets the held writes through, then reads the budgets again.
    mutating func release() {
        holdWrites = false
        let writes = held
        held = []
        for (id, request) in writes { answer(id, request) }
        driver.send(.outcome(.budgetsLoaded(.loaded(store.budgets))))
        settle()
    }

    /// The effects of the kind asked for so far.
    var budgetWrites: [BudgetRequest] {
        driver.effects.compactMap { if case .write(_, .budget(let request)) = $0 { return request }; return nil }
    }

    // MARK: Steps of the journey

    /// From the home page to "My care budget".
    mutating func openBudgets() {
        press(.end, .up, .up, .enter)
    }

    /// Sets up Mum's £350-a-week mixed budget from 6 April 2026: £40 contribution, £150 managed.
    mutating func setUpMum(assessedHours: String = "") {
        press(.character("n"))
        type("Mum")
        press(.tab)
        fill("2026-04-06")
        press(.tab)
        type("350")
        press(.tab, .tab)
        type("40")
        press(.tab, .left, .tab)
        type("150")
        if !assessedHours.isEmpty {
            press(.tab)
            type(assessedHours)
        }
        press(.enter)
    }

    /// On the plan page: adds the cheapest provider of a kind (1 home care, 2 day centre) for a quantity.
    mutating func addFromCatalog(menu: Character, quantity: String) {
        press(.character("a"), .character(menu))
        type(quantity)
        press(.enter, .enter)
    }

    /// Opens the budget's page of an item by its key on the budget page.
    func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
}
