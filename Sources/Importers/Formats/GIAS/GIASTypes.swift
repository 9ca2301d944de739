import ChoiceKit

/// Who pays for a school, which decides its commissioner and sector in the catalog.
enum SchoolFunding: Sendable {
    /// Academies and free schools: funded by the Department for Education, run by academy trusts
    /// (charitable companies).
    case academy
    /// Maintained by the council.
    case maintained
    /// Non-maintained special schools: run by charities; councils pay for the places.
    case nonMaintainedSpecial
    /// Fee-paying.
    case independent
    /// Independent special schools: councils pay for most places.
    case independentSpecial
}

/// GIAS's "TypeOfEstablishment (name)" as parents meet it. The codes differ between releases
/// and are not used; the names are. Types parents do not choose between (pupil referral units,
/// further education, universities, secure units, schools abroad) are left out.
enum GIASTypes {
    static let byName = ByteKeys<(SchoolType, SchoolFunding)>([
        "academy converter": (.academyConverter, .academy),
        "academy sponsor led": (.sponsorLedAcademy, .academy),
        "academy 16-19 converter": (.academyConverter, .academy),
        "academy 16 to 19 sponsor led": (.sponsorLedAcademy, .academy),
        "free schools": (.freeSchool, .academy),
        "free schools 16 to 19": (.freeSchool, .academy),
        "university technical college": (.freeSchool, .academy),
        "studio schools": (.freeSchool, .academy),
        "community school": (.community, .maintained),
        "local authority nursery school": (.community, .maintained),
        "foundation school": (.foundation, .maintained),
        "voluntary aided school": (.voluntaryAided, .maintained),
        "voluntary controlled school": (.voluntaryControlled, .maintained),
        "community special school": (.special, .maintained),
        "foundation special school": (.special, .maintained),
        "academy special converter": (.special, .academy),
        "academy special sponsor led": (.special, .academy),
        "free schools special": (.special, .academy),
        "non-maintained special school": (.special, .nonMaintainedSpecial),
        "other independent school": (.independent, .independent),
        "other independent special school": (.special, .independentSpecial),
    ])

    static let phases = ByteKeys<SchoolPhase>([
        "nursery": .nursery, "primary": .primary, "middle deemed primary": .middle, "middle deemed secondary": .middle,
        "middle": .middle, "secondary": .secondary, "all-through": .allThrough, "all through": .allThrough,
        "16 plus": .sixteenPlus, "not applicable": .notApplicable,
    ])

    enum Status { case open, closed }

    /// Open schools, including those proposed to close; any other status is shown as GIAS words it.
    static let statuses = ByteKeys<Status>(["open": .open, "open, but proposed to close": .open, "closed": .closed])

    /// Whether a school has a sixth form; otherwise judged by its age range.
    static let sixthForms = ByteKeys<Bool>(["has a sixth form": true, "does not have a sixth form": false])

    static let genders = ByteKeys<SchoolGender>(["mixed": .mixed, "boys": .boys, "girls": .girls])

    static let admissionsPolicies = ByteKeys<AdmissionsPolicy>([
        "non-selective": .nonSelective, "selective": .selective, "not applicable": .notApplicable,
    ])

    /// Religious characters that mean none.
    static let noFaith: Set<String> = ["", "none", "does not apply", "unknown", "not applicable", "no religious character"]

    /// Ofsted's single-word grades as GIAS wrote them; "Serious Weaknesses" and "Special Measures"
    /// are the two kinds of Inadequate.
    static let ofstedGrades = ByteKeys<HistoricalOfstedGrade>([
        "outstanding": .outstanding, "good": .good, "requires improvement": .requiresImprovement,
        "satisfactory": .requiresImprovement, "inadequate": .inadequate, "serious weaknesses": .inadequate,
        "special measures": .inadequate,
    ])
}
