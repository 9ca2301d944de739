import ChoiceKit

/// Estimates a child's chance at a school by walking the school's own oversubscription criteria in
/// order against last year's allocation: which group the child falls in, and whether last year's
/// places reached that group (and, for distance, how far).
public enum ChanceEstimator {
    /// Agora's own margin around last year's last distance offered: within it, a place is only
    /// "possible", because that distance moves from year to year.
    public static let distanceMarginPercent = 15
    /// Living within this share of last year's last distance counts as "very likely".
    public static let veryLikelyWithinPercent = 50

    public static func estimate(child: ChildProfile, school provider: Provider, distanceMetres: Double?,
                                entry: EntryPoint?) -> AdmissionChance {
        guard let school = provider.school else { return AdmissionChance(.notEnoughData, "This is not a school.") }
        if child.ehcPlanSchoolID == provider.id {
            return AdmissionChance(.veryLikely, "Your child's EHC plan names this school, so the school must admit them.")
        }
        if school.type == .independent {
            return AdmissionChance(.notEnoughData, "Independent schools charge fees and run their own admissions, outside the council's round.")
        }
        if school.type == .special {
            return AdmissionChance(.notEnoughData, "Places at special schools are given through an EHC plan, not by application.")
        }
        if let entry, !EntryPoint.points(of: school).contains(entry) {
            return AdmissionChance(.noPlace, "This school does not admit children into \(entry.label), so it has no places in this round.")
        }
        if let sex = child.sex, let kind = school.singleSexSchool(refusing: sex) {
            return AdmissionChance(.noPlace, "This is a \(kind) school, so it does not admit \(sex.plural).")
        }
        if child.care.isLookedAfterOrWas { return lookedAfter(child, school) }
        if let undersubscribed = undersubscribed(school) { return undersubscribed }
        guard school.arrangements.isPublished else { return distanceOnly(school, distanceMetres) }
        return byCriteria(child, provider, school, distanceMetres)
    }

    private static func lookedAfter(_ child: ChildProfile, _ school: SchoolDetails) -> AdmissionChance {
        if school.admissionsPolicy == .selective {
            return AdmissionChance(.notEnoughData, "At a selective school looked-after children come first only among those who pass the entrance test.")
        }
        let criteria = school.arrangements.criteria
        if let faith = criteria.first, faith.kind == .faith {
            if child.sharesFaith(faith.detail) {
                return AdmissionChance(.veryLikely, "Looked-after children of the school's faith come first here.")
            }
            // Looked-after children of other faiths come next: were places left after them last year?
            let after = criteria.drop { $0.kind != .lookedAfter }.dropFirst()
            let published = !school.arrangements.offersLastRound.isEmpty
            let later = after.reduce(0) { $0 + (school.arrangements.offers(for: $1.kind) ?? 0) }
            let order = "Here children of the school's faith come first, then looked-after children of other faiths or none"
            if !published { return AdmissionChance(.likely, order + ", ahead of everyone else.") }
            return later > 0
                ? AdmissionChance(.veryLikely, order + ", and last year places were still left after them.")
                : AdmissionChance(.possible, order + ", but last year the places ran out before the criteria after them.")
        }
        return AdmissionChance(.veryLikely, "Looked-after and previously looked-after children come first at this school.")
    }

    private static func undersubscribed(_ school: SchoolDetails) -> AdmissionChance? {
        let places = school.publishedAdmissionNumber, applications = school.applicationsLastRound
        let counts = places.flatMap { places in applications.map { " (\(ShortText.count($0)) applications for \(ShortText.count(places)) places)" } } ?? ""
        if school.lastOffer == .allApplicantsOffered || (applications != nil && places != nil && (applications ?? 0) <= (places ?? 0)) {
            return AdmissionChance(.likely, "Last year every applicant was offered a place\(counts).")
        }
        return nil
    }

    /// Older catalogs publish only the last distance offered: compare with it, and say the criteria are unknown.
    private static func distanceOnly(_ school: SchoolDetails, _ distance: Double?) -> AdmissionChance {
        guard case .distance(let last) = school.lastOffer else {
            return AdmissionChance(.notEnoughData, "The school's criteria and last year's furthest distance offered are not published.")
        }
        guard let distance else { return AdmissionChance(.notEnoughData, "Agora does not know where you live, so it cannot compare distances.") }
        let chance = byDistance(distance, last: last)
        return AdmissionChance(chance.level, String(chance.reason.dropLast()) + "; the school's other criteria are not published.")
    }

