import ChoiceKit

/// Prices from the catalog turned into plan lines: which catalog services suit a kind of line,
/// the rate that applies to the part of the budget paying, and the cost per week for the chosen
/// hours or days, so providers compare like for like.
public enum ProviderPricing {
    /// The catalog service types a plan line of this kind can be bought from.
    public static func serviceTypes(for kind: PlanServiceKind) -> [CareServiceType] {
        switch kind {
        case .homeCare: return [.homeCare, .extraCareHousing]
        case .dayCentre: return [.dayCentre]
        case .respite, .careHome: return [.careHomeWithoutNursing, .careHomeWithNursing]
        case .personalAssistant: return [.personalAssistantAgency]
        case .oneOff: return CareServiceType.allCases
        }
    }

    /// The kind of line a provider is usually bought for.
    public static func usualKind(of care: CareDetails) -> PlanServiceKind {
        switch care.mainService {
        case .homeCare, .extraCareHousing, .supportedLiving, .sharedLives: return .homeCare
        case .dayCentre: return .dayCentre
        case .careHomeWithNursing, .careHomeWithoutNursing: return .respite
        case .personalAssistantAgency: return .personalAssistant
        }
    }

    /// The rate that applies: the council's framework rate for the managed part (it buys at its own
    /// rates), otherwise the price a person paying for themselves is charged. In the catalog's unit.
    /// A direct payment pays the provider's own price: where that is not published, there is no
    /// rate (the council's is what it pays, not what the provider will ask of you).
    public static func rate(of care: CareDetails, paidFrom part: BudgetPart) -> Money? {
        if part == .managed, care.onCouncilFramework == true, let framework = care.frameworkPrice { return framework }
        return care.selfFunderPrice ?? (part == .managed && care.onCouncilFramework == true ? care.frameworkPrice : nil)
    }

    /// A night's price from a weekly care-home price (a seventh, rounded half up to the penny).
    public static func nightly(fromWeekly weekly: Money) -> Money { Money(pence: (weekly.pence * 10 / 7 + 5) / 10) }

    /// The plan service a provider gives for a quantity, or why it cannot be priced.
    public static func service(kind: PlanServiceKind, care: CareDetails, paidFrom part: BudgetPart, quantity: Quantity?,
                               nights: Int?, oneOff: Money?, startsOn: CalendarDate?, agreedRate: Money?) -> Result<PlanService, PricingProblem> {
        if kind == .oneOff {
            guard let oneOff else { return .failure(.missingQuantity(kind)) }
            return .success(.oneOff(amount: oneOff, on: startsOn))
        }
        guard kind == usualKind(of: care) || serviceTypes(for: kind).contains(care.mainService) else {
            return .failure(.wrongService(kind, care.mainService))
        }
        guard let rate = agreedRate ?? rate(of: care, paidFrom: part) else { return .failure(.noPrice) }
        let unit = care.priceUnit
        switch kind {
        case .homeCare, .personalAssistant:
            guard let quantity else { return .failure(.missingQuantity(kind)) }
            guard agreedRate != nil || unit == .hour else { return .failure(.wrongUnit(kind, unit)) }
            return .success(kind == .homeCare ? .homeCare(hoursPerWeek: quantity, hourlyRate: rate)
                                               : .personalAssistant(hoursPerWeek: quantity, hourlyRate: rate))
        case .dayCentre:
            guard let quantity else { return .failure(.missingQuantity(kind)) }
            guard agreedRate != nil || unit == .day else { return .failure(.wrongUnit(kind, unit)) }
            return .success(.dayCentre(daysPerWeek: quantity, dayRate: rate))
        case .respite:
            guard let nights else { return .failure(.missingQuantity(kind)) }
            let nightly = agreedRate ?? (unit == .week ? nightly(fromWeekly: rate) : unit == .day ? rate : nil)
            guard let nightly else { return .failure(.wrongUnit(kind, unit)) }
            // A home's weekly price is kept, so whole weeks cost exactly that (an agreed rate is a night's).
            let weekly = agreedRate == nil && unit == .week ? rate : nil
            return .success(.respite(nights: nights, nightlyRate: nightly, startsOn: startsOn, weeklyRate: weekly))
        case .careHome:
            guard agreedRate != nil || unit == .week else { return .failure(.wrongUnit(kind, unit)) }
            return .success(.careHome(weeklyRate: rate))
        case .oneOff:
            return .failure(.missingQuantity(kind))
        }
    }

