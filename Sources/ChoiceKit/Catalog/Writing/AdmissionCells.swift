extension ProviderTableWriter {
    /// The format-2 admissions columns of a school, as the loader reads them back.
    static func admissionCells(_ school: SchoolDetails) -> [String: String] {
        let arrangements = school.arrangements, day = school.day
        return [
            "oversubscription_criteria": arrangements.criteria.map(\.text).joined(separator: "|"),
            "distance_measured": arrangements.distanceMeasure?.label ?? "",
            "distance_from": arrangements.distanceFrom ?? "",
            "offers_last_round": arrangements.offersLastRound.map { "\($0.kind.label): \($0.places)" }.joined(separator: "|"),
            "day_starts": day.starts?.text ?? "", "day_ends": day.ends?.text ?? "",
            "breakfast_club": day.breakfastClub.map { $0 ? "yes" : "no" } ?? "",
            "after_school_club": day.afterSchoolClub.map { $0 ? "yes" : "no" } ?? "",
            "open_days": day.openDays.map(\.iso).joined(separator: "|"),
        ]
    }
}
