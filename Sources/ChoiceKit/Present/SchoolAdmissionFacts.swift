/// The format-2 facts of a school in plain English: its oversubscription criteria, how distance is
/// measured, last year's places per criterion, the school day, clubs and open days, and the England
/// and local averages beside its results. Missing ones say "not published".
extension SchoolFactSections {
    static func arrangementFacts(_ school: SchoolDetails) -> [Fact] {
        let arrangements = school.arrangements
        let criteria = arrangements.criteria.enumerated().map { "\($0.offset + 1). \($0.element.explanation)" }
        var facts = [
            Fact(key: "oversubscription_criteria", label: "Who gets places first",
                 text: criteria.isEmpty ? nil : criteria.joined(separator: "; "),
                 note: criteria.isEmpty ? nil : "when more apply than there are places, in this order"),
        ]
        if let measure = arrangements.distanceMeasure {
            facts.append(Fact(key: "distance_measured", label: "Distance measured",
                              text: measure.explanation + (arrangements.distanceFrom.map { " to \($0)" } ?? "")))
        }
        if !arrangements.offersLastRound.isEmpty {
            facts.append(Fact(key: "offers_last_round", label: "Places offered last year",
                              text: arrangements.offersLastRound.map { "\($0.kind.label) \($0.places)" }.joined(separator: ", ")))
        }
        return facts
    }

    static func day(_ school: SchoolDetails) -> FactSection {
        let day = school.day
        let hours = day.starts.flatMap { starts in day.ends.map { "\(starts.text) to \($0.text)" } }
        return FactSection(title: "School day", facts: [
            Fact(key: "school_day", label: "School day", text: hours),
            Fact(key: "breakfast_club", label: "Breakfast club", measure: .yesNo(day.breakfastClub)),
            Fact(key: "after_school_club", label: "After-school club", measure: .yesNo(day.afterSchoolClub)),
            Fact(key: "open_days", label: "Open days", text: day.openDays.isEmpty ? nil : day.openDays.map(\.long).joined(separator: ", ")),
        ])
    }

    /// " England 62.1%, Kingsmere 60.5% (2024/25)." when the manifest has the averages.
    static func averages(_ measure: ResultsMeasure, _ catalog: Catalog) -> String {
        let manifest = catalog.manifest
        var parts: [String] = []
        if let england = manifest.resultsAverage(measure, .england) { parts.append("England \(measure.text(england.value))") }
        if let local = manifest.resultsAverage(measure, .local) { parts.append("\(manifest.area.name) \(measure.text(local.value))") }
        guard !parts.isEmpty else { return "" }
        let year = (manifest.resultsAverage(measure, .england) ?? manifest.resultsAverage(measure, .local))?.year ?? ""
        return " Averages: \(parts.joined(separator: ", ")) (\(year))."
    }
}
