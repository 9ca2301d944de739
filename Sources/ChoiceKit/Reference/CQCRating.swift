/// The Care Quality Commission's four-point rating scale, used for care services and GP practices,
/// both overall and for each of the five key questions.
public enum CQCRating: Int, LabelledValue, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case inadequate = 1
    case requiresImprovement = 2
    case good = 3
    case outstanding = 4

    public static func < (lhs: CQCRating, rhs: CQCRating) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The words CQC uses, as written in catalog files.
    public var label: String {
        switch self {
        case .outstanding: return "Outstanding"
        case .good: return "Good"
        case .requiresImprovement: return "Requires improvement"
        case .inadequate: return "Inadequate"
        }
    }

    /// What the rating means, in plain English (CQC's own descriptions, shortened).
    public var meaning: String {
        switch self {
        case .outstanding: return "the service is performing exceptionally well"
        case .good: return "the service is performing well and meeting CQC's expectations"
        case .requiresImprovement: return "the service is not performing as well as it should"
        case .inadequate: return "the service is performing badly and CQC has taken action"
        }
    }


    public static let notYetRatedLabel = "Not yet rated"
    /// In a catalog imported from CQC's care directory alone, which carries no ratings.
    public static let notImportedLabel = "Not imported"

    public static let source = Source(
        publisher: "Care Quality Commission", title: "How we rate services: ratings",
        url: "https://www.cqc.org.uk/about-us/how-we-do-our-job/ratings", year: "2025")
}

/// CQC's five key questions, each rated on the same scale as the overall rating.
public enum CQCKeyQuestion: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case safe, effective, caring, responsive, wellLed

    public var label: String {
        switch self {
        case .safe: return "Safe"
        case .effective: return "Effective"
        case .caring: return "Caring"
        case .responsive: return "Responsive"
        case .wellLed: return "Well-led"
        }
    }

    public var question: String {
        switch self {
        case .safe: return "Are people protected from abuse and avoidable harm?"
        case .effective: return "Does care achieve good outcomes and help people keep a good quality of life?"
        case .caring: return "Do staff treat people with compassion, kindness, dignity and respect?"
        case .responsive: return "Are services organised to meet people's needs?"
        case .wellLed: return "Is the service well run, open and focused on improving?"
        }
    }
}
