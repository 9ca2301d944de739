import AgoraStore
import AgoraUI
import CareBudget
import ChoiceKit

/// Care budgets, their plan lines and ledger entries: written and read for the full-screen and
/// plain journeys. Each write is one transaction in the store; a refusal comes back in words.
extension StoreEffects {
    func carryOut(_ id: RequestID, _ request: BudgetRequest, in store: AgoraStore) -> Outcome {
        do {
            switch request {
            case .create(let setup):
                try store.createBudget(setup, on: today)
            case .remove(let budget):
                try store.removeBudget(named: budget)
            case .addLine(let budget, let service, let payee, let paidFrom, let note):
                try store.addPlanLine(budget: budget, service: service, payee: payee, paidFrom: paidFrom, note: note, on: today)
            case .removeLine(let budget, let number):
                try store.removePlanLine(budget: budget, number: number, on: today)
            case .record(let budget, let draft):
                try store.record(draft, budget: budget)
            case .change(let budget, let change):
                try store.addChange(change, budget: budget, on: today)
            case .removeChange(let budget, let from):
                try store.removeChange(budget: budget, from: from)
            }
            return .saved(id)
        } catch {
            return .failed(id, message: MessageText.sentence(error.description))
        }
    }

    /// Every saved budget with its plan and ledger, or why they cannot be read.
    func budgets() -> Outcome {
        guard let store else {
            return .budgetsLoaded(.unreadable("There is nowhere to read them from (the data folder could not be opened)."))
        }
        do {
            var saved: [SavedBudget] = []
            for setup in try store.budgets() {
                let stored = try store.budget(named: setup.name)
                saved.append(SavedBudget(setup: stored.setup, plan: stored.plan, ledger: stored.ledger))
            }
            return .budgetsLoaded(.loaded(saved))
        } catch {
            return .budgetsLoaded(.unreadable(MessageText.sentence(error.description)))
        }
    }
}
