import CareBudget
import ChoiceKit
import Testing

@Suite("Ledger arithmetic")
struct LedgerPropertyTests {
    /// Random receipts, payments, refunds and reversals: the balance is always money in less money
    /// out, to the penny, and equals the sum of the entries that were not reversed.
    @Test(arguments: 1...40)
    func balanceIsInMinusOutToThePenny(seed: UInt64) {
        var random = TestRandom(state: seed)
        var entries: [LedgerEntry] = []
        var live: [Int: Money] = [:] // signed effect of entries not reversed, by number
        for number in 1...(20 + random.below(200)) {
            let date = day(2026, 4, 6).adding(days: random.below(364))
            let amount = Money(pence: Int64(1 + random.below(250_000)))
            let ledger = Ledger(entries: entries)
            let roll = random.below(10)
            let candidates = live.keys.sorted()
            if roll < 2, let target = candidates.isEmpty ? nil : candidates[random.below(candidates.count)],
               let draft = ledger.reversalDraft(of: target, on: date) {
                #expect(ledger.problem(with: draft, planLines: []) == nil)
                entries.append(draft.entry(number: number))
                live[target] = nil
                continue
            }
            let kind: EntryKind = roll < 5 ? .payment : roll < 6 ? .refund : .receipt([.council, .own, .topUp][random.below(3)])
            entries.append(LedgerEntry(number: number, date: date, kind: kind, amount: amount))
            live[number] = kind == .payment ? -amount : amount
        }
        let ledger = Ledger(entries: entries)
        #expect(ledger.balance == ledger.moneyIn - ledger.moneyOut)
        #expect(ledger.totals(over: Array(ledger.entries.indices)) == (ledger.moneyIn, ledger.moneyOut), "worked out once, the same")
        #expect(ledger.balance == live.values.reduce(.zero, +))
        let statement = Statement(budgetName: "Mum", ledger: ledger, from: day(2000, 1, 1), to: day(2100, 1, 1))
        #expect(statement.closingBalance == ledger.balance)
        #expect(statement.openingBalance == .zero)
        #expect(statement.rows.last?.balance ?? .zero == ledger.balance)
        // A statement of part of the year joins up with what came before it.
        let middle = day(2026, 10, 1)
        let later = Statement(budgetName: "Mum", ledger: ledger, from: middle, to: day(2100, 1, 1))
        #expect(later.openingBalance == ledger.balance(atEndOf: middle.adding(days: -1)))
        #expect(later.openingBalance + later.moneyIn - later.moneyOut == ledger.balance)
        // Balances at many dates in one pass agree with one date at a time.
        let dates = stride(from: 0, to: 400, by: 9).map { day(2026, 4, 1).adding(days: $0) }
        #expect(ledger.balances(atEndOf: dates) == dates.map { ledger.balance(atEndOf: $0) })
    }

    @Test func reversalsAreCheckedNotSilentlyAccepted() {
        let ledger = Ledger(entries: [
            LedgerEntry(number: 1, date: day(2026, 4, 6), kind: .receipt(.council), amount: pounds(1_400)),
            LedgerEntry(number: 2, date: day(2026, 4, 7), kind: .payment, amount: pounds(245)),
            LedgerEntry(number: 3, date: day(2026, 4, 8), kind: .reversal(of: 2), amount: pounds(245)),
        ])
        #expect(ledger.balance == pounds(1_400))
        #expect(ledger.isReversed(2))
        let again = EntryDraft(date: day(2026, 4, 9), kind: .reversal(of: 2), amount: pounds(245))
        #expect(ledger.problem(with: again, planLines: []) == .alreadyReversed(2))
        let ofReversal = EntryDraft(date: day(2026, 4, 9), kind: .reversal(of: 3), amount: pounds(245))
        #expect(ledger.problem(with: ofReversal, planLines: []) == .reversalOfReversal(3))
        let missing = EntryDraft(date: day(2026, 4, 9), kind: .reversal(of: 9), amount: pounds(1))
        #expect(ledger.problem(with: missing, planLines: []) == .noSuchEntry(9))
        let partial = EntryDraft(date: day(2026, 4, 9), kind: .reversal(of: 1), amount: pounds(1))
        #expect(ledger.problem(with: partial, planLines: []) == .reversalAmountDiffers(1))
        let badLine = EntryDraft(date: day(2026, 4, 9), kind: .payment, amount: pounds(1), planLine: 4)
        #expect(ledger.problem(with: badLine, planLines: [1, 2]) == .noSuchLine(4))
        #expect(ledger.problem(with: badLine, planLines: [4]) == nil)
    }

