import CareBudget
import ChoiceKit
import Testing

@Suite("Projection to the end of the budget year")
struct ProjectionTests {
    let setup = directPaymentBudget(weekly: pounds(350))

    /// The council's four-weekly payments as they arrived, up to `through`.
    func receipts(through: CalendarDate) -> [LedgerEntry] {
        PaymentSchedule.expectedReceipts(setup: setup, policies: kingsmerePolicies).filter { $0.date <= through }.enumerated().map {
            LedgerEntry(number: $0.offset + 1, date: $0.element.date, kind: .receipt($0.element.source), amount: $0.element.amount)
        }
    }

    @Test func scheduleCoversTheYearInFourWeekPayments() {
        let expected = PaymentSchedule.expectedReceipts(setup: setup, policies: kingsmerePolicies)
        #expect(expected.count == 13)
        #expect(expected.allSatisfy { $0.amount == pounds(1_400) && $0.source == .council })
        #expect(expected.reduce(.zero) { $0 + $1.amount } == setup.annualBudget)
        // With a contribution the council pays net of it and the person pays it in.
        let withContribution = directPaymentBudget(weekly: pounds(350), contribution: pounds(50))
        let split = PaymentSchedule.expectedReceipts(setup: withContribution, policies: kingsmerePolicies)
        #expect(split.filter { $0.source == .own }.allSatisfy { $0.amount == pounds(200) })
        #expect(split.filter { $0.source == .council }.allSatisfy { $0.amount == pounds(1_200) })
    }

    @Test func spendingFasterThanTheBudgetRunsOutOnADate() {
        let asOf = day(2026, 6, 28) // 12 weeks in
        var entries = receipts(through: asOf)
        var number = entries.count + 1
        entries.append(LedgerEntry(number: number, date: setup.start, kind: .receipt(.topUp), amount: pounds(3_000)))
        var date = setup.start
        while date <= asOf {
            number += 1
            entries.append(LedgerEntry(number: number, date: date, kind: .payment, amount: pounds(500)))
            date = date.adding(days: 7)
        }
        let projection = Projection(setup: setup, plan: [], ledger: Ledger(entries: entries), policies: kingsmerePolicies, asOf: asOf)
        #expect(projection.weeklyRate == pounds(500))
        #expect(projection.rateBasis == .recentSpending(weeks: 8))
        guard case .runsOut(let date) = projection.outcome else {
            Issue.record("expected the money to run out, got \(projection.outcome)")
            return
        }
        #expect(date > asOf && date < setup.end)
        #expect(projection.words.contains("the money runs out on \(date.long)"))
        // Before that day the projected balance is not negative; the series shows it crossing.
        #expect(projection.series.first?.isProjected == false && projection.series.last?.isProjected == true)
        #expect(projection.series.last.map { $0.balance < .zero } == true)
        #expect(projection.series.count == 53)
    }

    @Test func underspendingLeavesASurplusAboveTheContingency() {
        let asOf = day(2026, 6, 28)
        var entries = receipts(through: asOf)
        var number = entries.count
        var date = setup.start
        while date <= asOf {
            number += 1
            entries.append(LedgerEntry(number: number, date: date, kind: .payment, amount: pounds(300)))
            date = date.adding(days: 7)
        }
        let projection = Projection(setup: setup, plan: [], ledger: Ledger(entries: entries), policies: kingsmerePolicies, asOf: asOf)
        // £50 a week unspent over 52 weeks.
        guard case .surplus(let amount, let reclaimable) = projection.outcome else {
            Issue.record("expected a surplus, got \(projection.outcome)")
            return
        }
        #expect(amount == projection.endBalance)
        #expect(amount == setup.annualBudget - pounds(300) * 52)
        #expect(projection.contingency == pounds(2_800))
        #expect(reclaimable == max(.zero, amount - pounds(2_800)))
        #expect(projection.words.contains("unspent at the end of the budget year"))
        #expect(projection.words.contains("8-week contingency (£2,800)"))
        let unknown = Projection(setup: setup, plan: [], ledger: Ledger(entries: entries), policies: unpublishedPolicies, asOf: asOf)
        #expect(unknown.words.contains("has not published how much you may keep"))
    }

    @Test func earlyOnThePlanSetsTheRate() {
        let plan = [PlanLine(number: 1, service: .homeCare(hoursPerWeek: Quantity(whole: 10), hourlyRate: pounds(25)),
                             payee: .provider(id: "C1", name: "A"), paidFrom: .directPayment)]
        let projection = Projection(setup: setup, plan: plan, ledger: Ledger(entries: receipts(through: setup.start)),
                                    policies: kingsmerePolicies, asOf: setup.start)
        #expect(projection.rateBasis == .plan && projection.weeklyRate == pounds(250))
        #expect(projection.words.hasPrefix("At the plan's rate (£250.00 a week)"))
        #expect(Projection.about(pounds(423, 40)) == "about £420")
        #expect(Projection.about(pounds(87, 60)) == "about £88")
    }

