import AgoraUI
import CareBudget
import ChoiceKit
import Testing

@Suite("Care budget: new amounts after a review")
struct BudgetChangeJourneyTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40)]

    /// Mum's mixed budget (£350 a week from 6 April 2026, £150 managed, £40 contribution), open.
    func mumsBudget(width: Int, height: Int) -> BudgetWorld {
        var world = BudgetWorld(width: width, height: height)
        world.press(.end, .up, .up, .enter)
        world.setUpMum()
        return world
    }

    @Test("a review's new amounts, from the budget page", arguments: sizes)
    func newAmounts(width: Int, height: Int) throws {
        var world = mumsBudget(width: width, height: height)
        #expect(world.text.contains("Changes after a review: none"))
        world.press(.character("n"))
        #expect(world.text.contains("Changes to Mum's budget"))
        #expect(world.flatText.contains("At the start, 6 April 2026: £350.00 a week; you pay £40.00."))
        #expect(world.text.contains("No changes yet: press n"))
        world.press(.character("n"))
        #expect(world.text.contains("New amounts from"))
        #expect(world.text.contains("Managed share a week"), "a mixed budget's split can change")
        world.fill("2026-12-01")
        world.press(.tab)
        world.type("380")
        world.press(.tab)
        world.type("999")
        world.press(.enter)
        #expect(world.flatText.contains("The contribution £999.00 is more than the budget £380.00 a week"))
        #expect(world.store.budgets.first?.setup.changes.isEmpty == true, "nothing saved")
        world.press(.backspace, .backspace, .backspace)
        world.type("45")
        world.press(.tab, .tab, .tab)
        world.type("annual review")
        world.press(.enter)
        // Tuesday 1 December counts from Monday 30 November, the nearest budget week.
        #expect(world.flatText.contains("Saved. From 30 November 2026 (annual review): the budget £350.00 → £380.00 a week; your contribution £40.00 → £45.00 a week."))
        let saved = try #require(world.store.budgets.first?.setup)
        #expect(saved.changes.count == 1)
        #expect(saved.latestTerms.split == BudgetSplit(directPayment: Money(pounds: 230), managed: Money(pounds: 150)))
        #expect(saved.weeklyAmountsText == "£350.00 a week, £380.00 from 30 November 2026")
        world.press(.escape)
        #expect(world.text.contains("Changes after a review: 1"))
        #expect(world.flatText.contains("£350.00 a week, £380.00 from 30 November 2026 (£18,740.00 a year)"))
    }

    @Test func aChangeEnteredByMistakeIsTakenOutAfterAQuestion() throws {
        var world = mumsBudget(width: 100, height: 30)
        world.press(.character("n"), .character("n"))
        world.fill("2027-01-04")
        world.press(.tab)
        world.type("400")
        world.press(.enter)
        #expect(world.store.budgets.first?.setup.changes.count == 1)
        world.press(.character("x"))
        #expect(world.text.contains("Take out the change from 4 January 2027?"))
        world.press(.character("n"))
        #expect(world.store.budgets.first?.setup.changes.count == 1, "kept when the answer is no")
        world.press(.character("x"), .character("y"))
        #expect(world.store.budgets.first?.setup.changes.isEmpty == true)
        #expect(world.flatText.contains("Took out the change from 4 January 2027"))
        #expect(world.text.contains("No changes yet"))
    }

    @Test func plainModeListsTheChangesAndTakesNewAmounts() throws {
        var world = mumsBudget(width: 100, height: 30)
        world.press(.character("n"))
        let view = try #require(world.state.topPage(as: BudgetChangesFeature.self)).plain(in: world.state.context)
        #expect(view.prompt.contains("Type n for new amounts from a date"))
        #expect(view.lines.contains(.note("No changes yet.")))
    }

    @Test func anOverdrawnLedgerSaysWhatToDo() throws {
        var world = mumsBudget(width: 100, height: 30)
        world.press(.character("$"), .tab)
        world.type("90")
        world.press(.tab, .tab)
        world.type("Jane Doe")
        world.press(.enter)
        #expect(world.store.budgets.first?.ledger.balance == Money(pounds: -90))
        #expect(world.state.topPage(as: BudgetFeature.self) != nil)
        #expect(world.flatText.contains("Balance -£90.00: the ledger has more paid out than came in. Record the money that came in"))
    }
}
