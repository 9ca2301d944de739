import ChoiceKit

/// Who is paid: a provider from the catalog, or a named person (a personal assistant).
public enum Payee: Hashable, Sendable {
    case provider(id: String, name: String)
    case person(name: String, closeRelativeInHousehold: Bool)

    public var name: String {
        switch self {
        case .provider(_, let name), .person(let name, _): return name
        }
    }

    public var providerID: String? { if case .provider(let id, _) = self { return id }; return nil }

    /// "Brightways Home Care (C12)" or "Jane Doe".
    public var display: String {
        switch self {
        case .provider(let id, let name): return "\(name) (\(id))"
        case .person(let name, _): return name
        }
    }
}

/// What a plan line buys, with the quantities and rate that make its cost.
public enum PlanService: Hashable, Sendable {
    case homeCare(hoursPerWeek: Quantity, hourlyRate: Money)
    case dayCentre(daysPerWeek: Quantity, dayRate: Money)
    /// A short stay in a care home (respite), priced by the night; from a home priced by the week,
    /// with that weekly rate, so a stay of whole weeks costs exactly those weeks (a seventh of
    /// £915.00 is £130.71 and a bit: 35 such nights are £4,575.00, not £4,574.85).
    case respite(nights: Int, nightlyRate: Money, startsOn: CalendarDate?, weeklyRate: Money? = nil)
    /// Living in a care home for the long term, priced by the week.
    case careHome(weeklyRate: Money)
    case personalAssistant(hoursPerWeek: Quantity, hourlyRate: Money)
    case oneOff(amount: Money, on: CalendarDate?)

    public var kind: PlanServiceKind {
        switch self {
        case .homeCare: return .homeCare
        case .dayCentre: return .dayCentre
        case .respite: return .respite
        case .careHome: return .careHome
        case .personalAssistant: return .personalAssistant
        case .oneOff: return .oneOff
        }
    }

    /// The cost each week, for services bought every week; nil for stays and one-off items.
    public var weeklyCost: Money? {
        switch self {
        case .homeCare(let hours, let rate), .personalAssistant(let hours, let rate): return hours.cost(at: rate)
        case .dayCentre(let days, let rate): return days.cost(at: rate)
        case .careHome(let rate): return rate
        case .respite, .oneOff: return nil
        }
    }

    /// The cost of a stay or a one-off item; nil for weekly services.
    public var singleCost: Money? {
        switch self {
        case .respite(let nights, let rate, _, let weekly): return weekly.map { $0.share(nights, of: 7) } ?? rate * nights
        case .oneOff(let amount, _): return amount
        default: return nil
        }
    }

    /// Hours of care a week (home care and personal assistants), for the assessed-need check.
    public var careHoursPerWeek: Quantity? {
        switch self {
        case .homeCare(let hours, _), .personalAssistant(let hours, _): return hours
        default: return nil
        }
    }

    /// "10 hours a week × £24.50", "2 days a week × £65.00", "7 nights × £120.00".
    public var quantityText: String {
        switch self {
        case .homeCare(let hours, let rate), .personalAssistant(let hours, let rate):
            return "\(hours) hour\(hours == Quantity(whole: 1) ? "" : "s") a week × \(rate.formatted)"
        case .dayCentre(let days, let rate):
            return "\(days) day\(days == Quantity(whole: 1) ? "" : "s") a week × \(rate.formatted)"
        case .respite(let nights, let rate, let start, let weekly):
            let price = weekly.map { " at \($0.formatted) a week" } ?? " × \(rate.formatted)"
            return "\(nights) night\(nights == 1 ? "" : "s")\(price)" + (start.map { " from \($0.short)" } ?? "")
        case .careHome(let rate): return "\(rate.formatted) a week"
        case .oneOff(let amount, let date): return "one-off \(amount.formatted)" + (date.map { " on \($0.short)" } ?? "")
        }
    }
}

public enum PlanServiceKind: String, CaseIterable, Hashable, Sendable, Codable {
    case homeCare = "home-care"
    case dayCentre = "day-centre"
    case respite
    case careHome = "care-home"
    case personalAssistant = "personal-assistant"
    case oneOff = "one-off"

    public var label: String {
        switch self {
        case .homeCare: return "Home care"
        case .dayCentre: return "Day centre"
        case .respite: return "Respite stay"
        case .careHome: return "Care home"
        case .personalAssistant: return "Personal assistant"
        case .oneOff: return "One-off"
        }
    }
}

/// One line of a support plan. Its number is given when it is added and never reused, so ledger
/// entries keep pointing at the right line even after others are removed.
public struct PlanLine: Hashable, Sendable, Identifiable {
    public var number: Int
    public var service: PlanService
    public var payee: Payee
    public var paidFrom: BudgetPart
    public var note: String

    public var id: Int { number }

    public init(number: Int, service: PlanService, payee: Payee, paidFrom: BudgetPart, note: String = "") {
        self.number = number
        self.service = service
        self.payee = payee
        self.paidFrom = paidFrom
        self.note = note
    }

    /// The cost over a budget year of `weeks` weeks.
    public func annualCost(weeks: Int) -> Money {
        if let weekly = service.weeklyCost { return weekly * weeks }
        return service.singleCost ?? .zero
    }

    /// Weekly cost, or for a stay or one-off its cost spread over the year (rounded to the penny).
    public func weeklyEquivalent(weeks: Int) -> Money {
        if let weekly = service.weeklyCost { return weekly }
        return Money(pence: ((service.singleCost ?? .zero).pence + Int64(weeks) / 2) / Int64(max(1, weeks)))
    }
}
