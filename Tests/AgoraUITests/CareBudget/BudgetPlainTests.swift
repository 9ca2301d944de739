import AgoraUI
import CareBudget
import ChoiceKit
import Testing

/// A plain session with the same store behind it as `BudgetWorld`: lines in, text out, every
/// effect answered as the plain runner does.
struct PlainBudgetWorld {
    var session = PlainSession(state: AppState(catalog: Driver.catalog, size: Size(width: 80, height: 24), today: Driver.today))
    var store = FakeBudgetStore()
    var transcript = ""

    init() { transcript = session.start() }

    /// Types a line; returns what was printed for it, outcomes included, as the plain runner does.
    @discardableResult
    mutating func say(_ line: String) -> String {
        var store = self.store
        let out = session.respond(to: line) { effect -> [Outcome] in
            switch effect {
            case .write(let id, .budget(let request)):
                let problem = store.apply(request)
                return [problem.map { .failed(id, message: $0) } ?? .saved(id)]
            case .write(let id, _):
                return [.saved(id)]
            case .loadBudgets:
                return [.budgetsLoaded(.loaded(store.budgets))]
            case .start(let id, _):
                return [.finished(id, message: "Saved to the file")]
            default:
                return []
            }
        }
        self.store = store
        transcript += out
        return out
    }
}

@Suite("Care budget journey in plain mode")
struct BudgetPlainTests {
    @Test func theWholeJourneyByNumbersAndWords() throws {
        var world = PlainBudgetWorld()
        #expect(world.transcript.contains("9. My care budget"))
        let list = world.say("9")
        #expect(list.contains("No budget yet"))
        #expect(list.contains("1. Set up a new budget."))
        let form = world.say("n")
        #expect(form.contains("1. Whose budget: (empty)"))
        #expect(form.contains("6. Received as: direct payment (choices: 1 direct payment; 2 council-managed (virtual) budget; 3 individual service fund; 4 a mix: managed and direct payment)"))
        world.say("1 Mum")
        world.say("2 2026-04-06")
        #expect(world.say("3 350.001").contains("Type pounds and pence"), "money is read exactly")
        world.say("3 350")
        world.say("5 40")
        world.say("6 4")
        let missing = world.say("s")
        #expect(missing.contains("Not saved yet: Managed share a week: A mix needs the part the council manages"))
        world.say("7 150")
        let saved = world.say("s")
        #expect(saved.hasPrefix("Saved Mum's budget."), "the outcome first, for a listener: \(saved)")
        #expect(saved.components(separatedBy: "Type a number to open it").count == 2, "one prompt, at the end")
        #expect(saved.contains("Mum's care budget"))
        #expect(saved.contains("£0 planned of £18,200 a year; £18,200 left."))
        #expect(world.store.budgets.count == 1)

        // The plan: home care from the catalog, then a day centre.
        #expect(world.say("p").contains("Nothing planned yet."))
        let kinds = world.say("a")
        #expect(kinds.contains("1. Home care from the catalog (hours a week)"))
        let hours = world.say("1")
        #expect(hours.contains("1. Hours a week: (empty)"))
        #expect(hours.contains("2. Paid from: council-managed"))
        world.say("1 6")
        let providers = world.say("s")
        #expect(providers.contains("cheapest first"))
        #expect(providers.contains("1. "))
        #expect(providers.contains("a week at £"))
        #expect(!providers.contains("[x]"), "tick boxes are said as words")
        #expect(providers.contains("1 on the council's list: on; 2 takes direct payments: off"))
        let added = world.say("1")
        #expect(added.contains("Added "))
        #expect(added.contains("Support plan for Mum"))
        #expect(added.contains("times"), "× is said as times")
        world.say("a")
        world.say("2")
        world.say("1 2")
        world.say("s")
        world.say("1")
        let budget = try #require(world.store.budgets.first)
        #expect(budget.plan.count == 2)
        #expect(world.say("w").contains("Source:"))
        world.say("b")
        world.say("b")

        // Money in, a payment, the ledger and a reversal.
        world.say("in")
        world.say("1 2026-11-02")
        world.say("2 640")
        #expect(world.say("s").contains("Saved: council payment of £640.00 on 2 Nov 2026."))
        world.say("pay")
        world.say("2 150.60")
        world.say("3 2")
        #expect(world.say("s").contains("Saved: payment of £150.60"))
        let ledger = world.say("l")
        #expect(ledger.contains("Ledger for Mum"))
        #expect(ledger.contains("1. 2 November 2026: council payment of £640.00; in £640.00"), "the date is said once")
        #expect(ledger.contains("in £640.00; balance £640.00."))
        #expect(ledger.contains("out £150.60; balance £489.40."))
        let ask = world.say("x 2")
        #expect(ask.contains("Reverse entry 2?"))
        let reversed = world.say("y")
        #expect(reversed.contains("Saved: reversal of entry 2"))
        #expect(reversed.contains("3. "))
        #expect(world.say("x 3").contains("is itself a reversal"))
        world.say("b")

        // The projection in words, and the balance every four weeks.
        let projection = world.say("r")
        #expect(projection.contains("Projection for Mum"))
        #expect(projection.contains("At "))
        #expect(projection.contains("The balance every four weeks:"))
        #expect(projection.contains("6 April 2026: £0.00, recorded."))
        #expect(projection.contains("projected."))
        #expect(!projection.contains("█") && !projection.contains("┄"))
        #expect(world.say("y").contains("Planned and actual to 25 November 2026"))
        world.say("b")
        world.say("b")

        // Export straight from the budget's page.
        let export = world.say("e 1 mum.csv")
        #expect(export.contains("Saved to the file"))
        let menu = world.say("e")
        #expect(menu.contains("1. The statement"))
        #expect(world.say("2").contains("mum-plan.csv"))
        #expect(world.say("").contains("Saved to the file"))
    }

