/// A case's position in `allCases`, without building the `allCases` array on every call (the
/// synthesised one is rebuilt each time, which matters in loops over 100,000 providers).
public protocol IndexedCase: CaseIterable, Hashable, Sendable {
    /// `allCases`, built once.
    static var orderedCases: [Self] { get }
}

extension IndexedCase {
    /// A short linear scan: cheaper than hashing for a handful of cases.
    public var caseIndex: Int { Self.orderedCases.firstIndex(of: self) ?? 0 }

    public static func at(_ index: Int) -> Self? { orderedCases.indices.contains(index) ? orderedCases[index] : nil }
}

extension ProviderKind: IndexedCase { public static let orderedCases = Array(allCases) }
extension Sector: IndexedCase { public static let orderedCases = Array(allCases) }
extension SchoolType: IndexedCase { public static let orderedCases = Array(allCases) }
extension TrustType: IndexedCase { public static let orderedCases = Array(allCases) }
extension SchoolPhase: IndexedCase { public static let orderedCases = Array(allCases) }
extension SchoolGender: IndexedCase { public static let orderedCases = Array(allCases) }
extension AdmissionsPolicy: IndexedCase { public static let orderedCases = Array(allCases) }
extension ReportCardArea: IndexedCase { public static let orderedCases = Array(allCases) }
extension ReportCardGrade: IndexedCase { public static let orderedCases = Array(allCases) }
extension HistoricalOfstedGrade: IndexedCase { public static let orderedCases = Array(allCases) }
extension CareServiceType: IndexedCase { public static let orderedCases = Array(allCases) }
extension CareSpecialism: IndexedCase { public static let orderedCases = Array(allCases) }
extension CQCRating: IndexedCase { public static let orderedCases = Array(allCases) }
extension CQCKeyQuestion: IndexedCase { public static let orderedCases = Array(allCases) }
extension PriceUnit: IndexedCase { public static let orderedCases = Array(allCases) }
extension GPPracticeType: IndexedCase { public static let orderedCases = Array(allCases) }
extension OfstedFloor: IndexedCase { public static let orderedCases = Array(allCases) }
