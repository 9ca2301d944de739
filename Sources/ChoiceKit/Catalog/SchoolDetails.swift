/// What a parent needs to know about a school, in GIAS, Ofsted and performance-table terms.
public struct SchoolDetails: Hashable, Sendable {
    public var urn: Int
    public var type: SchoolType
    public var trustType: TrustType?
    public var phase: SchoolPhase
    public var statutoryAges: ClosedRange<Int>
    public var gender: SchoolGender
    /// "Church of England", "Roman Catholic"…; nil when the school has no religious character.
    public var religiousCharacter: String?
    public var admissionsPolicy: AdmissionsPolicy?
    public var hasSixthForm: Bool
    public var capacity: Int?
    public var pupils: Int?
    public var publishedAdmissionNumber: Int?
    public var applicationsLastRound: Int?
    public var lastOffer: LastOffer
    public var inspection: OfstedInspection
    /// KS2: % of pupils meeting the expected standard in reading, writing and maths.
    public var ks2ExpectedStandard: Tenths?
    public var ks4Attainment8: Tenths?
    /// KS4: % achieving grade 5 or above in English and maths.
    public var ks4Grade5EnglishMaths: Tenths?
    /// Nil means "not published" (none for 2024/25 and 2025/26).
    public var ks4Progress8: Hundredths?
    /// Oversubscription criteria and last year's allocation (catalog format 2).
    public var arrangements: AdmissionArrangements
    /// Times, clubs and open days (catalog format 2).
    public var day: SchoolDay

    public init(urn: Int, type: SchoolType, trustType: TrustType?, phase: SchoolPhase, statutoryAges: ClosedRange<Int>,
                gender: SchoolGender, religiousCharacter: String?, admissionsPolicy: AdmissionsPolicy?,
                hasSixthForm: Bool, capacity: Int?, pupils: Int?, publishedAdmissionNumber: Int?,
                applicationsLastRound: Int?, lastOffer: LastOffer, inspection: OfstedInspection,
                ks2ExpectedStandard: Tenths?, ks4Attainment8: Tenths?, ks4Grade5EnglishMaths: Tenths?,
                ks4Progress8: Hundredths?, arrangements: AdmissionArrangements = .notPublished,
                day: SchoolDay = .notPublished) {
        self.urn = urn
        self.type = type
        self.trustType = trustType
        self.phase = phase
        self.statutoryAges = statutoryAges
        self.gender = gender
        self.religiousCharacter = religiousCharacter
        self.admissionsPolicy = admissionsPolicy
        self.hasSixthForm = hasSixthForm
        self.capacity = capacity
        self.pupils = pupils
        self.publishedAdmissionNumber = publishedAdmissionNumber
        self.applicationsLastRound = applicationsLastRound
        self.lastOffer = lastOffer
        self.inspection = inspection
        self.ks2ExpectedStandard = ks2ExpectedStandard
        self.ks4Attainment8 = ks4Attainment8
        self.ks4Grade5EnglishMaths = ks4Grade5EnglishMaths
        self.ks4Progress8 = ks4Progress8
        self.arrangements = arrangements
        self.day = day
    }

    public var isFaithSchool: Bool { religiousCharacter != nil }

    /// Applications per place last round; above 1 means oversubscribed.
    public var applicationsPerPlace: Double? {
        guard let applications = applicationsLastRound, let places = publishedAdmissionNumber, places > 0 else { return nil }
        return Double(applications) / Double(places)
    }

    /// Applications per place in tenths, to the nearest (572 for 275 places is 21: 2.1).
    public var applicationsPerPlaceTenths: Int? {
        guard let applications = applicationsLastRound, let places = publishedAdmissionNumber, places > 0 else { return nil }
        return (applications * 10 + places / 2) / places
    }

    /// "2.1 applications per place", the same on every page.
    public var applicationsPerPlaceText: String? {
        applicationsPerPlaceTenths.map { "\($0 / 10).\($0 % 10) applications per place" }
    }
}

