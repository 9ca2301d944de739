extension ProviderTableWriter {
    /// The format-2 admissions columns of a school, as the loader reads them back.
    static func admissionCells(_ school: SchoolDetails, into cells: inout RowCells) {
        let arrangements = school.arrangements, day = school.day
        cells["oversubscription_criteria"] = arrangements.criteria.map(\.text).joined(separator: "|")
        cells["distance_measured"] = arrangements.distanceMeasure?.label ?? ""
        cells["distance_from"] = arrangements.distanceFrom ?? ""
        cells["offers_last_round"] = arrangements.offersLastRound.map { "\($0.kind.label): \($0.places)" }.joined(separator: "|")
        cells["day_starts"] = day.starts?.text ?? ""
        cells["day_ends"] = day.ends?.text ?? ""
        cells["breakfast_club"] = day.breakfastClub.map { $0 ? "yes" : "no" } ?? ""
        cells["after_school_club"] = day.afterSchoolClub.map { $0 ? "yes" : "no" } ?? ""
        cells["open_days"] = day.openDays.map(\.iso).joined(separator: "|")
    }
}
