/// The kinds of provider in a catalog, one provider table each.
public enum ProviderKind: String, CaseIterable, Hashable, Sendable, Codable {
    case school, care, gp, other

    /// Plural heading: "Schools".
    public var label: String {
        switch self {
        case .school: return "Schools"
        case .care: return "Care for older people"
        case .gp: return "GP practices"
        case .other: return "Other public services"
        }
    }

    public var singular: String {
        switch self {
        case .school: return "school"
        case .care: return "care service"
        case .gp: return "GP practice"
        case .other: return "contracted service"
        }
    }

    /// For a count of them: "2 schools", "3 care services", "5 GP practices".
    public var plural: String { singular + "s" }

    /// The provider table's default file name.
    public var defaultFileName: String {
        switch self {
        case .school: return "schools.csv"
        case .care: return "care.csv"
        case .gp: return "gp.csv"
        case .other: return "other.csv"
        }
    }

    /// Accepts the names people type: `school`, `schools`, `care`, `gp`, `other`.
    public init?(userText: String) {
        switch userText.lowercased() {
        case "school", "schools": self = .school
        case "care", "care-home", "carehomes": self = .care
        case "gp", "gps", "gp-practice", "practice": self = .gp
        case "other", "others", "contract", "contracts": self = .other
        default: return nil
        }
    }
}

/// Who owns and runs a provider. The public service market is a mix of all five.
public enum Sector: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case privateLargeGroup, privateSmallOrMedium, voluntaryOrCharity, socialEnterprise, publicSector

    /// The words used in catalog files and on screen.
    public var label: String {
        switch self {
        case .privateLargeGroup: return "private large group"
        case .privateSmallOrMedium: return "private small or medium"
        case .voluntaryOrCharity: return "voluntary or charity"
        case .socialEnterprise: return "social enterprise"
        case .publicSector: return "public"
        }
    }

    public var shortLabel: String {
        switch self {
        case .privateLargeGroup: return "Private group"
        case .privateSmallOrMedium: return "Private SME"
        case .voluntaryOrCharity: return "Charity"
        case .socialEnterprise: return "Social ent."
        case .publicSector: return "Public"
        }
    }

}
