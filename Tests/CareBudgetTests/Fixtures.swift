import CareBudget
import ChoiceKit

func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day) ?? CalendarDate(daysSinceEpoch: 0)
}

func pounds(_ value: Int64, _ pence: Int64 = 0) -> Money { Money(pounds: value, pence: pence) }

/// A published set of council policies: paid every 4 weeks, 8 weeks' contingency.
let kingsmerePolicies = BudgetPolicies(councilName: "Kingsmere Borough Council", published: CouncilPolicies(
    councilID: "council", asOf: day(2026, 4, 1), url: "", paymentIntervalWeeks: 4, contingencyWeeks: 8,
    directPaymentsMayBuyCouncilServices: false, standardDisabilityRelatedExpenditure: pounds(20)))

let unpublishedPolicies = BudgetPolicies(councilName: "the council", published: nil)

func directPaymentBudget(weekly: Money = pounds(350), contribution: Money = .zero, start: CalendarDate = day(2026, 4, 6)) -> BudgetSetup {
    BudgetSetup(name: "Mum", start: start, weeklyBudget: weekly, weeklyContribution: contribution, route: .directPayment,
                split: BudgetSplit(directPayment: weekly))
}

/// A small deterministic generator (SplitMix64) for property tests.
struct TestRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