    /// A payment typed as £3,843 instead of £384.30 and reversed is not £7,686 that moved.
    @Test func aMistakeAndItsReversalAreLeftOutOfTheTotals() throws {
        var entries = [
            LedgerEntry(number: 1, date: day(2026, 11, 2), kind: .receipt(.council), amount: pounds(1_880)),
            LedgerEntry(number: 2, date: day(2026, 11, 20), kind: .payment, amount: pounds(3_843)),
        ]
        let draft = try #require(Ledger(entries: entries).reversalDraft(of: 2))
        #expect(draft.date == day(2026, 11, 20), "dated like the mistake unless told otherwise")
        entries.append(draft.entry(number: 3))
        entries.append(LedgerEntry(number: 4, date: day(2026, 11, 20), kind: .payment, amount: Money(pence: 38_430)))
        let ledger = Ledger(entries: entries)
        #expect(ledger.partner(of: 2) == 3 && ledger.partner(of: 3) == 2 && ledger.partner(of: 4) == nil)
        #expect(ledger.moneyIn == pounds(1_880))
        #expect(ledger.moneyOut == Money(pence: 38_430))
        #expect(ledger.balance == ledger.moneyIn - ledger.moneyOut)
        let statement = Statement(budgetName: "Mum", ledger: ledger, from: day(2026, 11, 1), to: day(2026, 11, 30))
        #expect(statement.rows.count == 4, "the rows keep both: history is never edited")
        #expect(statement.rows.last?.balance == pounds(1_880) - Money(pence: 38_430),
                "the right payment is not shown as overdrawing the account")
        #expect(statement.moneyIn == pounds(1_880) && statement.moneyOut == Money(pence: 38_430))
        // A reversal dated later than its mistake, with the mistake before the statement: counted,
        // so the statement still joins up with the balance before it.
        let late = Ledger(entries: Array(entries.prefix(2)) + [LedgerEntry(number: 3, date: day(2026, 12, 1), kind: .reversal(of: 2), amount: pounds(3_843))])
        let december = Statement(budgetName: "Mum", ledger: late, from: day(2026, 12, 1), to: day(2026, 12, 31))
        #expect(december.moneyIn == pounds(3_843))
        #expect(december.openingBalance + december.moneyIn - december.moneyOut == late.balance)
    }

    @Test func paymentsFarAboveThePlanAreAskedAbout() {
        let setup = directPaymentBudget(weekly: pounds(420))
        let weekly = PlanLine(number: 2, service: .homeCare(hoursPerWeek: Quantity(whole: 14), hourlyRate: Money(pence: 2_745)),
                              payee: .provider(id: "C30", name: "Silverbirch"), paidFrom: .directPayment)
        #expect(UnusualPayment.question(amount: Money(pence: 384_300), line: weekly, setup: setup, on: setup.start)
            == "£3,843.00 is more than 4 weeks of line 2 (£384.30 a week). Is that the amount paid?")
        #expect(UnusualPayment.question(amount: Money(pence: 153_720), line: weekly, setup: setup, on: setup.start) == nil, "four weeks exactly")
        let stay = PlanLine(number: 3, service: .respite(nights: 7, nightlyRate: pounds(140), startsOn: nil),
                            payee: .provider(id: "C1", name: "Oak House"), paidFrom: .directPayment)
        #expect(UnusualPayment.question(amount: pounds(980), line: stay, setup: setup, on: setup.start) == nil)
        #expect(UnusualPayment.question(amount: pounds(9_800), line: stay, setup: setup, on: setup.start)?.hasPrefix("£9,800.00 is more than line 3 costs in all (£980.00)") == true)
        #expect(UnusualPayment.question(amount: pounds(1_680), line: nil, setup: setup, on: setup.start) == nil)
        #expect(UnusualPayment.question(amount: pounds(1_681), line: nil, setup: setup, on: setup.start)?.contains("4 weeks of the whole budget (£420.00 a week)") == true)
    }

    @Test func entriesAreDatedWithinTheBudgetYearAndNotAfterToday() {
        let setup = directPaymentBudget()
        let today = day(2026, 11, 26)
        #expect(Ledger.datingProblem(setup.start, setup: setup, today: today) == nil)
        #expect(Ledger.datingProblem(today, setup: setup, today: today) == nil)
        #expect(Ledger.datingProblem(setup.start.adding(days: -1), setup: setup, today: today)
            == .beforeBudgetStarts(setup.start.adding(days: -1), start: setup.start))
        #expect(Ledger.datingProblem(today.adding(days: 1), setup: setup, today: today) == .afterToday(today.adding(days: 1)))
        #expect(Ledger.datingProblem(setup.end, setup: setup, today: nil) == nil, "the store knows no today")
        #expect(Ledger.datingProblem(setup.end.adding(days: 1), setup: setup, today: nil)
            == .afterBudgetEnds(setup.end.adding(days: 1), end: setup.end))
        #expect(LedgerProblem.afterBudgetEnds(day(2027, 6, 1), end: setup.end).description.hasPrefix(
            "1 June 2027 is after this budget's year ends on \(setup.end.long) — give the day the money moved"))
        #expect(LedgerProblem.afterToday(day(2026, 11, 27)).description
            == "27 November 2026 has not come yet — record money once it has moved, dated the day it did")
    }

    @Test func plannedVsActualPerLineAndPeriod() {
        let setup = directPaymentBudget()
        let care = PlanLine(number: 1, service: .homeCare(hoursPerWeek: Quantity(whole: 10), hourlyRate: pounds(25)),
                            payee: .provider(id: "C3", name: "Home Care"), paidFrom: .directPayment)
        let ledger = Ledger(entries: [
            LedgerEntry(number: 1, date: day(2026, 4, 6), kind: .receipt(.council), amount: pounds(1_400)),
            LedgerEntry(number: 2, date: day(2026, 5, 1), kind: .payment, amount: pounds(1_000), planLine: 1),
            LedgerEntry(number: 3, date: day(2026, 5, 2), kind: .refund, amount: pounds(50), planLine: 1),
            LedgerEntry(number: 4, date: day(2026, 5, 3), kind: .payment, amount: pounds(30)),
        ])
        let report = PlannedVsActual(setup: setup, plan: [care], ledger: ledger, asOf: day(2026, 5, 3))
        #expect(report.lines[0].actual == pounds(950))
        // 28 days of a £13,000 year: exactly four weeks of £250.
        #expect(report.lines[0].plannedToDate == Money(pence: 13_000_00 * 28 / 364))
        #expect(report.lines.last?.line == nil && report.lines.last?.actual == pounds(30))
        #expect(report.periods.count == 13)
        #expect(report.periods[0].planned == pounds(1_000))
        #expect(report.periods[0].received == pounds(1_400))
        #expect(report.periods[0].spent == pounds(980))
        #expect(report.periods[0].closingBalance == ledger.balance && report.periods[0].isStarted)
        #expect(report.periods[1].spent == .zero && !report.periods[1].isStarted)
    }

    @Test func linesTheCouncilPaysAreNotComparedWithTheAccount() {
        let setup = directPaymentBudget()
        let care = PlanLine(number: 1, service: .homeCare(hoursPerWeek: Quantity(whole: 10), hourlyRate: pounds(25)),
                            payee: .provider(id: "C3", name: "Home Care"), paidFrom: .directPayment)
        let dayCentre = PlanLine(number: 2, service: .dayCentre(daysPerWeek: Quantity(whole: 2), dayRate: pounds(75)),
                                 payee: .provider(id: "C11", name: "Day Centre"), paidFrom: .managed)
        let ledger = Ledger(entries: [LedgerEntry(number: 1, date: day(2026, 4, 6), kind: .receipt(.council), amount: pounds(1_400))])
        let report = PlannedVsActual(setup: setup, plan: [care, dayCentre], ledger: ledger, asOf: day(2026, 5, 3))
        #expect(!report.lines[0].isPaidOutsideTheAccount)
        #expect(report.lines[1].isPaidOutsideTheAccount)
        #expect(report.lines[1].plannedToDate == pounds(600))
        // The account was planned to pay only the home care: four weeks of £250.
        #expect(report.periods[0].planned == pounds(1_000))
    }
}
