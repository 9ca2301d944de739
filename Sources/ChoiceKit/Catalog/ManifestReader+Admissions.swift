import Foundation

/// The format-2 parts of the manifest: the council's admissions settings and results averages.
extension ManifestReader {
    mutating func readAdmissions(_ value: Any?) -> Manifest.AdmissionsSettings? {
        guard let value else { return nil }
        guard let object = value as? [String: Any] else {
            problem("admissions", "is not an object", "write {\"preferences\": {\"primary\": 3, \"secondary\": 6}, …}; see catalog/README.md")
            return nil
        }
        let preferences = object["preferences"] as? [String: Any] ?? [:]
        func count(_ phase: String) -> Int? {
            let path = "admissions.preferences.\(phase)"
            guard let count = Self.wholeNumber(preferences[phase]) else {
                problem(path, "is missing or not a whole number", "give how many schools a parent may name, e.g. \"\(phase)\": 3")
                return nil
            }
            let minimum = AdmissionsFacts.minimumPreferences.value
            guard (minimum...12).contains(count) else {
                problem(path, "\(count) is outside \(minimum)–12",
                        count < minimum ? "the law lets parents name at least \(minimum) schools" : "check the number")
                return nil
            }
            return count
        }
        let primary = count("primary"), secondary = count("secondary")
        let source = requiredString(object, "preferences_source", path: "admissions.preferences_source")
        var holidays: [Manifest.SchoolHoliday] = []
        let entries = object["school_holidays"] == nil ? []
            : objects(object["school_holidays"], path: "admissions.school_holidays", missing: "list {\"name\", \"from\", \"to\"} objects")
        for (index, entry) in entries {
            let path = "admissions.school_holidays[\(index)]"
            guard let name = requiredString(entry, "name", path: path + ".name"),
                  let fromText = requiredString(entry, "from", path: path + ".from"),
                  let toText = requiredString(entry, "to", path: path + ".to") else { continue }
            guard let from = CalendarDate.parseISO(fromText) else {
                problem(path + ".from", "\(MessageText.quoted(fromText)) is not a date", "use YYYY-MM-DD")
                continue
            }
            guard let to = CalendarDate.parseISO(toText) else {
                problem(path + ".to", "\(MessageText.quoted(toText)) is not a date", "use YYYY-MM-DD")
                continue
            }
            guard from <= to else {
                problem(path + ".to", "\(to.iso) is before \(from.iso)", "check the dates")
                continue
            }
            holidays.append(Manifest.SchoolHoliday(name: name, from: from, to: to))
        }
        guard let primary, let secondary, let source else { return nil }
        return Manifest.AdmissionsSettings(primaryPreferences: primary, secondaryPreferences: secondary,
                                           preferencesSource: source, schoolHolidays: holidays.sorted { $0.from < $1.from })
    }

    mutating func readResultsAverages(_ value: Any?) -> [Manifest.ResultsAverage] {
        guard value != nil else { return [] }
        var averages: [Manifest.ResultsAverage] = []
        for (index, entry) in objects(value, path: "results_averages", missing: "list {\"measure\", \"scope\", \"value\", \"year\", \"source\"} objects") {
            let path = "results_averages[\(index)]"
            guard let measureText = requiredString(entry, "measure", path: path + ".measure"),
                  let scopeText = requiredString(entry, "scope", path: path + ".scope"),
                  let year = requiredString(entry, "year", path: path + ".year"),
                  let source = requiredString(entry, "source", path: path + ".source") else { continue }
            guard let measure = ResultsMeasure(rawValue: measureText) else {
                problem(path + ".measure", "\(MessageText.quoted(measureText)) is not a results measure",
                        "use \(ResultsMeasure.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
                continue
            }
            guard let scope = Manifest.ResultsAverage.Scope(rawValue: scopeText) else {
                problem(path + ".scope", "\(MessageText.quoted(scopeText)) is not england or local", "write \"england\" or \"local\"")
                continue
            }
            guard let number = Self.finiteNumber(entry["value"]), number >= 0, number * 10 <= Double(measure.maximum.tenths) else {
                problem(path + ".value", "is missing or outside 0–\(measure.maximum.text)",
                        "give the figure with at most one decimal place, e.g. 62.1")
                continue
            }
            if averages.contains(where: { $0.measure == measure && $0.scope == scope }) {
                problem(path, "\(measureText) for \(scopeText) is given twice", "keep one")
                continue
            }
            averages.append(Manifest.ResultsAverage(measure: measure, scope: scope, value: Tenths(tenths: Int32((number * 10).rounded())),
                                                    year: year, source: source))
        }
        return averages
    }
}
