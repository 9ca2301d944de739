import CareBudget
import ChoiceKit
import EmbeddedCatalog
import Testing

@Suite("Support plan and its rules")
struct PlanRuleTests {
    static func provider(_ id: String, type: CareServiceType, sector: Sector = .privateSmallOrMedium, price: Money? = pounds(25),
                         framework: Bool? = true, frameworkPrice: Money? = pounds(24), directPayments: Bool? = true) -> Provider {
        let care = CareDetails(cqcLocationID: "1-1", mainService: type, serviceTypes: [type], specialisms: [], assessment: .notYetRated,
                               beds: nil, vacancies: nil, selfFunderPrice: price, priceUnit: type.usualPriceUnit,
                               onCouncilFramework: framework, frameworkPrice: frameworkPrice, acceptsDirectPayments: directPayments)
        return Provider(id: id, name: "Provider \(id)", sector: sector, organisation: "", commissionerID: "council", address: "",
                        town: "", postcode: "KM1 1AA", location: GeoPoint(latitude: 52, longitude: -1), phone: nil, website: nil,
                        details: .care(care))
    }

    static let providers: [String: Provider] = [
        "HC": provider("HC", type: .homeCare),
        "OFF": provider("OFF", type: .homeCare, framework: false, frameworkPrice: nil),
        "DEAR": provider("DEAR", type: .homeCare, price: pounds(30), frameworkPrice: pounds(24)),
        "DAY": provider("DAY", type: .dayCentre, sector: .publicSector, price: pounds(60), frameworkPrice: pounds(55), directPayments: false),
        "HOME": provider("HOME", type: .careHomeWithoutNursing, price: pounds(980), frameworkPrice: pounds(800)),
    ]

    func check(_ setup: BudgetSetup, _ plan: [PlanLine], policies: BudgetPolicies = kingsmerePolicies) -> [BudgetWarning] {
        PlanRules.check(setup: setup, plan: plan, policies: policies) { Self.providers[$0] }
    }

    func line(_ number: Int, _ service: PlanService, _ id: String, _ part: BudgetPart) -> PlanLine {
        PlanLine(number: number, service: service, payee: .provider(id: id, name: "Provider \(id)"), paidFrom: part)
    }

    let mixed = BudgetSetup(name: "Mum", start: day(2026, 4, 6), weeklyBudget: pounds(350), weeklyContribution: pounds(40),
                            route: .mixed, split: BudgetSplit(directPayment: pounds(200), managed: pounds(150)))

    @Test func weeklyAndAnnualCostsTotalsBarAndTopUp() {
        let plan = [line(1, .homeCare(hoursPerWeek: Quantity(hundredths: 750), hourlyRate: pounds(24)), "HC", .managed),
                    line(2, .dayCentre(daysPerWeek: Quantity(whole: 2), dayRate: pounds(60)), "DAY", .directPayment),
                    line(3, .oneOff(amount: pounds(520), on: nil), "HC", .directPayment)]
        let summary = PlanSummary(setup: mixed, plan: plan)
        #expect(summary.lines[0].weeklyCost == pounds(180))
        #expect(summary.lines[1].annualCost == pounds(6_240))
        #expect(summary.lines[2].weeklyCost == nil && summary.lines[2].annualCost == pounds(520))
        #expect(summary.weeklyTotal == pounds(300))
        #expect(summary.annualTotal == pounds(16_120))
        #expect(summary.weeklyEquivalent == pounds(310))
        #expect(summary.bar.available == pounds(18_200) && summary.bar.left == pounds(2_080) && !summary.bar.isOver)
        #expect(summary.annualTopUp == .zero)
        #expect(summary.bar.cells(width: 10) == "█████████░")
        #expect(summary.bar.cells(width: 10, ascii: true) == "#########-")
        let over = PlanSummary(setup: mixed, plan: plan + [line(4, .homeCare(hoursPerWeek: Quantity(whole: 10), hourlyRate: pounds(25)), "OFF", .directPayment)])
        #expect(over.bar.isOver && over.annualTopUp == over.bar.over && over.bar.cells(width: 10).hasSuffix("▓"))
        // Over the budget is not a top-up anyone chose: it says what would make it go away.
        #expect(over.ownMoneySentence?.hasPrefix("The plan costs \(over.bar.over.formatted) a year more than the budget") == true)
        #expect(over.ownMoneySentence?.contains("unless the plan changes or the council raises the budget") == true)
        #expect(summary.ownMoneySentence == nil)
        let own = PlanSummary(setup: mixed, plan: plan + [line(4, .oneOff(amount: pounds(120), on: nil), "Grab rails", .own)])
        #expect(own.ownMoneySentence == "Paid from your own money: £120.00 a year, the lines marked own money.")
        // The managed part is over its £150 a week: £180 planned.
        #expect(check(mixed, plan).contains { $0.rule == .partOverShare })
    }