    /// Someone who starts recording in November, with the plan running since April: two recent
    /// payments are not a rate, and would promise a surplus the council would reclaim.
    @Test func aLedgerBegunLateUsesThePlanUntilItCoversTheWindow() {
        let plan = [PlanLine(number: 1, service: .homeCare(hoursPerWeek: Quantity(whole: 10), hourlyRate: pounds(25)),
                             payee: .provider(id: "C1", name: "A"), paidFrom: .directPayment)]
        let asOf = setup.start.adding(days: 230)
        var entries = receipts(through: asOf)
        for offset in [-20, -6] {
            entries.append(LedgerEntry(number: entries.count + 1, date: asOf.adding(days: offset), kind: .payment, amount: pounds(180)))
        }
        let late = Projection(setup: setup, plan: plan, ledger: Ledger(entries: entries), policies: kingsmerePolicies, asOf: asOf)
        #expect(late.rateBasis == .plan && late.weeklyRate == pounds(250))
        // Once the ledger's spending reaches back the whole window, it sets the rate.
        entries.append(LedgerEntry(number: entries.count + 1, date: asOf.adding(days: -60), kind: .payment, amount: pounds(180)))
        let covered = Projection(setup: setup, plan: plan, ledger: Ledger(entries: entries), policies: kingsmerePolicies, asOf: asOf)
        #expect(covered.rateBasis == .recentSpending(weeks: 8))
        #expect(covered.weeklyRate == pounds(360).share(7, of: 56))
    }

    /// £300 a week spent from the start of the year up to `asOf`, entries numbered after `after`.
    func weeklyPayments(through asOf: CalendarDate, after: Int) -> [LedgerEntry] {
        var entries: [LedgerEntry] = []
        var date = setup.start
        while date <= asOf {
            entries.append(LedgerEntry(number: after + entries.count + 1, date: date, kind: .payment, amount: pounds(300)))
            date = date.adding(days: 7)
        }
        return entries
    }

    @Test func receiptsDueButNotRecordedAreCountedAndSaid() {
        let asOf = day(2026, 6, 28) // receipts were due on 6 April, 4 May and 1 June
        let all = receipts(through: asOf)
        #expect(all.count == 3)
        let complete = Projection(setup: setup, plan: [], ledger: Ledger(entries: all + weeklyPayments(through: asOf, after: 3)),
                                  policies: kingsmerePolicies, asOf: asOf)
        #expect(complete.receiptsDueNotRecorded == .zero)
        #expect(!complete.words.contains("not in the ledger"))

        // Only the first council payment recorded: the other two are still owed to the account.
        let behind = Projection(setup: setup, plan: [], ledger: Ledger(entries: [all[0]] + weeklyPayments(through: asOf, after: 3)),
                                policies: kingsmerePolicies, asOf: asOf)
        #expect(behind.receiptsDueNotRecorded == pounds(2_800))
        #expect(behind.balanceNow == complete.balanceNow - pounds(2_800))
        #expect(behind.endBalance == complete.endBalance)
        #expect(behind.outcome == complete.outcome)
        #expect(behind.words.contains("This counts £2,800.00 that was due into the account by 28 June 2026 but is not in the ledger"))
        #expect(behind.toComeWords.hasSuffix("and £2,800.00 due by now but not in the ledger"))
        // The recorded part of the chart is what the ledger says; the projected part includes what is owed.
        #expect(behind.series.filter(\.isProjected).first?.balance == complete.series.filter(\.isProjected).first?.balance)

        // On the year's last day the end balance still counts what is owed, as the words say.
        let atEnd = Projection(setup: setup, plan: [], ledger: Ledger(entries: [all[0]]), policies: kingsmerePolicies, asOf: setup.end)
        #expect(atEnd.endBalance == atEnd.balanceNow + atEnd.receiptsDueNotRecorded)

        // A reversed receipt was not received; a top-up does not stand in for the council's payment.
        var reversed = all + [LedgerEntry(number: 4, date: asOf, kind: .reversal(of: 3), amount: pounds(1_400)),
                              LedgerEntry(number: 5, date: asOf, kind: .receipt(.topUp), amount: pounds(500))]
        reversed += weeklyPayments(through: asOf, after: 5)
        let corrected = Projection(setup: setup, plan: [], ledger: Ledger(entries: reversed), policies: kingsmerePolicies, asOf: asOf)
        #expect(corrected.receiptsDueNotRecorded == pounds(1_400))
        // More received than expected is not a negative debt.
        let extra = all + [LedgerEntry(number: 4, date: asOf, kind: .receipt(.council), amount: pounds(9_000))]
        #expect(Projection(setup: setup, plan: [], ledger: Ledger(entries: extra), policies: kingsmerePolicies, asOf: asOf)
            .receiptsDueNotRecorded == .zero)
    }

    @Test func aFewPenceAboveTheContingencyIsWithinIt() {
        // At the end of the year the account holds the 8-week contingency (£2,800) and 30p.
        var entries = receipts(through: setup.end)
        entries.append(LedgerEntry(number: entries.count + 1, date: setup.start, kind: .payment, amount: pounds(15_399, 70)))
        let projection = Projection(setup: setup, plan: [], ledger: Ledger(entries: entries), policies: kingsmerePolicies, asOf: setup.end)
        #expect(projection.outcome == .surplus(pounds(2_800, 30), reclaimable: Money(pence: 30)))
        #expect(projection.words.contains("within your 8-week contingency (£2,800) that the council lets you keep"))
        #expect(!projection.words.contains("about £0"))
    }

    @Test func chartDrawsRecordedAndProjectedBalances() {
        let series = [BalancePoint(date: day(2026, 4, 6), balance: pounds(100), isProjected: false),
                      BalancePoint(date: day(2026, 4, 13), balance: pounds(50), isProjected: false),
                      BalancePoint(date: day(2026, 4, 20), balance: pounds(-10), isProjected: true),
                      BalancePoint(date: day(2026, 4, 27), balance: pounds(100), isProjected: true)]
        let lines = BalanceChart.lines(series, width: 10, height: 2)
        #expect(lines == ["█  █", "██ █", "━━┄┄"])
        #expect(BalanceChart.lines(series, width: 10, height: 2, ascii: true) == ["#  :", "## :", "==--"])
        #expect(BalanceChart.lines(series, width: 2, height: 1).first?.count == 2)
    }
}
