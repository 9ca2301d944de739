extension ProviderTableWriter {
    /// The format-2 admissions columns of a school, as the loader reads them back.
    static func admissionCells(_ school: SchoolDetails, into cells: inout RowCells) {
        let arrangements = school.arrangements, day = school.day
        cells.set("oversubscription_criteria", arrangements.criteria.map(\.text).joined(separator: "|"))
        cells.set("distance_measured", arrangements.distanceMeasure?.label ?? "")
        cells.set("distance_from", arrangements.distanceFrom ?? "")
        cells.set("offers_last_round", arrangements.offersLastRound.map { "\($0.kind.label): \($0.places)" }.joined(separator: "|"))
        cells.set("day_starts", day.starts?.text ?? "")
        cells.set("day_ends", day.ends?.text ?? "")
        cells.set("breakfast_club", day.breakfastClub.map { $0 ? "yes" : "no" } ?? "")
        cells.set("after_school_club", day.afterSchoolClub.map { $0 ? "yes" : "no" } ?? "")
        cells.set("open_days", day.openDays.map(\.iso).joined(separator: "|"))
    }
}
