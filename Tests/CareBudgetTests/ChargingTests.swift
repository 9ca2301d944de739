import CareBudget
import ChoiceKit
import Testing

@Suite("Care charging estimate")
struct ChargingTests {
    @Test("tariff income: £1 a week for every £250 or part between the limits", arguments: [
        (14_250_00, 0), (14_251_00, 1), (14_250_01, 1), (14_500_00, 1), (14_500_01, 2), (15_750_00, 6), (23_250_00, 36), (0, 0),
    ] as [(Int64, Int64)])
    func tariffIncome(capitalPence: Int64, weekly: Int64) {
        #expect(ChargingEstimate.tariffIncome(capital: Money(pence: capitalPence)) == Money(pounds: weekly))
    }

    func only(_ estimate: ChargingEstimate) -> ChargingEstimate.Phase? { estimate.phases.count == 1 ? estimate.phases[0] : nil }

    @Test func atHomeWorkingAgeIncomeLessGuaranteeAndDisabilityCosts() {
        let input = ChargingInput(capital: pounds(15_750), weeklyIncome: pounds(250), age: 40, setting: .home, disabilityPremium: true)
        let estimate = ChargingEstimate(input, on: day(2025, 11, 1), policies: kingsmerePolicies)
        let phase = only(estimate)
        #expect(phase?.tariffIncome == pounds(6))
        // 250 + 6 − (112.50 + 49.65) − 20 (the council's standard allowance) = 73.85
        #expect(phase?.result == .mostPerWeek(pounds(73, 85)))
        #expect(estimate.figuresYear == "2025/26" && estimate.yearNote == nil)
        #expect(estimate.notes.first?.contains("estimate") == true)
        let young = ChargingEstimate(ChargingInput(capital: .zero, weeklyIncome: pounds(100), age: 22, setting: .home),
                                     on: day(2025, 11, 1), policies: unpublishedPolicies)
        #expect(only(young)?.result == .mostPerWeek(pounds(10, 85)))
    }

    @Test func laterDatesSayWhichYearsFiguresAreUsed() {
        let input = ChargingInput(capital: .zero, weeklyIncome: pounds(200), age: 30, setting: .home)
        let estimate = ChargingEstimate(input, on: day(2026, 5, 1), policies: unpublishedPolicies)
        #expect(estimate.yearNote == "No 2026/27 charging figures are recorded, so this estimate uses the 2025/26 figures.")
    }

    @Test func pensionAgeNeedsTheCouncilsGuaranteeRatherThanAGuess() {
        let input = ChargingInput(capital: pounds(10_000), weeklyIncome: pounds(300), age: 80, setting: .home)
        guard case .incomplete(let reason)? = only(ChargingEstimate(input, on: day(2025, 11, 1), policies: kingsmerePolicies))?.result else {
            Issue.record("expected an incomplete estimate")
            return
        }
        #expect(reason.contains("--mig"))
        var given = input
        given.minimumIncomeGuarantee = pounds(230)
        #expect(only(ChargingEstimate(given, on: day(2025, 11, 1), policies: kingsmerePolicies))?.result == .mostPerWeek(pounds(50)))
    }

    @Test func careHomeKeepsThePersonalExpensesAllowanceAndCountsTheHomeAfterTwelveWeeks() {
        let input = ChargingInput(capital: pounds(5_000), weeklyIncome: pounds(280), age: 85, setting: .careHome, homeValue: pounds(180_000))
        let estimate = ChargingEstimate(input, on: day(2026, 5, 1), policies: kingsmerePolicies)
        #expect(estimate.phases.count == 2)
        #expect(estimate.phases[0].result == .mostPerWeek(pounds(249, 35)))
        #expect(estimate.phases[1].result == .paysFullCost(above: Money(pounds: 23_250)))
        #expect(estimate.notes.contains { $0.contains("£267.68") && $0.contains("2026/27") })
        let earlier = ChargingEstimate(input, on: day(2026, 3, 31), policies: kingsmerePolicies)
        #expect(earlier.notes.contains { $0.contains("£254.06") })
        let rich = ChargingEstimate(ChargingInput(capital: pounds(23_250, 1), weeklyIncome: pounds(200), age: 70, setting: .home),
                                    on: day(2025, 11, 1), policies: kingsmerePolicies)
        #expect(only(rich)?.result == .paysFullCost(above: Money(pounds: 23_250)))
        #expect(ChargingEstimate.fullCostSentence(above: Money(pounds: 23_250)).contains("upper limit of £23,250"))
    }
}
