/// Ofsted's five-point scale used on school report cards since 10 November 2025.
public enum ReportCardGrade: Int, LabelledValue, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case urgentImprovement = 1
    case needsAttention = 2
    case expectedStandard = 3
    case strongStandard = 4
    case exceptional = 5

    public static func < (lhs: ReportCardGrade, rhs: ReportCardGrade) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String {
        switch self {
        case .exceptional: return "Exceptional"
        case .strongStandard: return "Strong standard"
        case .expectedStandard: return "Expected standard"
        case .needsAttention: return "Needs attention"
        case .urgentImprovement: return "Urgent improvement"
        }
    }

    public var meaning: String {
        switch self {
        case .exceptional: return "among the very best in the country"
        case .strongStandard: return "above what Ofsted expects"
        case .expectedStandard: return "what Ofsted expects of every school"
        case .needsAttention: return "some weaknesses the school must put right"
        case .urgentImprovement: return "serious weaknesses needing urgent action"
        }
    }

}

/// The areas a report card grades. Early years and sixth form only where the school has them.
public enum ReportCardArea: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case inclusion
    case curriculumAndTeaching
    case achievement
    case attendanceAndBehaviour
    case personalDevelopment
    case leadershipAndGovernance
    case earlyYears
    case sixthForm

    public var label: String {
        switch self {
        case .inclusion: return "Inclusion"
        case .curriculumAndTeaching: return "Curriculum and teaching"
        case .achievement: return "Achievement"
        case .attendanceAndBehaviour: return "Attendance and behaviour"
        case .personalDevelopment: return "Personal development and well-being"
        case .leadershipAndGovernance: return "Leadership and governance"
        case .earlyYears: return "Early years"
        case .sixthForm: return "Sixth form"
        }
    }

    /// Areas every state school is graded on.
    public var isCore: Bool { self != .earlyYears && self != .sixthForm }
}

/// The single-word overall grade Ofsted gave before September 2024. Shown only as history.
public enum HistoricalOfstedGrade: Int, LabelledValue, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case inadequate = 1
    case requiresImprovement = 2
    case good = 3
    case outstanding = 4

    public static func < (lhs: HistoricalOfstedGrade, rhs: HistoricalOfstedGrade) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String {
        switch self {
        case .outstanding: return "Outstanding"
        case .good: return "Good"
        case .requiresImprovement: return "Requires improvement"
        case .inadequate: return "Inadequate"
        }
    }

}

/// Dates and rules of school inspection in England.
public enum OfstedFacts {
    public static let source = Source(
        publisher: "Ofsted", title: "School inspection toolkit and report cards",
        url: "https://www.gov.uk/government/publications/school-inspection-toolkit-operating-guide-and-information",
        year: "2025")

    /// No single overall grade for inspections from this day.
    public static let overallGradesEnded = ReferenceFigure(
        CalendarDate(known: 2024, 9, 2), source: source)

    /// Report cards (five-point scale by area) for inspections from this day.
    public static let reportCardsBegan = ReferenceFigure(
        CalendarDate(known: 2025, 11, 10), source: source)

    public static let safeguardingExplanation =
        "Safeguarding is judged separately as met or not met: whether the school keeps children safe."
}
