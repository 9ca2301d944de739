/// The columns of each provider table, shared by the loader and the writers so the two cannot drift.
/// `catalog/README.md` documents each one.
public struct TableLayout: Sendable {
    public let kind: ProviderKind
    public let names: [String]
    /// Columns that must be present in the header (their cells may still be empty where allowed).
    public let required: Set<String>
    private let positions: [String: Int]

    init(kind: ProviderKind, names: [String], required: Set<String>) {
        self.kind = kind
        self.names = names
        self.required = required
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() { positions[name] = index }
        self.positions = positions
    }

    func column(_ name: String) -> ColumnID {
        ColumnID(position: positions[name] ?? -1, name: name)
    }

    public static func forKind(_ kind: ProviderKind) -> TableLayout {
        switch kind {
        case .school: return SchoolColumns.layout
        case .care: return CareColumns.layout
        case .gp: return GPColumns.layout
        case .other: return ContractColumns.layout
        }
    }
}

struct ColumnID: Sendable {
    let position: Int
    let name: String
}

/// Every provider table starts with these.
enum CommonColumns {
    static let names = ["id", "name", "sub_type", "sector", "organisation", "commissioner", "address", "town",
                        "postcode", "latitude", "longitude", "phone", "website"]
    static let required: Set<String> = ["id", "name", "sub_type", "sector", "commissioner", "postcode"]
}

/// Column handles for one table, looked up once.
struct CommonColumnIDs: Sendable {
    let id, name, subType, sector, organisation, commissioner, address, town, postcode, latitude, longitude,
        phone, website: ColumnID

    init(_ layout: TableLayout) {
        id = layout.column("id"); name = layout.column("name"); subType = layout.column("sub_type")
        sector = layout.column("sector"); organisation = layout.column("organisation")
        commissioner = layout.column("commissioner"); address = layout.column("address")
        town = layout.column("town"); postcode = layout.column("postcode"); latitude = layout.column("latitude")
        longitude = layout.column("longitude"); phone = layout.column("phone"); website = layout.column("website")
    }
}

enum SchoolColumns {
    static let ofstedAreaColumns: [(ReportCardArea, String)] = [
        (.inclusion, "ofsted_inclusion"), (.curriculumAndTeaching, "ofsted_curriculum_teaching"),
        (.achievement, "ofsted_achievement"), (.attendanceAndBehaviour, "ofsted_attendance_behaviour"),
        (.personalDevelopment, "ofsted_personal_development"),
        (.leadershipAndGovernance, "ofsted_leadership_governance"), (.earlyYears, "ofsted_early_years"),
        (.sixthForm, "ofsted_sixth_form"),
    ]
    static let specific = ["urn", "trust_type", "phase", "age_low", "age_high", "gender", "religious_character",
                           "admissions_policy", "sixth_form", "capacity", "pupils", "pan", "applications",
                           "last_distance_offered_m", "ofsted_date", "ofsted_grade"]
        + ofstedAreaColumns.map(\.1)
        + ["ofsted_safeguarding", "ks2_rwm_expected_pct", "ks4_attainment8", "ks4_grade5_eng_maths_pct", "ks4_progress8"]
        + admissionColumns
    /// Added in format 2; a catalog without them says "not published".
    static let admissionColumns = ["oversubscription_criteria", "distance_measured", "distance_from", "offers_last_round",
                                   "day_starts", "day_ends", "breakfast_club", "after_school_club", "open_days"]
    static let layout = TableLayout(
        kind: .school, names: CommonColumns.names + specific,
        required: CommonColumns.required.union(["urn", "phase", "age_low", "age_high", "gender"]))
}

enum CareColumns {
    static let keyQuestionColumns: [(CQCKeyQuestion, String)] = [
        (.safe, "cqc_safe"), (.effective, "cqc_effective"), (.caring, "cqc_caring"),
        (.responsive, "cqc_responsive"), (.wellLed, "cqc_well_led"),
    ]
    static let specific = ["cqc_location_id", "service_types", "specialisms", "cqc_overall"]
        + keyQuestionColumns.map(\.1)
        + ["cqc_report_date", "beds", "vacancies", "price", "price_unit", "council_framework", "framework_price",
           "accepts_direct_payments"]
    static let layout = TableLayout(
        kind: .care, names: CommonColumns.names + specific,
        required: CommonColumns.required.union(["cqc_location_id", "cqc_overall"]))
}

enum GPColumns {
    static let specific = ["ods_code", "pcn", "list_size", "gp_fte", "accepting_new_patients", "catchment_radius_m",
                           "catchment_polygon", "survey_good_pct", "cqc_overall", "cqc_report_date", "opening_hours",
                           "online_services"]
    static let layout = TableLayout(
        kind: .gp, names: CommonColumns.names + specific,
        required: CommonColumns.required.union(["ods_code", "accepting_new_patients"]))
}

enum ContractColumns {
    static let specific = ["service", "contract_name", "contract_start", "contract_end", "contract_value",
                           "contract_value_note", "private_extras", "citizen_note"]
    static let layout = TableLayout(
        kind: .other, names: CommonColumns.names + specific,
        required: CommonColumns.required.union(["service"]))
}