    @Test func managedPartBuysOnlyListedProvidersAtTheCouncilsRate() {
        let warnings = check(mixed, [line(1, .homeCare(hoursPerWeek: Quantity(whole: 2), hourlyRate: pounds(25)), "OFF", .managed),
                                     line(2, .homeCare(hoursPerWeek: Quantity(whole: 2), hourlyRate: pounds(30)), "DEAR", .managed),
                                     line(3, .homeCare(hoursPerWeek: Quantity(whole: 2), hourlyRate: pounds(24)), "HC", .managed)])
        #expect(warnings.contains { $0.rule == .managedNotOnFramework && $0.line == 1 && $0.severity == .notAllowed })
        #expect(warnings.contains { $0.rule == .managedAboveFrameworkRate && $0.line == 2 && $0.reason.contains("£24.00") })
        #expect(!warnings.contains { $0.line == 3 })
        #expect(warnings.allSatisfy { !$0.reason.isEmpty && !$0.source.title.isEmpty })
    }

    @Test func directPaymentCannotBuyLongTermResidentialCareAndTopUpNeedsAgreement() {
        let warnings = check(directPaymentBudget(), [line(1, .careHome(weeklyRate: pounds(980)), "HOME", .directPayment)])
        let longTerm = warnings.first { $0.rule == .longTermResidentialCare }
        #expect(longTerm?.severity == .notAllowed && longTerm?.source == DirectPaymentRules.regulations)
        let topUp = warnings.first { $0.rule == .careHomeTopUpAgreement }
        #expect(topUp?.severity == .needsAgreement && topUp?.reason.contains("£630.00") == true)
    }

