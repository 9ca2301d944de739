/// How concentrated a market is, read from the Herfindahl–Hirschman index (the sum of the squared
/// percentage shares, 0 to 10,000), with the thresholds the Competition and Markets Authority uses.
public enum MarketConcentration {
    public static let source = Source(
        publisher: "Competition and Markets Authority", title: "Merger Assessment Guidelines (CMA129)",
        url: "https://www.gov.uk/government/publications/merger-assessment-guidelines", year: "2021")

    /// Above this a market may be regarded as concentrated.
    public static let concentrated = ReferenceFigure(1_000, source: source)
    /// Above this, highly concentrated.
    public static let highlyConcentrated = ReferenceFigure(2_000, source: source)

    public enum Level: Hashable, Sendable {
        case unconcentrated, concentrated, highlyConcentrated

        public var words: String {
            switch self {
            case .unconcentrated: return "not a concentrated market"
            case .concentrated: return "a concentrated market"
            case .highlyConcentrated: return "a highly concentrated market"
            }
        }
    }

    public static func level(hhi: Int) -> Level {
        if hhi > highlyConcentrated.value { return .highlyConcentrated }
        return hhi > concentrated.value ? .concentrated : .unconcentrated
    }

    public static var thresholds: String {
        "HHI above \(Money.groupThousands(UInt64(concentrated.value))) is concentrated and above \(Money.groupThousands(UInt64(highlyConcentrated.value))) highly concentrated (\(source.citation))"
    }
}