    @Test func aBudgetSetUpByMistakeIsRemovedByItsNumber() {
        var world = PlainBudgetWorld()
        world.say("9")
        world.say("n")
        world.say("1 Mum 2")
        world.say("3 420")
        world.say("s")
        let list = world.say("b")
        #expect(list.contains("1. Mum 2 - £420.00 a week"), "\(list)")
        #expect(list.contains("x and a budget's number to remove one set up by mistake"))
        #expect(world.say("x 1").contains("Remove Mum 2's budget?"))
        let removed = world.say("y")
        #expect(removed.contains("Removed Mum 2's budget and its plan."), "\(removed)")
        #expect(world.store.budgets.isEmpty)
    }

    @Test func chargingEstimateInPlainMode() {
        var world = PlainBudgetWorld()
        world.say("9")
        world.say("c")
        world.say("1 14250")
        world.say("2 200")
        world.say("3 40")
        let estimate = world.say("s")
        #expect(estimate.contains("an estimate, using 2025/26 figures"))
        #expect(estimate.contains("Tariff income: £0.00"))
        #expect(estimate.contains("Minimum Income Guarantee: £112.50"))
        #expect(estimate.contains("Result: the most you can be asked to pay is"))
        #expect(world.say("b").contains("1. Savings and capital: 14250"), "the figures are kept")
    }

    @Test func leavingAFormAsksFirst() {
        var world = PlainBudgetWorld()
        world.say("9")
        world.say("n")
        world.say("1 Dad")
        #expect(world.say("b").contains("Discard what you typed?"))
        let left = world.say("b")
        #expect(left.contains("Nothing was saved."))
        #expect(world.store.budgets.isEmpty)
    }

    @Test func aMistakeInAFieldIsSaidOnceAndATooLongValueIsNotCut() {
        var world = PlainBudgetWorld()
        world.say("9")
        world.say("n")
        let wrong = world.say("3 abc")
        #expect(wrong.components(separatedBy: "is not an amount of money").count == 2, "said once: \(wrong)")
        let long = world.say("3 99999999999999999999")
        #expect(long.contains("That is longer than personal budget takes (16 characters): nothing was changed."))
        #expect(!long.contains("9999999999999999."), "not cut to 16 digits and kept")
    }
}
