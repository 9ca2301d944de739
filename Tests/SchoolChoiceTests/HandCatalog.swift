import ChoiceKit
import SchoolChoice

/// A small catalog written by hand, so every chance and distance in the tests can be worked out on
/// paper: home is KM1 1AA; each school sits due north of it at a chosen distance.
enum HandCatalog {
    static let home = GeoPoint(latitude: 52.6, longitude: -1.1)
    /// Degrees of latitude per metre on the mean Earth sphere.
    static let degreesPerMetre = 180 / (Double.pi * GeoPoint.earthRadiusMetres)

    static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate { CalendarDate(year: y, month: m, day: d) ?? CalendarDate(daysSinceEpoch: 0) }

    struct School {
        var id: String
        var name: String
        var metres: Int
        var cells: [String: String]
    }

    static let schools: [School] = [
        School(id: "S1", name: "Near Primary", metres: 640, cells: primary([
            "pan": "60", "applications": "120", "last_distance_offered_m": "1180",
            "oversubscription_criteria": "looked after|siblings|distance",
            "offers_last_round": "looked after: 1|siblings: 20|distance: 39",
            "day_starts": "08:45", "day_ends": "15:15", "breakfast_club": "yes", "after_school_club": "yes",
            "ks2_rwm_expected_pct": "70.0", "pupils": "400", "capacity": "420",
            "ofsted_date": "2026-01-12", "ofsted_inclusion": "Strong standard", "ofsted_curriculum_teaching": "Strong standard",
            "ofsted_achievement": "Strong standard", "ofsted_attendance_behaviour": "Strong standard",
            "ofsted_personal_development": "Strong standard", "ofsted_leadership_governance": "Strong standard",
            "ofsted_early_years": "Strong standard", "ofsted_safeguarding": "met",
        ])),
        School(id: "S2", name: "Far Primary", metres: 1500, cells: primary([
            "pan": "30", "applications": "90", "last_distance_offered_m": "700",
            "oversubscription_criteria": "looked after|siblings|distance", "offers_last_round": "looked after: 0|siblings: 10|distance: 20",
            "ks2_rwm_expected_pct": "55.0", "pupils": "200", "breakfast_club": "no", "after_school_club": "no",
            "ofsted_date": "2019-05-01", "ofsted_grade": "Good",
        ])),
        School(id: "S3", name: "Edge Primary", metres: 950, cells: primary([
            "pan": "30", "applications": "45", "last_distance_offered_m": "1000",
            "oversubscription_criteria": "looked after|siblings|distance",
        ])),
        School(id: "S4", name: "Quiet Primary", metres: 2500, cells: primary([
            "pan": "60", "applications": "30", "last_distance_offered_m": "all",
            "oversubscription_criteria": "looked after|siblings|distance", "offers_last_round": "looked after: 0|siblings: 10|distance: 20",
        ])),
        School(id: "S5", name: "St Mary's Catholic Primary", metres: 1200, cells: primary([
            "sub_type": "Voluntary aided school", "religious_character": "Roman Catholic",
            "pan": "60", "applications": "100",
            "oversubscription_criteria": "faith|looked after|siblings|distance",
            "offers_last_round": "faith: 50|looked after: 1|siblings: 9|distance: 0",
        ])),
        School(id: "S6", name: "Sibling Primary", metres: 2000, cells: primary([
            "pan": "60", "applications": "150", "last_distance_offered_m": "400",
            "oversubscription_criteria": "looked after|siblings|distance", "offers_last_round": "looked after: 0|siblings: 30|distance: 30",
        ])),
        School(id: "S7", name: "Lottery Academy", metres: 1800, cells: secondary([
            "pan": "180", "applications": "400",
            "oversubscription_criteria": "looked after|siblings|random allocation",
            "offers_last_round": "looked after: 2|siblings: 60|random allocation: 118",
        ])),
        School(id: "S8", name: "Catchment Primary", metres: 300, cells: primary([
            "pan": "60", "applications": "100", "last_distance_offered_m": "900",
            "oversubscription_criteria": "looked after|catchment|distance",
            "offers_last_round": "looked after: 0|catchment: 40|distance: 20",
        ])),
        School(id: "S9", name: "Old Data Primary", metres: 500, cells: primary([
            "pan": "30", "applications": "60", "last_distance_offered_m": "800",
        ])),
        School(id: "S10", name: "Oak Special School", metres: 700, cells: primary(["sub_type": "Special school", "phase": "Not applicable"])),
        School(id: "S11", name: "Fee House Prep", metres: 400, cells: primary(["sub_type": "Independent school", "commissioner": "families"])),
        School(id: "S12", name: "Kingsmere Grammar", metres: 3000, cells: secondary([
            "admissions_policy": "Selective", "pan": "120", "applications": "600", "last_distance_offered_m": "5000",
            "oversubscription_criteria": "distance|looked after", "offers_last_round": "distance: 118|looked after: 2",
        ])),
        School(id: "S13", name: "Girls High", metres: 1000, cells: secondary(["gender": "Girls", "pan": "150", "applications": "140"])),
        School(id: "S14", name: "=HYPERLINK(\"http://x\")", metres: 800, cells: primary(["pan": "30"])),
        School(id: "S15", name: "Infant Only", metres: 900, cells: primary(["age_high": "7", "pan": "60"])),
        School(id: "S16", name: "Town Junior School", metres: 1100, cells: primary(["age_low": "7", "pan": "60", "applications": "50"])),
    ]

