/// A case's position in `allCases`, without building the `allCases` array on every call (the
/// synthesised one is rebuilt each time, which matters in loops over 100,000 providers).
public protocol IndexedCase: CaseIterable, Hashable, Sendable {
    var caseIndex: Int { get }
}

/// The cases in order, built once per type; a short linear scan beats hashing for a few cases.
enum CaseIndexTable {
    static func make<T: CaseIterable>(_ type: T.Type) -> [T] { Array(T.allCases) }
}

extension ProviderKind: IndexedCase {
    private static let indexes = CaseIndexTable.make(ProviderKind.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension Sector: IndexedCase {
    private static let indexes = CaseIndexTable.make(Sector.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension SchoolPhase: IndexedCase {
    private static let indexes = CaseIndexTable.make(SchoolPhase.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension SchoolGender: IndexedCase {
    private static let indexes = CaseIndexTable.make(SchoolGender.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension CareServiceType: IndexedCase {
    private static let indexes = CaseIndexTable.make(CareServiceType.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension CareSpecialism: IndexedCase {
    private static let indexes = CaseIndexTable.make(CareSpecialism.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension CQCKeyQuestion: IndexedCase {
    private static let indexes = CaseIndexTable.make(CQCKeyQuestion.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension ReportCardArea: IndexedCase {
    private static let indexes = CaseIndexTable.make(ReportCardArea.self)
    public var caseIndex: Int { Self.indexes.firstIndex(of: self) ?? 0 }
}

extension OfstedFloor: IndexedCase {
    public var caseIndex: Int { rawValue - 2 }
}
