import ChoiceKit

/// How likely a place is, from very likely to unlikely, "no place" where the school cannot admit
/// the child at all (a girls' school for a boy, a school without the child's year of entry), or
/// "not enough data" to say.
public enum ChanceLevel: Int, CaseIterable, Comparable, Hashable, Sendable {
    case notEnoughData = 0, noPlace, unlikely, possible, likely, veryLikely

    public static func < (lhs: ChanceLevel, rhs: ChanceLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    public var label: String {
        switch self {
        case .veryLikely: return "Very likely"
        case .likely: return "Likely"
        case .possible: return "Possible"
        case .unlikely: return "Unlikely"
        case .noPlace: return "No place"
        case .notEnoughData: return "Not enough data"
        }
    }

    public var isAtLeastLikely: Bool { self >= .likely }
}

/// A chance of a place with its one-sentence reason: an estimate from last year's figures, but for "no place".
public struct AdmissionChance: Hashable, Sendable {
    public let level: ChanceLevel
    /// One sentence: "You live 640 m away; last year places went up to 1,180 m."
    public let reason: String

    public static let basis = "An estimate from last year's figures, not a promise."

    public init(_ level: ChanceLevel, _ reason: String) {
        self.level = level
        self.reason = reason
    }

    /// "Likely: You live 640 m away; last year places went up to 1,180 m. An estimate from last year's figures, not a promise."
    /// "No place" is a fact about the school, not an estimate, so it goes without the basis.
    public var sentence: String { level == .noPlace ? "\(level.label): \(reason)" : "\(level.label): \(reason) \(Self.basis)" }
}

/// Metres as people read them in admissions letters: `640 m`, `1,180 m`, `12.4 km`.
public enum MetresText {
    public static func format(_ metres: Double) -> String {
        let rounded = Int((metres / 10).rounded()) * 10
        if rounded < 10_000 { return ShortText.count(max(0, rounded)) + " m" }
        let tenths = Int((metres / 100).rounded())
        return "\(tenths / 10).\(tenths % 10) km"
    }
}
