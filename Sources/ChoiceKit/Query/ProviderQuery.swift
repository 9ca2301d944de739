/// What a citizen is looking for: a kind, some text, filters, a starting point and an order.
public struct ProviderQuery: Hashable, Sendable {
    public var kind: ProviderKind?
    public var text: String
    public var filters: ProviderFilters
    /// Where distances are measured from (a home postcode).
    public var origin: GeoPoint?
    public var sort: SortOrder

    public init(kind: ProviderKind? = nil, text: String = "", filters: ProviderFilters = ProviderFilters(),
                origin: GeoPoint? = nil, sort: SortOrder = SortOrder(field: .name)) {
        self.kind = kind
        self.text = text
        self.filters = filters
        self.origin = origin
        self.sort = sort
    }
}

public enum SortField: String, CaseIterable, Hashable, Sendable {
    case name, distance, rating, cost, ks2, attainment8, survey

    public var label: String {
        switch self {
        case .name: return "name"
        case .distance: return "distance"
        case .rating: return "rating"
        case .cost: return "cost a week"
        case .ks2: return "KS2 results"
        case .attainment8: return "Attainment 8"
        case .survey: return "patient survey"
        }
    }

    /// What the sort compares, for those that need saying: only like with like.
    public var explanation: String? {
        switch self {
        case .cost: return WeeklyCost.assumption
        case .ks2: return "% meeting the expected standard in reading, writing and maths; schools without KS2 tests come last"
        case .attainment8: return "GCSE Attainment 8 score; schools without GCSEs come last"
        case .survey: return "% of patients with a good overall experience"
        case .rating: return "best first; report cards by their lowest area grade"
        case .name, .distance: return nil
        }
    }

    /// Which way a person expects it first: nearest, cheapest, A–Z; best rating and results first.
    public var ascendingByDefault: Bool {
        switch self {
        case .name, .distance, .cost: return true
        case .rating, .ks2, .attainment8, .survey: return false
        }
    }

    /// The sorts that make sense for a kind.
    public static func available(for kind: ProviderKind?) -> [SortField] {
        switch kind {
        case .school: return [.name, .distance, .rating, .ks2, .attainment8]
        case .care: return [.name, .distance, .rating, .cost]
        case .gp: return [.name, .distance, .rating, .survey]
        case .other, nil: return [.name, .distance]
        }
    }
}

/// Care prices come per hour, per day or per week; the cost sort compares them as the cost of a
/// stated week of care, so an hourly price never sorts against a weekly one.
public enum WeeklyCost {
    public static let homeCareHours = 10
    public static let dayCentreDays = 2
    public static let assumption =
        "compared as the cost of a week: \(homeCareHours) hours of hourly care, \(dayCentreDays) days at a day centre, or a week's fee"

    public static func of(_ care: CareDetails) -> Money? {
        guard let price = care.selfFunderPrice else { return nil }
        switch care.priceUnit {
        case .hour: return price * homeCareHours
        case .day: return price * dayCentreDays
        case .week: return price
        }
    }
}

public struct SortOrder: Hashable, Sendable {
    public var field: SortField
    /// Ascending means the field's natural reading order is reversed when false.
    public var ascending: Bool

    public init(field: SortField, ascending: Bool? = nil) {
        self.field = field
        self.ascending = ascending ?? field.ascendingByDefault
    }

    public var reversed: SortOrder { SortOrder(field: field, ascending: !ascending) }
}

/// The providers a query found, in order. Positions index `Catalog.providers`.
public struct QueryResult: Hashable, Sendable {
    public var positions: [Int32]
    public var origin: GeoPoint?

    public var count: Int { positions.count }
    public var isEmpty: Bool { positions.isEmpty }
}
