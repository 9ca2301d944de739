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
    case name, distance, rating, cost, results

    public var label: String {
        switch self {
        case .name: return "name"
        case .distance: return "distance"
        case .rating: return "rating"
        case .cost: return "cost"
        case .results: return "results"
        }
    }

    /// Which way a person expects it first: nearest, cheapest, A–Z; best rating and results first.
    public var ascendingByDefault: Bool { self != .rating && self != .results }

    /// The sorts that make sense for a kind.
    public static func available(for kind: ProviderKind?) -> [SortField] {
        switch kind {
        case .school: return [.name, .distance, .rating, .results]
        case .care: return [.name, .distance, .rating, .cost]
        case .gp: return [.name, .distance, .rating, .results]
        case .other, nil: return [.name, .distance]
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