    private static func byDistance(_ distance: Double, last: Int) -> AdmissionChance {
        let reason = "You live \(MetresText.format(distance)) away; last year places went up to \(MetresText.format(Double(last)))."
        let margin = Double(last) * Double(distanceMarginPercent) / 100
        let level: ChanceLevel
        if distance <= Double(last) * Double(veryLikelyWithinPercent) / 100 { level = .veryLikely }
        else if distance <= Double(last) - margin { level = .likely }
        else if distance <= Double(last) + margin { level = .possible }
        else { level = .unlikely }
        return AdmissionChance(level, reason)
    }

    private static func byCriteria(_ child: ChildProfile, _ provider: Provider, _ school: SchoolDetails,
                                   _ distance: Double?) -> AdmissionChance {
        let arrangements = school.arrangements
        let published = !arrangements.offersLastRound.isEmpty
        var unchecked: [String] = []
        for (index, criterion) in arrangements.criteria.enumerated() {
            let meets: Bool?
            switch criterion.kind {
            case .lookedAfter: meets = false
            case .siblings: meets = child.hasSibling(at: provider.id)
            case .faith: meets = child.sharesFaith(criterion.detail)
            case .catchment, .feederSchool, .childrenOfStaff: meets = nil
            case .distance, .randomAllocation: meets = true
            }
            guard let meets else {
                if (arrangements.offers(for: criterion.kind) ?? 1) > 0 { unchecked.append(criterion.kind.label) }
                continue
            }
            guard meets else { continue }
            let later = arrangements.criteria[(index + 1)...].reduce(0) { $0 + (arrangements.offers(for: $1.kind) ?? 0) }
            let caveat = unchecked.isEmpty ? "" : "; Agora cannot check the \(unchecked.joined(separator: " and ")) criterion that comes first"
            switch criterion.kind {
            case .distance:
                if published, arrangements.offers(for: .distance) == 0 {
                    return AdmissionChance(.unlikely, "Last year every place went to children in earlier criteria, and none on distance\(caveat).")
                }
                guard case .distance(let last) = school.lastOffer else {
                    return AdmissionChance(.notEnoughData, "Places after the earlier criteria go by distance, but last year's furthest distance offered is not published\(caveat).")
                }
                guard let distance else {
                    return AdmissionChance(.notEnoughData, "Agora does not know where you live, so it cannot compare distances.")
                }
                let chance = byDistance(distance, last: last)
                let level = unchecked.isEmpty ? chance.level : min(chance.level, .possible)
                return AdmissionChance(level, String(chance.reason.dropLast()) + caveat + ".")
            case .randomAllocation:
                return AdmissionChance(.possible, "After the earlier criteria, places here go by random allocation, so no distance is safe\(caveat).")
            default:
                let group = criterion.kind == .siblings ? "Your child has a brother or sister here"
                    : "Your child's faith (\(criterion.detail ?? "the school's")) is one of this school's criteria"
                let position = "\(criterion.kind == .siblings ? "siblings" : "faith") come\(criterion.kind == .siblings ? "" : "s") \(ordinal(index + 1)) here"
                if !published {
                    return AdmissionChance(unchecked.isEmpty ? .likely : .possible,
                                           "\(group), and \(position); last year's places per criterion are not published\(caveat).")
                }
                if later > 0 {
                    return AdmissionChance(unchecked.isEmpty ? .veryLikely : .likely,
                                           "\(group), and \(position): last year \(later) place\(later == 1 ? " was" : "s were") still left for later criteria\(caveat).")
                }
                return AdmissionChance(.possible, "\(group), and \(position), but last year the places ran out within that group\(caveat).")
            }
        }
        return AdmissionChance(.notEnoughData, "None of this school's criteria could be checked for your child.")
    }

    private static func ordinal(_ number: Int) -> String {
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"].indices.contains(number - 1)
            ? ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"][number - 1] : "\(number)th"
    }
}
