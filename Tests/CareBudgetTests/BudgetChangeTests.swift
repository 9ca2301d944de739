import CareBudget
import ChoiceKit
import Testing

@Suite("New amounts after a review")
struct BudgetChangeTests {
    /// £300 a week from Monday 5 October 2026, £40 of it the person's contribution.
    var setup: BudgetSetup { directPaymentBudget(weekly: pounds(300), contribution: pounds(40), start: day(2026, 10, 5)) }

    func change(_ setup: BudgetSetup, from date: CalendarDate, weekly: Money? = nil, contribution: Money? = nil,
                managed: Money? = nil, note: String = "") throws -> BudgetChange {
        try ChangeInput.make(setup: setup, from: date, weekly: weekly, contribution: contribution, managedShare: managed,
                             assessedHours: nil, note: note).get()
    }

    @Test func aChangeStartsWithTheNearestBudgetWeek() throws {
        // Tuesday 1 December is a day after Monday 30 November; Friday 4 December is nearer 7 December.
        #expect(try change(setup, from: day(2026, 12, 1), weekly: pounds(350)).from == day(2026, 11, 30))
        #expect(try change(setup, from: day(2026, 12, 4), weekly: pounds(350)).from == day(2026, 12, 7))
        #expect(try change(setup, from: day(2026, 11, 30), weekly: pounds(350)).from == day(2026, 11, 30))
    }

    @Test func theYearIsCountedWeekByWeekAtTheAmountsThenInForce() throws {
        var budget = setup
        budget.changes = [try change(budget, from: day(2026, 11, 30), weekly: pounds(350), note: "annual review")]
        // 8 weeks at £300 (5 October to 29 November), then 44 at £350.
        #expect(budget.annualBudget == pounds(300) * 8 + pounds(350) * 44)
        #expect(budget.terms(on: day(2026, 11, 29)).weeklyBudget == pounds(300))
        #expect(budget.terms(on: day(2026, 11, 30)).weeklyBudget == pounds(350))
        #expect(budget.weeklyAmountsText == "£300.00 a week, £350.00 from 30 November 2026")
        #expect(budget.changeSentences == ["From 30 November 2026 (annual review): the budget £300.00 → £350.00 a week."])
        // The council's four-weekly payments follow: the third covers 30 November onwards.
        let receipts = PaymentSchedule.expectedReceipts(setup: budget, policies: kingsmerePolicies).filter { $0.source == .council }
        #expect(receipts[0].amount == pounds(260) * 4)
        #expect(receipts[2].date == day(2026, 11, 30))
        #expect(receipts[2].amount == pounds(310) * 4)
    }

