import AgoraUI
import CareBudget
import ChoiceKit
import Testing

/// The budget pages in a small window (60×18) and the plain-mode details a screen reader hears:
/// what matters stays on screen, nothing is drawn past the edge, the keys stay listed.
@Suite("Care budget in a small window and in plain mode")
struct BudgetSmallWindowTests {
    /// Nothing past the edge, and the key hints on the last row.
    func expectFits(_ world: BudgetWorld, _ page: String) {
        #expect(world.lines.allSatisfy { DisplayWidth.of($0) <= world.width }, "\(page) draws past the edge")
        let hints = world.lines.last ?? ""
        #expect(hints.contains("Esc") || hints.contains("help") || hints.contains("Enter"), "\(page) lost its key hints")
    }

    /// Mum's budget with home care (council-managed) and a day centre (direct payment), the
    /// council's first payment and the day centre's first week paid.
    static func monthOfMum(width: Int, height: Int) -> BudgetWorld {
        var world = BudgetWorld(width: width, height: height)
        world.openBudgets()
        world.setUpMum()
        world.press(.character("p"))
        world.addFromCatalog(menu: "1", quantity: "6")
        world.addFromCatalog(menu: "2", quantity: "2")
        world.press(.escape, .character("i"))
        world.fill("2026-04-06")
        world.press(.tab)
        world.type("640")
        world.press(.enter, .character("$"))
        world.fill("2026-04-13")
        world.press(.tab)
        world.type("130")
        world.press(.tab, .right, .right) // line 2, the day centre from the direct payment
        world.press(.enter)
        return world
    }

    @Test func everyPageKeepsWhatMattersAt60By18() throws {
        var world = Self.monthOfMum(width: 60, height: 18)
        let budget = try #require(world.state.topPage(as: BudgetFeature.self))
        #expect(budget.budget.ledger.entries.count == 2)
        expectFits(world, "budget")
        // The projection is long (payments due but not recorded): its headline stays, the rest is a key away.
        #expect(world.flatText.contains("Balance £510.00."))
        #expect(world.flatText.contains("More: press r."))
        #expect(world.text.contains("▸ Support plan: 2 lines"))
        #expect(world.lines.filter { $0.hasPrefix("  Record") }.count == 2, "the menu keeps its rows")
        // The bar's words are never cut: the bar gives way.
        #expect(world.flatText.contains("planned of £18,200 a year;"))
        #expect(!world.text.contains("a yea…"))

        world.press(.character("r"))
        expectFits(world, "projection")
        #expect(world.text.contains("│") && world.text.contains("└"), "a small window still shows the chart")
        #expect(world.text.contains("6 Apr 2026") && world.text.contains("4 Apr 2027"))
        world.press(.escape, .character("l"))
        expectFits(world, "ledger")
        #expect(world.text.contains("Ledger  balance £510.00"))
        world.press(.escape, .character("p"))
        expectFits(world, "plan")
        #expect(world.flatText.contains("planned of £18,200 a year;"))
        world.press(.escape, .character("$"))
        expectFits(world, "payment form")
        #expect(world.text.contains("Balance now £510.00"))
        #expect(world.lines[17].contains("Enter save"))
    }

    @Test func todayIsMarkedWithoutCoveringTheFirstDate() throws {
        var world = BudgetWorld(width: 80, height: 24)
        world.openBudgets()
        world.press(.character("n"))
        world.type("Dad")
        world.press(.tab)
        world.fill("2026-11-16") // nine days before today: today's column is next to the first date
        world.press(.tab)
        world.type("350")
        world.press(.enter, .character("r"))
        #expect(world.state.topPage(as: ProjectionFeature.self) != nil)
        #expect(world.text.contains("16 Nov 2026"), "the first date stays readable")
        #expect(world.text.contains("14 Nov 2027"))
        #expect(!world.text.contains("16 N▲"))
    }

    @Test func councilPaidLinesAreNotComparedWithTheAccount() {
        var world = Self.monthOfMum(width: 80, height: 24)
        world.press(.character("r"), .character("y"))
        #expect(world.flatText.contains("never pass through your account"))
        let homeCare = world.lines.first { $0.hasPrefix("  1 ") }
        #expect(homeCare?.contains("council pays") == true, "\(world.text)")
        #expect(world.lines.first { $0.hasPrefix("  2 ") }?.contains("£130.00") == true)
    }

    @Test func plainFormsSayChoicesByNumberAndAnswerEveryFill() {
        var world = PlainBudgetWorld()
        world.say("9")
        let form = world.say("n")
        #expect(form.contains("4. That amount is: a week (choices: 1 a week; 2 a year). Whether the amount above is weekly or yearly (a year is 52 weeks)."))
        #expect(!form.contains("← →"), "plain mode lists choices by number, not the full-screen keys")
        #expect(world.say("4 1").contains("4. That amount is: a week, as before."))
        #expect(world.say("4 2").contains("4. That amount is: a year (choices"))
    }

    @Test func afterAddingALineThePlanIsSaidWithIt() {
        var world = PlainBudgetWorld()
        world.say("9")
        world.say("n")
        for line in ["1 Mum", "2 2026-04-06", "3 350", "6 1"] { world.say(line) }
        world.say("s")
        world.say("p")
        world.say("a")
        world.say("1")
        world.say("1 6")
        world.say("s")
        let added = world.say("1")
        #expect(added.contains("Added"))
        #expect(added.contains("Support plan for Mum"))
        #expect(!added.contains("Nothing planned yet"), "the plan is said as the store has it, with the new line")
        #expect(added.contains("1. Home care,"))
        let paid = world.say("b")
        #expect(paid.contains("1. Support plan: 1 line"))
        world.say("pay")
        world.say("2 100")
        let saved = world.say("s")
        #expect(saved.contains("Saved: payment of £100.00 to "))
        #expect(saved.contains("2. Ledger: 1 entry, balance -£100.00."), "the budget page is said with the new entry")
    }
}