    @Test func shortStaysAreCountedTogetherWhenLessThanFourWeeksApart() {
        let setup = directPaymentBudget()
        func stay(_ number: Int, _ nights: Int, _ start: CalendarDate?) -> PlanLine {
            line(number, .respite(nights: nights, nightlyRate: pounds(140), startsOn: start), "HOME", .directPayment)
        }
        // 14 + 14 nights, 5 weeks apart: two periods of 14, fine.
        let apart = [stay(1, 14, day(2026, 5, 1)), stay(2, 14, day(2026, 6, 19))]
        #expect(!check(setup, apart).contains { $0.rule == .shortStayTooLong })
        // 14 + 21 nights, two weeks apart: added together, 35 > 28.
        let close = [stay(1, 14, day(2026, 5, 1)), stay(2, 21, day(2026, 5, 29))]
        let warning = check(setup, close).first { $0.rule == .shortStayTooLong }
        #expect(warning?.reason.contains("35 nights") == true)
        // One stay of exactly four weeks is allowed; 29 nights is not.
        #expect(!check(setup, [stay(1, 28, nil)]).contains { $0.rule == .shortStayTooLong })
        #expect(check(setup, [stay(1, 29, nil)]).contains { $0.rule == .shortStayTooLong })
        // Undated stays are counted with the rest.
        let count = ShortStayCount(stays: [.init(line: 1, nights: 20, start: day(2026, 5, 1)), .init(line: 2, nights: 10, start: nil)])
        #expect(count.longest == 30 && count.hasUndatedStays && !count.isWithinLimit)
        // The same stays paid by the managed part are not counted.
        #expect(!check(mixed, [line(1, .respite(nights: 40, nightlyRate: pounds(100), startsOn: nil), "HOME", .managed)])
            .contains { $0.rule == .shortStayTooLong })
    }

    @Test func councilRunServicesFollowTheCouncilsPolicy() {
        let plan = [line(1, .dayCentre(daysPerWeek: Quantity(whole: 1), dayRate: pounds(60)), "DAY", .directPayment)]
        let refused = check(directPaymentBudget(), plan).first { $0.rule == .councilServiceNotAllowed }
        #expect(refused?.source.publisher == "Kingsmere Borough Council")
        #expect(refused?.reason.hasSuffix("ask the council to arrange it for you as a council-managed part of the budget, or choose a provider it does not run.") == true,
                "a budget without a managed part is told how to get one, not to use it")
        let unknown = check(directPaymentBudget(), plan, policies: unpublishedPolicies)
        #expect(unknown.contains { $0.rule == .councilServiceUnknownPolicy && $0.severity == .check })
        var allowed = kingsmerePolicies.published
        allowed?.directPaymentsMayBuyCouncilServices = true
        let allowing = check(directPaymentBudget(), plan, policies: BudgetPolicies(councilName: "K", published: allowed))
        #expect(!allowing.contains { $0.rule == .councilServiceNotAllowed || $0.rule == .councilServiceUnknownPolicy })
        // The catalog also says this provider takes no direct payments.
        #expect(allowing.contains { $0.rule == .providerTakesNoDirectPayments })
    }

    @Test func closeRelativeFundHolderAndAssessedHours() {
        var setup = directPaymentBudget()
        setup.assessedHoursPerWeek = Quantity(whole: 12)
        let relative = PlanLine(number: 1, service: .personalAssistant(hoursPerWeek: Quantity(whole: 10), hourlyRate: pounds(14)),
                                payee: .person(name: "Sam", closeRelativeInHousehold: true), paidFrom: .directPayment)
        let warnings = check(setup, [relative])
        #expect(warnings.contains { $0.rule == .closeRelativeInHousehold && $0.severity == .needsAgreement })
        #expect(warnings.contains { $0.rule == .belowAssessedHours && $0.reason.contains("10 hours") && $0.reason.contains("12 hours") })

        var fund = BudgetSetup(name: "Dad", start: day(2026, 4, 6), weeklyBudget: pounds(300), weeklyContribution: .zero,
                               route: .individualServiceFund, split: BudgetSplit(individualServiceFund: pounds(300)))
        let twoProviders = [line(1, .homeCare(hoursPerWeek: Quantity(whole: 4), hourlyRate: pounds(25)), "HC", .individualServiceFund),
                            line(2, .dayCentre(daysPerWeek: Quantity(whole: 1), dayRate: pounds(60)), "DAY", .individualServiceFund)]
        #expect(check(fund, twoProviders).contains { $0.rule == .fundHeldByOneProvider })
        fund.fundHolderID = "HC"
        let held = check(fund, twoProviders).filter { $0.rule == .fundHeldByOneProvider }
        #expect(held.count == 1 && held.first?.line == 2)
    }

    @Test func candidatesFromTheBuiltInCatalogCompareByCostPerWeek() throws {
        let catalog = try Catalog.load(from: EmbeddedCatalog.source)
        let list = ProviderPricing.candidates(in: catalog, kind: .homeCare, paidFrom: .directPayment, quantity: Quantity(whole: 10), nights: nil)
        #expect(!list.isEmpty)
        let costs = list.compactMap(\.cost)
        #expect(costs == costs.sorted())
        let listed = ProviderPricing.candidates(in: catalog, kind: .dayCentre, paidFrom: .managed, quantity: Quantity(whole: 2), nights: nil,
                                                filter: CandidateFilter(onFrameworkOnly: true))
        #expect(listed.allSatisfy { $0.onFramework == true })
        #expect(BudgetPolicies(manifest: catalog.manifest).contingencyWeeks == 8)
    }

    @Test func aStayFromAHomePricedByTheWeekCostsExactlyItsWeeks() {
        let weekly = pounds(915)
        let stay = PlanService.respite(nights: 35, nightlyRate: ProviderPricing.nightly(fromWeekly: weekly), startsOn: nil, weeklyRate: weekly)
        #expect(stay.singleCost == pounds(4_575), "five weeks at £915, not 35 × £130.71 = £4,574.85")
        #expect(stay.quantityText == "35 nights at £915.00 a week")
        let agreed = PlanService.respite(nights: 3, nightlyRate: pounds(130, 71), startsOn: nil)
        #expect(agreed.singleCost == Money(pence: 39_213))
        #expect(agreed.quantityText == "3 nights × £130.71")
    }
}