    public enum PricingProblem: Error, Hashable, Sendable {
        case noPrice
        case missingQuantity(PlanServiceKind)
        case wrongUnit(PlanServiceKind, PriceUnit)
        case wrongService(PlanServiceKind, CareServiceType)

        public var explanation: String {
            switch self {
            case .noPrice: return "the catalog publishes no price for this provider — give the agreed rate with --rate"
            case .missingQuantity(let kind): return "a \(kind.label.lowercased()) line needs its hours, days, nights or amount — see agora budget plan add --help"
            case .wrongUnit(let kind, let unit):
                return "this provider's price is per \(unit.label), which does not fit a \(kind.label.lowercased()) line — give the agreed rate with --rate"
            case .wrongService(let kind, let service):
                let suitable = ProviderPricing.serviceTypes(for: kind).first ?? service
                return "this provider is \(service.label.lowercased()), which does not give a \(kind.label.lowercased()) line — choose one listed by agora list --kind care --type \"\(suitable.label)\""
            }
        }
    }
}

/// Providers that can fill a plan line, each with its cost per week for the chosen quantity, for
/// a picker: filtered like the catalog's list and cheapest first.
public struct PlanCandidate: Hashable, Sendable {
    public let provider: Provider
    public let rate: Money?
    public let unit: PriceUnit
    /// Cost per week for the chosen hours or days (for a stay: the whole stay); nil without a price.
    public let cost: Money?
    public let onFramework: Bool?
    public let acceptsDirectPayments: Bool?
    public let vacancies: Int?
    public let rating: CQCRating?
}

public struct CandidateFilter: Hashable, Sendable {
    public var onFrameworkOnly = false
    public var acceptsDirectPaymentsOnly = false
    public var withVacanciesOnly = false
    public var minimumRating: CQCRating?

    public init(onFrameworkOnly: Bool = false, acceptsDirectPaymentsOnly: Bool = false, withVacanciesOnly: Bool = false,
                minimumRating: CQCRating? = nil) {
        self.onFrameworkOnly = onFrameworkOnly
        self.acceptsDirectPaymentsOnly = acceptsDirectPaymentsOnly
        self.withVacanciesOnly = withVacanciesOnly
        self.minimumRating = minimumRating
    }
}

extension ProviderPricing {
    public static func candidates(in catalog: Catalog, kind: PlanServiceKind, paidFrom part: BudgetPart, quantity: Quantity?,
                                  nights: Int?, filter: CandidateFilter = CandidateFilter()) -> [PlanCandidate] {
        let types = Set(serviceTypes(for: kind))
        let list: [PlanCandidate] = catalog.providers(of: .care).compactMap { provider in
            guard let care = provider.care, types.contains(care.mainService) else { return nil }
            if filter.onFrameworkOnly, care.onCouncilFramework != true { return nil }
            if filter.acceptsDirectPaymentsOnly, care.acceptsDirectPayments != true { return nil }
            if filter.withVacanciesOnly, (care.vacancies ?? 0) == 0 { return nil }
            if let minimum = filter.minimumRating {
                guard let overall = care.assessment.overall, overall >= minimum else { return nil }
            }
            let service = try? ProviderPricing.service(kind: kind, care: care, paidFrom: part, quantity: quantity, nights: nights,
                                                       oneOff: nil, startsOn: nil, agreedRate: nil).get()
            return PlanCandidate(provider: provider, rate: rate(of: care, paidFrom: part), unit: care.priceUnit,
                                 cost: service.flatMap { $0.weeklyCost ?? $0.singleCost }, onFramework: care.onCouncilFramework,
                                 acceptsDirectPayments: care.acceptsDirectPayments, vacancies: care.vacancies,
                                 rating: care.assessment.overall)
        }
        // Cheapest first; unpriced last; ties by name so the order is stable.
        return list.sorted { a, b in
            switch (a.cost, b.cost) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.provider.name < b.provider.name
            }
        }
    }
}
