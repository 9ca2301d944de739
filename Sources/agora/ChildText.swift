import ChoiceKit
import SchoolChoice

/// A child's summary and timeline as plain text and JSON.
enum ChildText {
    static func headline(_ summary: ChildSummary) -> String {
        var text = "Born \(summary.child.dateOfBirth.long), \(summary.age) today, \(summary.yearGroupText)."
        if let round = summary.round {
            text += " Next: \(round.title)"
            if let closing = round.closingDate {
                text += round.closingDateHasPassed(today: summary.today)
                    ? " — the closing date, \(closing.long), has passed: make a late application."
                    : " — apply to the council by \(closing.long)."
            } else {
                text += " — apply to each school or college by its own deadline."
            }
        }
        return text
    }

    static func full(_ summary: ChildSummary, catalog: Catalog) -> String {
        let child = summary.child
        var lines = ["\(child.name): " + headline(summary)]
        lines.append("Home: \(child.homePostcode). Looked after: \(child.care.label). Faith: \(child.faith ?? "not given").")
        if !child.siblingSchoolIDs.isEmpty {
            let names = child.siblingSchoolIDs.map { id in catalog.provider(id: id).map { "\($0.name) (\(id))" } ?? id }
            lines.append("Siblings' schools: \(names.joined(separator: ", ")).")
        }
        if let ehc = child.ehcPlanSchoolID {
            lines.append("EHC plan names: \(catalog.provider(id: ehc)?.name ?? ehc) (\(ehc)), which must admit them.")
        }
        lines.append("Compulsory school age: from \(summary.compulsorySchoolAgeBegins.long) to \(summary.compulsorySchoolAgeEnds.long).")
        lines.append("")
        lines.append("Timeline (▶ marks today):")
        for event in summary.timeline {
            let marker = event.kind == .today ? "▶" : " "
            let date = DisplayWidth.pad(event.date.short, to: 11, alignRight: true)
            var line = "\(marker) \(date)  \(event.title)"
            if event.kind != .today, event.isPast { line += " (passed)" }
            lines.append(line)
            if let detail = event.detail {
                lines += DisplayWidth.wrap(detail, width: 80).map { String(repeating: " ", count: 16) + $0 }
            }
        }
        if !summary.notes.isEmpty {
            lines.append("")
            lines += summary.notes.flatMap { DisplayWidth.wrap($0, width: 96) }
        }
        return lines.map(TextSafety.inert).joined(separator: "\n") + "\n"
    }

    static func json(_ summary: ChildSummary) -> JSONValue {
        let child = summary.child
        var members: [(String, JSONValue)] = [
            ("name", .string(child.name)), ("born", .string(child.dateOfBirth.iso)), ("home_postcode", .string(child.homePostcode)),
            ("age", .int(summary.age)), ("year_group", .string(summary.yearGroup.name)), ("school_year", .string(summary.schoolYear)),
            ("summer_born", .bool(summary.isSummerBorn)), ("looked_after", .string(child.care.rawValue)),
            ("faith", .optional(child.faith)), ("sibling_schools", .array(child.siblingSchoolIDs.map(JSONValue.string))),
            ("ehc_plan_school", .optional(child.ehcPlanSchoolID)), ("sex", .optional(child.sex?.rawValue)),
            ("compulsory_school_age_begins", .string(summary.compulsorySchoolAgeBegins.iso)),
        ]
        if let round = summary.round {
            members.append(("round", .object([
                ("title", .string(round.title)), ("entry", .string(round.entry.rawValue)), ("starts", .string(round.starts.iso)),
                ("closing_date", .optional(round.closingDate?.iso)), ("offer_day", .optional(round.offerDay?.iso)),
                ("appeal_deadline_earliest", .optional(round.appealDeadline?.date.iso)),
            ])))
        }
        members.append(("timeline", .array(summary.timeline.map { event in
            .object([("date", .string(event.date.iso)), ("kind", .string(event.kind.rawValue)), ("title", .string(event.title)),
                     ("detail", .optional(event.detail)), ("past", .bool(event.isPast))])
        })))
        return .object(members)
    }
}