    static func primary(_ extra: [String: String]) -> [String: String] {
        base(["phase": "Primary", "age_low": "4", "age_high": "11", "admissions_policy": "Not applicable"], extra)
    }

    static func secondary(_ extra: [String: String]) -> [String: String] {
        base(["phase": "Secondary", "age_low": "11", "age_high": "16", "admissions_policy": "Non-selective",
              "ks4_attainment8": "48.0", "ks4_grade5_eng_maths_pct": "50.0"], extra)
    }

    private static func base(_ phase: [String: String], _ extra: [String: String]) -> [String: String] {
        var cells = ["sub_type": "Community school", "sector": "public", "commissioner": "council", "gender": "Mixed",
                     "postcode": "KM1 1AA"]
        cells.merge(phase) { $1 }
        cells.merge(extra) { $1 }
        return cells
    }

    static var manifest: Manifest {
        Manifest(
            formatVersion: Manifest.supportedVersion,
            area: Manifest.Area(name: "Testborough", notice: "Fictional sample data for tests.", description: "",
                                localAuthority: "Testborough Council", centre: home, radiusKilometres: 10),
            dataDates: [Manifest.DataDate(topic: "admissions", label: "Admissions", asOf: day(2026, 4, 16))],
            commissioners: [Manifest.Commissioner(id: "council", name: "Testborough Council", type: "Local council", role: ""),
                            Manifest.Commissioner(id: "families", name: "Families paying fees", type: "Private", role: "")],
            services: [],
            files: Dictionary(uniqueKeysWithValues: ProviderKind.allCases.map { ($0, $0.defaultFileName) }),
            postcodes: [Manifest.PostcodeEntry(postcode: "KM1 1AA", location: home, town: "Testtown")],
            sources: [],
            admissions: Manifest.AdmissionsSettings(
                primaryPreferences: 3, secondaryPreferences: 6, preferencesSource: "Testborough Council scheme",
                schoolHolidays: [Manifest.SchoolHoliday(name: "Easter holidays", from: day(2027, 3, 29), to: day(2027, 4, 9))]),
            resultsAverages: [
                Manifest.ResultsAverage(measure: .ks2ExpectedStandard, scope: .england, value: Tenths(tenths: 621), year: "2024/25", source: "DfE"),
                Manifest.ResultsAverage(measure: .ks2ExpectedStandard, scope: .local, value: Tenths(tenths: 600), year: "2024/25", source: "mean"),
            ])
    }

    static var files: [String: String] {
        var files = ["manifest.json": ManifestWriter.json(manifest)]
        for kind in ProviderKind.allCases {
            files[kind.defaultFileName] = CSVWriter.row(TableLayout.forKind(kind).names)
        }
        let layout = TableLayout.forKind(.school)
        var text = CSVWriter.row(layout.names)
        for (index, school) in schools.enumerated() {
            var cells = school.cells
            cells["id"] = school.id
            cells["name"] = school.name
            cells["urn"] = String(990_001 + index)
            cells["latitude"] = String(format5(home.latitude + Double(school.metres) * degreesPerMetre))
            cells["longitude"] = "-1.10000"
            text += CSVWriter.row(layout.names.map { cells[$0] ?? "" })
        }
        files["schools.csv"] = text
        return files
    }

    private static func format5(_ value: Double) -> String {
        let scaled = Int((value * 100_000).rounded())
        return "\(scaled / 100_000).\(String(scaled % 100_000).leftPadded(5))"
    }

    static func load() throws -> Catalog {
        try Catalog.load(from: InMemoryCatalogSource(texts: files, displayName: "hand"))
    }

    static func child(born: CalendarDate = day(2022, 10, 10), siblingAt: [String] = [], care: CareHistory = .none,
                      faith: String? = nil, sex: ChildSex? = nil, ehc: String? = nil) -> ChildProfile {
        ChildProfile(name: "Amy", dateOfBirth: born, homePostcode: "KM1 1AA", siblingSchoolIDs: siblingAt, care: care,
                     faith: faith, ehcPlanSchoolID: ehc, sex: sex)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