/// GIAS establishment types, grouped as parents meet them.
public enum SchoolType: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case academyConverter, sponsorLedAcademy, freeSchool, community, foundation, voluntaryAided,
         voluntaryControlled, special, independent

    public var label: String {
        switch self {
        case .academyConverter: return "Academy converter"
        case .sponsorLedAcademy: return "Sponsor-led academy"
        case .freeSchool: return "Free school"
        case .community: return "Community school"
        case .foundation: return "Foundation school"
        case .voluntaryAided: return "Voluntary aided school"
        case .voluntaryControlled: return "Voluntary controlled school"
        case .special: return "Special school"
        case .independent: return "Independent school"
        }
    }

    /// Who runs it and who decides admissions, in a sentence.
    public var explanation: String {
        switch self {
        case .academyConverter: return "a former council school now funded directly by the Department for Education and run by an academy trust"
        case .sponsorLedAcademy: return "an academy that a sponsor trust took over, usually to turn it around"
        case .freeSchool: return "a new state-funded academy set up by a trust, charity or group of parents"
        case .community: return "run by the council, which sets its admissions rules"
        case .foundation: return "council-funded; its governing body employs staff and sets admissions"
        case .voluntaryAided: return "usually a faith school; its governors set admissions, often with faith criteria"
        case .voluntaryControlled: return "usually a faith school; the council employs staff and sets admissions"
        case .special: return "for pupils with an education, health and care plan; places are named by the council"
        case .independent: return "a fee-paying school, outside the state admissions system"
        }
    }

    public var isAcademy: Bool { self == .academyConverter || self == .sponsorLedAcademy || self == .freeSchool }

}

public enum TrustType: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case multiAcademyTrust, singleAcademyTrust

    public var label: String { self == .multiAcademyTrust ? "multi-academy trust" : "single-academy trust" }

}

public enum SchoolPhase: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case nursery, primary, middle, secondary, allThrough, sixteenPlus, notApplicable

    public var label: String {
        switch self {
        case .nursery: return "Nursery"
        case .primary: return "Primary"
        case .middle: return "Middle"
        case .secondary: return "Secondary"
        case .allThrough: return "All-through"
        case .sixteenPlus: return "16 plus"
        case .notApplicable: return "Not applicable"
        }
    }


    public var takesKS2: Bool { self == .primary || self == .middle || self == .allThrough }
    public var takesKS4: Bool { self == .secondary || self == .allThrough }
}

public enum SchoolGender: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case mixed, boys, girls

    public var label: String {
        switch self {
        case .mixed: return "Mixed"
        case .boys: return "Boys"
        case .girls: return "Girls"
        }
    }
}

public enum AdmissionsPolicy: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case nonSelective, selective, notApplicable

    public var label: String {
        switch self {
        case .nonSelective: return "Non-selective"
        case .selective: return "Selective"
        case .notApplicable: return "Not applicable"
        }
    }

}

/// How far away the last child offered a place lived, last admissions round.
public enum LastOffer: Hashable, Sendable {
    case distance(metres: Int)
    /// Every applicant was offered a place: distance did not decide.
    case allApplicantsOffered
    case notPublished
}

/// The school's latest Ofsted inspection outcome.
public enum OfstedInspection: Hashable, Sendable {
    case reportCard(ReportCard)
    /// A single-word grade from before September 2024: history, not today's scale.
    case historical(grade: HistoricalOfstedGrade, date: CalendarDate)
    /// Inspected between September 2024 and November 2025, when no overall grade was given.
    case ungraded(date: CalendarDate)
    case notYetInspected

    public var date: CalendarDate? {
        switch self {
        case .reportCard(let card): return card.date
        case .historical(_, let date), .ungraded(let date): return date
        case .notYetInspected: return nil
        }
    }

    public var reportCard: ReportCard? { if case .reportCard(let card) = self { return card }; return nil }
}

public struct ReportCard: Hashable, Sendable {
    public var date: CalendarDate
    private var packed: PackedGrades<ReportCardArea>
    public var safeguardingMet: Bool

    /// Grades by area, in `ReportCardArea.allCases` order; areas the school lacks are absent.
    public var grades: [AreaGrade] {
        ReportCardArea.allCases.compactMap { area in grade(for: area).map { AreaGrade(area: area, grade: $0) } }
    }

    public struct AreaGrade: Hashable, Sendable {
        public var area: ReportCardArea
        public var grade: ReportCardGrade
        public init(area: ReportCardArea, grade: ReportCardGrade) {
            self.area = area
            self.grade = grade
        }
    }

    public init(date: CalendarDate, grades: [AreaGrade], safeguardingMet: Bool) {
        self.date = date
        packed = PackedGrades()
        for entry in grades { packed[entry.area] = entry.grade.rawValue }
        self.safeguardingMet = safeguardingMet
    }

    public func grade(for area: ReportCardArea) -> ReportCardGrade? { packed[area].flatMap(ReportCardGrade.init(rawValue:)) }

    /// The lowest area grade: a cautious one-glance summary, labelled as such wherever shown.
    public var lowestGrade: ReportCardGrade? {
        var lowest: ReportCardGrade?
        for area in ReportCardArea.allCases {
            if let grade = grade(for: area), lowest.map({ grade < $0 }) ?? true { lowest = grade }
        }
        return lowest
    }
}
