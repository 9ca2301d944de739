/// A school's own fields: GIAS, Ofsted, results and admissions.
enum SchoolRecordFields {
    private static func field(_ key: String, _ type: FieldType, _ about: String,
                              _ read: @escaping @Sendable (SchoolDetails) -> FieldValue) -> RecordField {
        RecordField(key, type, about) { provider, _ in provider.school.map(read) ?? .null }
    }

    static let all: [RecordField] = [
        field("urn", .integer, "unique reference number in Get Information About Schools") { .integer($0.urn) },
        field("trust_type", .text, "multi-academy trust or single-academy trust; null when not an academy") { .text($0.trustType?.label) },
        field("phase", .text, "Nursery, Primary, Middle, Secondary, All-through, 16 plus or Not applicable") { .text($0.phase.label) },
        field("age_low", .integer, "youngest statutory age") { .integer($0.statutoryAges.lowerBound) },
        field("age_high", .integer, "oldest statutory age") { .integer($0.statutoryAges.upperBound) },
        field("gender", .text, "Mixed, Boys or Girls") { .text($0.gender.label) },
        field("religious_character", .text, "e.g. Church of England; null when none") { .text($0.religiousCharacter) },
        field("faith_school", .boolean, "whether it has a religious character") { .boolean($0.isFaithSchool) },
        field("admissions_policy", .text, "Non-selective, Selective or Not applicable") { .text($0.admissionsPolicy?.label) },
        field("sixth_form", .boolean, "whether it has a sixth form") { .boolean($0.hasSixthForm) },
        field("capacity", .integer, "places") { .integer($0.capacity) },
        field("pupils", .integer, "pupils on roll") { .integer($0.pupils) },
        field("pan", .integer, "published admission number: places in the starting year") { .integer($0.publishedAdmissionNumber) },
        field("applications", .integer, "applications in the last round") { .integer($0.applicationsLastRound) },
        field("last_distance_offered_m", .integer, "the furthest a child lived and got a place on distance last year") { school in
            if case .distance(let metres) = school.lastOffer { return .integer(metres) }
            return .null
        },
        field("all_applicants_offered", .boolean, "whether everyone who applied last year was offered a place; null when not published") { school in
            switch school.lastOffer {
            case .allApplicantsOffered: return .boolean(true)
            case .distance: return .boolean(false)
            case .notPublished: return .null
            }
        },
        field("ofsted_inspection", .text, "report card, historical grade, ungraded or not yet inspected") { school in
            switch school.inspection {
            case .reportCard: return .text("report card")
            case .historical: return .text("historical grade")
            case .ungraded: return .text("ungraded")
            case .notYetInspected: return .text("not yet inspected")
            }
        },
        field("ofsted_date", .date, "date of the last inspection") { .date($0.inspection.date) },
        field("ofsted_grade", .text, "an older single-word grade (Outstanding, Good, Requires improvement, Inadequate); null for report cards") { school in
            if case .historical(let grade, _) = school.inspection { return .text(grade.label) }
            return .null
        },
        field("ofsted_lowest_grade", .text, "a report card's lowest area grade (Exceptional … Urgent improvement)") {
            .text($0.inspection.reportCard?.lowestGrade?.label)
        },
    ] + ReportCardArea.allCases.map { area in
        field("ofsted_\(area.rawValue.snakeCased)", .text, "report-card grade for \(area.label.lowercased())") {
            .text($0.inspection.reportCard?.grade(for: area)?.label)
        }
    } + [
        field("ofsted_safeguarding_met", .boolean, "a report card's safeguarding judgement") { .boolean($0.inspection.reportCard?.safeguardingMet) },
        field("ks2_rwm_expected_pct", .number, "% meeting the expected standard in reading, writing and maths at KS2") { .tenths($0.ks2ExpectedStandard) },
        field("ks4_attainment8", .number, "Attainment 8 score (0 to 90)") { .tenths($0.ks4Attainment8) },
        field("ks4_grade5_eng_maths_pct", .number, "% with grade 5 or above in English and maths") { .tenths($0.ks4Grade5EnglishMaths) },
        field("ks4_progress8", .number, "Progress 8 (not published for 2024/25 and 2025/26)") { .hundredths($0.ks4Progress8) },
        field("oversubscription_criteria", .list, "who gets places first, in order") { school in
            let criteria = school.arrangements.criteria.map(\.text)
            return criteria.isEmpty ? .null : .list(criteria)
        },
        field("distance_measure", .text, "straight line or route") { .text($0.arrangements.distanceMeasure?.label) },
        field("day_starts", .text, "the school day's start, HH:MM") { .text($0.day.starts?.text) },
        field("day_ends", .text, "the school day's end, HH:MM") { .text($0.day.ends?.text) },
        field("breakfast_club", .boolean, "whether it runs a breakfast club") { .boolean($0.day.breakfastClub) },
        field("after_school_club", .boolean, "whether it runs an after-school club") { .boolean($0.day.afterSchoolClub) },
        field("open_days", .list, "open days, YYYY-MM-DD") { school in
            school.day.openDays.isEmpty ? .null : .list(school.day.openDays.map(\.iso))
        },
    ]
}
