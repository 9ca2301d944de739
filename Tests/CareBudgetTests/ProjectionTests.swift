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
