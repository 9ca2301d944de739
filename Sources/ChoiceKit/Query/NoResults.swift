/// Why a query found nothing: each constraint that, taken away alone, would let some providers
/// through, with how many. A person (or a script's author) then knows which filter to loosen.
public struct NoResultsExplanation: Hashable, Sendable {
    public enum Constraint: Hashable, Sendable {
        case search
        case filter(ProviderFilter)
    }

    /// Every constraint in force.
    public let constraints: [Constraint]
    /// Those that alone excluded everything, with how many would match without each.
    public let culprits: [(constraint: Constraint, countWithout: Int)]

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.constraints == rhs.constraints && lhs.culprits.map(\.constraint) == rhs.culprits.map(\.constraint)
            && lhs.culprits.map(\.countWithout) == rhs.culprits.map(\.countWithout)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(constraints) }

    public init(query: ProviderQuery, in catalog: Catalog) {
        var constraints: [Constraint] = query.text.isEmpty ? [] : [.search]
        if let kind = query.kind {
            constraints += ProviderFilter.available(for: kind).filter { $0.isActive(in: query.filters) }.map(Constraint.filter)
        }
        self.constraints = constraints
        culprits = constraints.compactMap { constraint in
            var loosened = query
            switch constraint {
            case .search: loosened.text = ""
            case .filter(let filter): filter.clear(in: &loosened.filters)
            }
            let count = catalog.run(loosened).count
            return count > 0 ? (constraint, count) : nil
        }
    }
}
