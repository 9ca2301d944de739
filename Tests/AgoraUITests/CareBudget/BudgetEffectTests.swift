import AgoraUI
import CareBudget
import ChoiceKit
import Testing

/// Everything entered is saved through the store: shown as saved only once the store confirms it,
/// and put back with a message when the store refuses.
@Suite("Care budget writes: confirmed, pending or refused")
struct BudgetEffectTests {
    static func withMum(width: Int = 80, height: Int = 24) -> BudgetWorld {
        var world = BudgetWorld(width: width, height: height)
        world.openBudgets()
        world.setUpMum()
        return world
    }

    @Test func budgetsAreReadThroughTheEffectLoop() {
        var world = BudgetWorld()
        world.holdWrites = true
        world.openBudgets()
        #expect(world.driver.effects.contains(.loadBudgets))
        #expect(world.text.contains("Reading your saved budgets…"))
        world.driver.send(.outcome(.budgetsLoaded(.unreadable("The file is locked."))))
        #expect(world.text.contains("Your saved budgets could not be read: The file is locked."))
        #expect(world.text.contains("Set up a new budget"))
    }

    @Test func aNewBudgetIsShownOnlyOnceTheStoreHasIt() throws {
        var world = BudgetWorld()
        world.openBudgets()
        world.holdWrites = true
        world.setUpMum()
        #expect(world.state.topPage(as: BudgetSetupFeature.self) != nil, "the form stays while saving")
        #expect(world.text.contains("Saving…"))
        world.type("x")
        #expect(world.text.contains("Saving… one moment."))
        #expect(world.budgetWrites.count == 1)
        world.release()
        #expect(world.state.topPage(as: BudgetFeature.self) != nil)
        #expect(world.text.contains("Saved Mum's budget."))
    }

    @Test func aBudgetTheStoreRefusesKeepsWhatWasTyped() {
        var world = BudgetWorld()
        world.openBudgets()
        world.refuseWrites = "Could not save to agora.sqlite (disk I/O error); your change was not kept."
        world.setUpMum()
        #expect(world.state.topPage(as: BudgetSetupFeature.self) != nil)
        #expect(world.text.contains("Not saved: the budget \"Mum\"."))
        #expect(world.text.contains("Mum"), "what was typed is still there")
        world.refuseWrites = nil
        world.press(.enter)
        #expect(world.state.topPage(as: BudgetFeature.self) != nil, "saved on the second try")
    }

    @Test func aRefusedPaymentStaysInTheFormWithTheStoresWords() throws {
        var world = Self.withMum()
        world.press(.character("$"), .tab)
        world.type("90")
        world.press(.tab, .tab)
        world.type("Jane Doe")
        world.refuseWrites = "Could not save to agora.sqlite (database is locked); your change was not kept."
        world.press(.enter)
        #expect(world.state.topPage(as: EntryFormFeature.self) != nil)
        #expect(world.flatText.contains("Not saved: the payment of £90.00. Could not save"))
        #expect(world.store.budgets.first?.ledger.entries.isEmpty == true)
        world.refuseWrites = nil
        world.press(.enter)
        #expect(world.store.budgets.first?.ledger.entries.first?.payee == .person(name: "Jane Doe", closeRelativeInHousehold: false))
        #expect(world.text.contains("Saved: payment of £90.00 to Jane Doe"))
    }

    @Test func aReversalIsPendingThenSavedOrPutBack() throws {
        var world = Self.withMum()
        world.press(.character("i"), .tab)
        world.type("640")
        world.press(.enter, .character("l"))
        world.holdWrites = true
        world.press(.character("x"), .character("y"))
        #expect(world.text.contains("Reversing entry 1…"))
        #expect(world.lines.contains { $0.hasPrefix("…") }, "the reversal shows as not yet saved")
        #expect(world.text.contains("Saving…") || world.text.contains("Reversing"))
        // Another read of the store while ours is unconfirmed does not hide it.
        world.driver.send(.outcome(.budgetsLoaded(.loaded(world.store.budgets))))
        #expect(world.text.contains("reverses no. 1"))
        // The store refuses: it goes, with a message.
        guard let (id, _) = world.held.first else { Issue.record("nothing held"); return }
        world.driver.send(.outcome(.failed(id, message: "Entry 1 is already reversed — record a new entry instead.")))
        #expect(!world.text.contains("reverses no. 1"))
        #expect(world.flatText.contains("Not saved: the reversal of entry 1. Entry 1 is already reversed"))
        #expect(world.state.topPage(as: LedgerFeature.self)?.rows.count == 1)
    }

    @Test func aLineTheStoreWillNotRemoveComesBack() throws {
        var world = Self.withMum()
        world.press(.character("p"))
        world.addFromCatalog(menu: "1", quantity: "6")
        world.refuseWrites = "Could not save; your change was not kept."
        world.press(.character("x"), .character("y"))
        let plan = try #require(world.state.topPage(as: PlanFeature.self))
        #expect(plan.budget.plan.count == 1)
        #expect(world.text.contains("Not saved: taking out line 1."))
    }

    @Test func aLineIsAddedOnlyOnceSaved() throws {
        var world = Self.withMum()
        world.press(.character("p"), .character("a"), .character("2"))
        world.type("2")
        world.press(.enter)
        world.holdWrites = true
        world.press(.enter)
        #expect(world.state.topPage(as: ProviderPickerFeature.self) != nil)
        #expect(world.text.contains("Saving…"))
        world.press(.down)
        #expect(world.text.contains("Saving… one moment."))
        world.release()
        let plan = try #require(world.state.topPage(as: PlanFeature.self))
        #expect(plan.budget.plan.count == 1)
    }

    @Test func aBudgetRemovedByAnotherCopySaysSo() {
        var world = Self.withMum()
        world.driver.send(.outcome(.budgetsLoaded(.loaded([]))))
        #expect(world.text.contains("This budget is no longer saved here."))
        world.press(.character("p"))
        #expect(world.state.topPage(as: PlanFeature.self) == nil)
    }
}
