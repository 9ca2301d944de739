import ChoiceKit

/// A school a child could apply to, with its straight-line distance from home and the chance.
public struct EligibleSchool: Hashable, Sendable {
    public let provider: Provider
    /// Straight line from the home postcode to the school, in metres.
    public let distanceMetres: Double
    public let chance: AdmissionChance
    /// Something to know before listing it ("girls only", "Roman Catholic").
    public let notes: [String]
}

public struct EligibilityOptions: Hashable, Sendable {
    public var entry: EntryPoint
    /// Only schools within this straight-line distance; nil for any.
    public var withinMetres: Double?
    /// Fee-paying schools are left out unless asked for.
    public var includeIndependent: Bool

    public init(entry: EntryPoint, withinMetres: Double? = nil, includeIndependent: Bool = false) {
        self.entry = entry
        self.withinMetres = withinMetres
        self.includeIndependent = includeIndependent
    }
}

/// Which schools take a child at their entry point, nearest first.
public enum SchoolFinder {
    public static let distanceNote = "Distances are straight lines from your home postcode; schools may measure by route."

    /// Nil when the child's home postcode is not in the catalog.
    public static func eligibleSchools(for child: ChildProfile, in catalog: Catalog,
                                       options: EligibilityOptions) -> [EligibleSchool]? {
        guard let home = catalog.postcode(child.homePostcode)?.location else { return nil }
        var found: [EligibleSchool] = []
        for provider in catalog.providers(of: .school) {
            guard let school = provider.school else { continue }
            let named = child.ehcPlanSchoolID == provider.id
            guard named || admits(school, options: options, sex: child.sex) else { continue }
            let distance = home.distance(to: provider.location)
            if let limit = options.withinMetres, distance > limit, !named { continue }
            found.append(EligibleSchool(
                provider: provider, distanceMetres: distance,
                chance: ChanceEstimator.estimate(child: child, school: provider, distanceMetres: distance, entry: options.entry),
                notes: notes(school, child: child, entry: options.entry)))
        }
        return found.sorted { ($0.distanceMetres, $0.provider.name) < ($1.distanceMetres, $1.provider.name) }
    }

    /// Takes the entry year, is state-funded (unless independent schools are asked for), is not a
    /// special school, and admits the child's sex when it is known.
    public static func admits(_ school: SchoolDetails, options: EligibilityOptions, sex: ChildSex?) -> Bool {
        guard EntryPoint.points(of: school).contains(options.entry) else { return false }
        if school.type == .independent, !options.includeIndependent { return false }
        return school.singleSexSchool(refusing: sex) == nil
    }

    private static func notes(_ school: SchoolDetails, child: ChildProfile, entry: EntryPoint) -> [String] {
        var notes: [String] = []
        if school.phase == .allThrough, entry == .year7 {
            notes.append("all-through: its own Year 6 move up, so fewer Year 7 places for others")
        }
        if school.gender != .mixed { notes.append("\(school.gender.label.lowercased()) only") }
        if let faith = school.religiousCharacter { notes.append(faith) }
        if school.admissionsPolicy == .selective { notes.append("selective: entrance test") }
        if school.type == .independent { notes.append("fee-paying") }
        if child.ehcPlanSchoolID != nil, school.type == .special { notes.append("named in the EHC plan") }
        return notes
    }
}
