import CareBudget
import ChoiceKit
import Testing

@Suite("Exports and typed amounts")
struct ExportAndInputTests {
    @Test("amounts people type", arguments: [("£1,234.50", 123_450), ("1234.5", 123_450), ("1234", 123_400), (" 12.05 ", 1_205)] as [(String, Int64)])
    func acceptedAmounts(text: String, pence: Int64) throws {
        #expect(try AmountInput.parse(text).get() == Money(pence: pence))
    }

    @Test("amounts refused with a reason and what to do", arguments: [
        ("12.345", "more than two digits of pence"), ("-5", "is negative"), ("12a", "is not an amount"), ("", "no amount"),
        ("0", "is zero"), ("1,23", "is not an amount"), ("99999999999", "is more than"),
    ])
    func refusedAmounts(text: String, reason: String) {
        guard case .failure(let problem) = AmountInput.parse(text) else {
            Issue.record("\(text) was accepted")
            return
        }
        #expect(problem.description.contains(reason))
        #expect(problem.description.contains(" — give pounds and pence"))
    }

    @Test func csvNeverStartsAFormulaAndMarkdownKeepsItsTable() {
        let ledger = Ledger(entries: [
            LedgerEntry(number: 1, date: day(2026, 4, 6), kind: .receipt(.council), amount: pounds(1_400)),
            LedgerEntry(number: 2, date: day(2026, 4, 7), kind: .payment, amount: pounds(120),
                        payee: .person(name: "=HYPERLINK(\"http://x\")", closeRelativeInHousehold: false),
                        receiptReference: "+44 7700", note: "@sum|\u{1B}[31m"),
        ])
        let statement = Statement(budgetName: "Mum", ledger: ledger, from: day(2026, 4, 1), to: day(2026, 4, 30))
        let csv = BudgetExport.statementCSV(statement)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""))
        #expect(csv.contains(",'+44 7700,"))
        #expect(csv.contains("'@sum|␛[31m"))
        #expect(!csv.contains("\u{1B}"))
        #expect(csv.contains(",120.00,1280.00,"))
        let markdown = BudgetExport.statementMarkdown(statement)
        #expect(markdown.contains("@sum\\|␛\\[31m"))
        #expect(markdown.contains("| Closing balance | £1,280.00 |"))
        #expect(SetupInput.checkName("\u{1B}]0;x") != nil)
    }

    @Test func setUpChecksTheWholeBudget() throws {
        let setup = try SetupInput.make(name: "Mum", start: day(2026, 4, 6), weekly: pounds(350), annual: nil, contribution: pounds(40),
                                        route: .mixed, managedShare: pounds(150)).get()
        #expect(setup.split == BudgetSplit(directPayment: pounds(200), managed: pounds(150)))
        #expect(setup.weeklyCouncilShare == pounds(310) && setup.annualBudget == pounds(18_200))
        #expect(setup.reviewDates == [day(2026, 10, 6), day(2027, 10, 6)])
        #expect(setup.reviewReminder(today: day(2026, 10, 6)) == nil)
        #expect(setup.reviewReminder(today: day(2026, 11, 26))
            == "The first review was due by 6 October 2026; if the council has not reviewed the budget yet, ask it when it will.")
        #expect(setup.end == day(2027, 4, 4))
        let annual = try SetupInput.make(name: "Dad", start: day(2026, 4, 6), weekly: nil, annual: pounds(18_200), contribution: nil,
                                         route: .directPayment, managedShare: nil).get()
        #expect(annual.weeklyBudget == pounds(350))
        func problem(_ result: Result<BudgetSetup, InputProblem>) -> String {
            if case .failure(let problem) = result { return problem.description }
            return ""
        }
        #expect(problem(SetupInput.make(name: "Mum", start: day(2026, 4, 6), weekly: pounds(350), annual: nil, contribution: nil,
                                        route: .mixed, managedShare: nil)).contains("--managed-share"))
        #expect(problem(SetupInput.make(name: "Mum", start: day(2026, 4, 6), weekly: pounds(100), annual: nil, contribution: pounds(200),
                                        route: .directPayment, managedShare: nil)).contains("more than the budget"))
        #expect(problem(SetupInput.make(name: "Mum", start: day(2026, 4, 6), weekly: nil, annual: pounds(1_000), contribution: nil,
                                        route: .directPayment, managedShare: nil)).contains("--weekly"))
    }
}
