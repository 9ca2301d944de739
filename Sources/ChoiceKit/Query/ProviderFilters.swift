/// Every filter the library offers. Empty sets and nil values mean "no filter".
public struct ProviderFilters: Hashable, Sendable {
    /// Sub-type labels ("Free school", "Home care").
    public var subTypes: Set<String> = []
    public var sectors: Set<Sector> = []
    /// Care services and GP practices: CQC overall rating at least this.
    public var minimumCQC: CQCRating?
    /// Schools: Ofsted at least this (see `OfstedFloor`).
    public var minimumOfsted: OfstedFloor?
    /// Only providers within this many metres of the query's origin.
    public var maximumDistanceMetres: Double?
    public var acceptingNewPatientsOnly = false
    /// GP practices whose catchment area covers the query's origin (the home postcode).
    public var coversHomeOnly = false
    public var acceptsDirectPaymentsOnly = false
    public var onCouncilFrameworkOnly = false
    public var withVacanciesOnly = false
    /// Care: must offer every one of these specialisms.
    public var specialisms: Set<CareSpecialism> = []
    public var phases: Set<SchoolPhase> = []
    public var genders: Set<SchoolGender> = []
    public var faith: FaithFilter?
    /// Schools whose religious character is one of these, as the catalog writes it.
    public var religiousCharacters: Set<String> = []
    /// Providers run by one of these organisations (names as the catalog writes them).
    public var organisations: Set<String> = []
    /// Schools whose statutory age range includes this age.
    public var childAge: Int?

    public init() {}

    public var isEmpty: Bool { self == ProviderFilters() }

    /// How many filters are switched on, for "3 filters on" hints.
    public var activeCount: Int {
        var count = 0
        if !subTypes.isEmpty { count += 1 }
        if !sectors.isEmpty { count += 1 }
        if minimumCQC != nil { count += 1 }
        if minimumOfsted != nil { count += 1 }
        if maximumDistanceMetres != nil { count += 1 }
        if acceptingNewPatientsOnly { count += 1 }
        if coversHomeOnly { count += 1 }
        if acceptsDirectPaymentsOnly { count += 1 }
        if onCouncilFrameworkOnly { count += 1 }
        if withVacanciesOnly { count += 1 }
        if !specialisms.isEmpty { count += 1 }
        if !phases.isEmpty { count += 1 }
        if !genders.isEmpty { count += 1 }
        if faith != nil { count += 1 }
        if childAge != nil { count += 1 }
        if !religiousCharacters.isEmpty { count += 1 }
        if !organisations.isEmpty { count += 1 }
        return count
    }
}

public enum FaithFilter: String, CaseIterable, Hashable, Sendable {
    case faithSchoolsOnly, noReligiousCharacter

    public var label: String { self == .faithSchoolsOnly ? "faith schools only" : "no religious character" }
}

/// A floor on Ofsted outcomes that works across the two scales a parent meets today: report-card
/// area grades (since November 2025) and older single-word grades. A school passes when its lowest
/// report-card area grade is at least the floor, or, if it has only an older grade, when that grade
/// is at least the older grade paired with the floor. This pairing is Agora's, not Ofsted's.
public enum OfstedFloor: Int, CaseIterable, Hashable, Sendable, Comparable {
    case needsAttention = 2, expectedStandard = 3, strongStandard = 4, exceptional = 5

    public static func < (lhs: OfstedFloor, rhs: OfstedFloor) -> Bool { lhs.rawValue < rhs.rawValue }

    public var reportCardGrade: ReportCardGrade { ReportCardGrade(rawValue: rawValue) ?? .expectedStandard }

    public var historicalGrade: HistoricalOfstedGrade {
        switch self {
        case .needsAttention: return .requiresImprovement
        case .expectedStandard: return .good
        case .strongStandard, .exceptional: return .outstanding
        }
    }

    public var label: String {
        "\(reportCardGrade.label) or better (older reports: \(historicalGrade.label)\(historicalGrade == .outstanding ? "" : " or better"))"
    }

    public func admits(_ inspection: OfstedInspection) -> Bool {
        switch inspection {
        case .reportCard(let card): return card.safeguardingMet && (card.lowestGrade ?? .urgentImprovement) >= reportCardGrade
        case .historical(let grade, _): return grade >= historicalGrade
        case .ungraded, .notYetInspected: return false
        }
    }
}
