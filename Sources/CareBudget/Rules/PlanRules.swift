import ChoiceKit

/// Every rule of item 4, checked over a plan: each finding a `BudgetWarning` with a plain reason
/// and its source. Providers are looked up in the catalog by id; a provider the catalog no longer
/// has is checked on what the line itself says.
public enum PlanRules {
    public static func check(setup: BudgetSetup, plan: [PlanLine], policies: BudgetPolicies,
                             provider: (String) -> Provider?) -> [BudgetWarning] {
        var warnings: [BudgetWarning] = []
        let guidance = DirectPaymentRules.source
        func add(_ rule: BudgetWarning.Rule, _ severity: BudgetWarning.Severity, _ line: Int?, _ reason: String, _ source: Source) {
            warnings.append(BudgetWarning(rule: rule, severity: severity, line: line, reason: reason, source: source))
        }

        var stays: [ShortStayCount.Stay] = []
        for line in plan {
            let care = line.payee.providerID.flatMap(provider)?.care
            let catalogProvider = line.payee.providerID.flatMap(provider)
            let name = line.payee.display
            let byDirectPayment = line.paidFrom == .directPayment

            // The managed part buys only from the council's list, at the council's rates.
            if line.paidFrom == .managed {
                if case .person = line.payee {
                    add(.managedNotOnFramework, .notAllowed, line.number,
                        "Line \(line.number): the council-managed part pays only providers on the council's list, not a person you employ; pay \(name) by direct payment instead.",
                        guidance)
                } else if let care, care.onCouncilFramework != true {
                    add(.managedNotOnFramework, .notAllowed, line.number,
                        "Line \(line.number): \(name) is not on the council's list, and the council-managed part buys only from it; choose a listed provider or pay by direct payment.",
                        guidance)
                } else if let care, let framework = care.frameworkPrice,
                          let (rate, limit, per) = Self.rateAndLimit(of: line.service, unit: care.priceUnit, framework: framework),
                          rate > limit {
                    add(.managedAboveFrameworkRate, .notAllowed, line.number,
                        "Line \(line.number): \(rate.formatted) a \(per) is above the council's rate of \(limit.formatted) for \(name); the managed part pays the council's rate only, so the difference would be a top-up.",
                        guidance)
                }
            }

            if byDirectPayment, let care, care.acceptsDirectPayments == false {
                add(.providerTakesNoDirectPayments, .check, line.number,
                    "Line \(line.number): the catalog says \(name) does not take direct payments; ask them before planning on it.", guidance)
            }

            // Residential care: long-term not by direct payment; short stays counted.
            switch line.service {
            case .careHome(let weekly):
                if byDirectPayment {
                    add(.longTermResidentialCare, .notAllowed, line.number,
                        "Line \(line.number): a direct payment cannot pay for long-term residential care; the council arranges a care home place (short stays of up to 4 weeks are allowed).",
                        DirectPaymentRules.regulations)
                }
                let allowed = setup.latestTerms.weeklyBudget
                if weekly > allowed {
                    add(.careHomeTopUpAgreement, .needsAgreement, line.number,
                        "Line \(line.number): \(name) costs \(weekly.formatted) a week, \((weekly - allowed).formatted) more than the budget allows; the difference needs a written top-up agreement with someone who will pay it (a relative or friend).",
                        DirectPaymentRules.choiceOfAccommodation)
                }
            case .respite(let nights, _, let start, _):
                if byDirectPayment { stays.append(ShortStayCount.Stay(line: line.number, nights: nights, start: start)) }
            default: break
            }

            // Council-run services by direct payment: the council's policy decides.
            if byDirectPayment, let catalogProvider, Self.isCouncilRun(catalogProvider, policies: policies) {
                switch policies.directPaymentsMayBuyCouncilServices {
                case false?:
                    add(.councilServiceNotAllowed, .notAllowed, line.number,
                        "Line \(line.number): \(name) is run by the council, and \(policies.councilName) does not let a direct payment buy its own services; \(setup.latestTerms.split.managed > .zero ? "ask for it in the managed part instead" : "ask the council to arrange it for you as a council-managed part of the budget, or choose a provider it does not run").",
                        policies.source)
                case nil:
                    add(.councilServiceUnknownPolicy, .check, line.number,
                        "Line \(line.number): \(name) is run by the council, and \(policies.councilName) has not published whether a direct payment may buy its own services; ask the council first.",
                        policies.source)
                case true?: break
                }
            }

            if case .person(_, true) = line.payee, line.paidFrom != .own {
                add(.closeRelativeInHousehold, .needsAgreement, line.number,
                    "Line \(line.number): \(name) is a close relative living in the same household; paying them from the budget needs the council's agreement that it is necessary.",
                    DirectPaymentRules.regulations)
            }
        }

        let count = ShortStayCount(stays: stays)
        if !count.isWithinLimit {
            add(.shortStayTooLong, .notAllowed, count.periods.first { $0.nights == count.longest }?.lines.first,
                "Short stays by direct payment add up to \(count.longest) nights in a row (stays less than 4 weeks apart count together, \(count.hasUndatedStays ? "and stays without dates are counted together, " : "")the limit is 28 nights in any 12 months); shorten them, space them out, or ask the council to arrange the rest.",
                DirectPaymentRules.regulations)
        }

        // An individual service fund is held by one provider.
        let fundLines = plan.filter { $0.paidFrom == .individualServiceFund }
        let holders = Set(fundLines.map { $0.payee.providerID ?? "person:\($0.payee.name)" })
        if let holder = setup.fundHolderID {
            for line in fundLines where line.payee.providerID != holder {
                add(.fundHeldByOneProvider, .notAllowed, line.number,
                    "Line \(line.number): the individual service fund is held by \(provider(holder)?.name ?? holder); \(line.payee.display) can be paid from it only through that provider.",
                    guidance)
            }
        } else if holders.count > 1 {
            add(.fundHeldByOneProvider, .notAllowed, fundLines.first?.number,
                "The individual service fund pays \(holders.count) different providers; a fund is held by one provider, who arranges the rest.",
                guidance)
        }

        // Planned hours below the assessed need.
        if let assessed = setup.latestTerms.assessedHoursPerWeek {
            let planned = plan.compactMap(\.service.careHoursPerWeek).reduce(0) { $0 + $1.hundredths }
            if planned < assessed.hundredths {
                add(.belowAssessedHours, .check, nil,
                    "The plan has \(Quantity(hundredths: planned)) hours of care a week, fewer than the \(assessed) hours the assessment found you need; make sure the need is still met.",
                    Source(publisher: "UK Parliament", title: "Care Act 2014, section 26 (personal budget) and section 24 (care and support plan)",
                           url: "https://www.legislation.gov.uk/ukpga/2014/23/part/1", year: "2014"))
            }
        }

        // Over budget, overall and by part.
        let summary = PlanSummary(setup: setup, plan: plan)
        if summary.bar.isOver {
            add(.overBudget, .check, nil,
                "The plan costs \(summary.bar.over.formatted) a year more than the budget (\(summary.weeklyOver.formatted) a week): unless the plan changes or the council raises the budget, that difference is a top-up from your own money.",
                DirectPaymentRules.careAct)
        }
        for part in summary.parts where part.part != .own && part.overAnnual > .zero {
            add(.partOverShare, .check, nil,
                "The \(part.part.label) part is planned at \(part.plannedAnnual.formatted) a year but holds \(part.availableAnnual.formatted); move a line to another part or change the split with the council.",
                DirectPaymentRules.careAct)
        }
        return warnings.sorted { ($0.severity, -($0.line ?? 0)) > ($1.severity, -($1.line ?? 0)) }
    }

    /// A service run by the council itself: a public-sector provider the council commissions.
    public static func isCouncilRun(_ provider: Provider, policies: BudgetPolicies) -> Bool {
        guard provider.sector == .publicSector else { return false }
        return provider.commissionerID == (policies.councilID ?? "council")
    }

    /// The line's rate and the framework rate in the same terms (a respite night against a
    /// seventh of the weekly rate), and the unit they are per.
    static func rateAndLimit(of service: PlanService, unit: PriceUnit, framework: Money) -> (Money, Money, String)? {
        switch (service, unit) {
        case (.homeCare(_, let rate), .hour), (.personalAssistant(_, let rate), .hour), (.dayCentre(_, let rate), .day),
             (.careHome(let rate), .week):
            return (rate, framework, unit.label)
        case (.respite(_, let nightly, _, _), .week): return (nightly, ProviderPricing.nightly(fromWeekly: framework), "night")
        case (.respite(_, let nightly, _, _), .day): return (nightly, framework, "night")
        default: return nil
        }
    }
}