    @Test func eachChangeKeepsOnlyWhatItsLetterChanged() throws {
        var budget = setup
        let review = try change(budget, from: day(2026, 11, 30), weekly: pounds(350))
        budget.changes = [review]
        let april = try change(budget, from: day(2027, 4, 5), contribution: pounds(45), note: "April reassessment")
        budget.changes.append(april)
        #expect(april.weeklyBudget == nil)
        #expect(budget.terms(on: day(2027, 4, 5)) == BudgetTerms(weeklyBudget: pounds(350), weeklyContribution: pounds(45),
                                                                 split: BudgetSplit(directPayment: pounds(350))))
        // Taking out the review leaves April saying what it said: the contribution, not £350.
        budget.changes.removeAll { $0 == review }
        #expect(budget.terms(on: day(2027, 4, 5)).weeklyBudget == pounds(300))
        #expect(budget.terms(on: day(2027, 4, 5)).weeklyContribution == pounds(45))
        #expect(budget.weeklyAmountsText == "£300.00 a week")
    }

    @Test func aSecondEntryForTheSameWeekAddsToTheFirst() throws {
        var budget = setup
        budget.changes = [try change(budget, from: day(2026, 12, 1), weekly: pounds(350), note: "annual review")]
        let again = try change(budget, from: day(2026, 11, 30), contribution: pounds(45))
        #expect(again == BudgetChange(from: day(2026, 11, 30), weeklyBudget: pounds(350), weeklyContribution: pounds(45), note: "annual review"))
        budget.changes = [again]
        #expect((try? change(budget, from: day(2026, 11, 30), contribution: pounds(45))) == nil, "nothing new")
    }

    @Test func mistakesAreRefusedWithWhatToDo() throws {
        func problem(_ date: CalendarDate, weekly: Money? = nil, contribution: Money? = nil, managed: Money? = nil,
                     in budget: BudgetSetup? = nil) -> String {
            switch ChangeInput.make(setup: budget ?? setup, from: date, weekly: weekly, contribution: contribution, managedShare: managed,
                                    assessedHours: nil, note: "") {
            case .success: return "saved"
            case .failure(let problem): return problem.description
            }
        }
        #expect(problem(day(2026, 9, 1), weekly: pounds(350)).hasPrefix("1 September 2026 is before the budget starts"))
        #expect(problem(day(2027, 10, 2), weekly: pounds(350)).contains("set up next year's budget as a new budget instead"))
        #expect(problem(day(2026, 12, 1)).hasPrefix("nothing to change"))
        #expect(problem(day(2026, 12, 1), weekly: pounds(300)).hasPrefix("those are the amounts already in force"))
        #expect(problem(day(2026, 12, 1), contribution: pounds(400)).hasPrefix("the contribution £400.00 is more than the budget £300.00"))
        #expect(problem(day(2026, 12, 1), managed: pounds(100)).hasPrefix("a managed share is only for a mixed budget"))
        // A later change must still hold: a contribution of £320 from April needs the £350 budget.
        var budget = setup
        budget.changes = [try change(budget, from: day(2026, 11, 30), weekly: pounds(350))]
        budget.changes.append(try change(budget, from: day(2027, 4, 5), contribution: pounds(320)))
        #expect(problem(day(2026, 11, 30), weekly: pounds(310), in: budget).contains("the contribution £320.00 would be more than the budget £310.00"))
        var without = budget
        without.changes.removeFirst()
        #expect(without.termsProblem == "from 5 April 2027 the contribution £320.00 would be more than the budget £300.00 a week")
    }

    @Test func aMixedBudgetsManagedShareCarriesOverAndCanChange() throws {
        let mixed = BudgetSetup(name: "Dad", start: day(2026, 10, 5), weeklyBudget: pounds(350), weeklyContribution: .zero, route: .mixed,
                                split: BudgetSplit(directPayment: pounds(200), managed: pounds(150)))
        var budget = mixed
        budget.changes = [try change(budget, from: day(2026, 11, 30), weekly: pounds(400))]
        #expect(budget.latestTerms.split == BudgetSplit(directPayment: pounds(250), managed: pounds(150)))
        budget.changes.append(try change(budget, from: day(2027, 1, 4), managed: pounds(200)))
        #expect(budget.latestTerms.split == BudgetSplit(directPayment: pounds(200), managed: pounds(200)))
        #expect(ChangeInput.summary(budget.changes[1], setup: budget) == "From 4 January 2027: the managed part £150.00 → £200.00 a week.")
        #expect(PlanSummary(setup: budget, plan: []).parts.first { $0.part == .managed }?.availableAnnual
                == pounds(150) * 13 + pounds(200) * 39)
    }

    @Test func theProjectionKeepsTheContingencyOfTheAmountsNow() throws {
        var budget = setup
        budget.changes = [try change(budget, from: day(2026, 11, 30), weekly: pounds(350))]
        let before = Projection(setup: budget, plan: [], ledger: .empty, policies: kingsmerePolicies, asOf: day(2026, 11, 1))
        let after = Projection(setup: budget, plan: [], ledger: .empty, policies: kingsmerePolicies, asOf: day(2026, 12, 1))
        #expect(before.contingency == pounds(300) * 8)
        #expect(after.contingency == pounds(350) * 8)
        // A payment is checked against the weekly budget of its own date.
        #expect(UnusualPayment.question(amount: pounds(1_300), line: nil, setup: budget, on: day(2026, 11, 1)) != nil)
        #expect(UnusualPayment.question(amount: pounds(1_300), line: nil, setup: budget, on: day(2026, 12, 1)) == nil)
    }
}
