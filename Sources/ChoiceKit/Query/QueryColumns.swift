/// Compact per-provider values that filters and sorts read. A query over 100,000 providers walks a
/// few small arrays instead of copying provider records (each copy retains a dozen strings).
struct QueryColumns: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let acceptingNewPatients = Flags(rawValue: 1 << 0)
        static let acceptsDirectPayments = Flags(rawValue: 1 << 1)
        static let onCouncilFramework = Flags(rawValue: 1 << 2)
        static let hasVacancies = Flags(rawValue: 1 << 3)
        static let faithSchool = Flags(rawValue: 1 << 4)
    }

    static let none: UInt8 = 0

    var kind: [UInt8] = []
    var sector: [UInt8] = []
    var subType: [UInt16] = []
    var subTypeIDs: [String: UInt16] = [:]
    /// CQC overall rating raw value, or 0.
    var cqc: [UInt8] = []
    /// Whether the school passes each `OfstedFloor`, as a bit per floor.
    var ofstedFloors: [UInt8] = []
    var flags: [Flags] = []
    /// Index + 1 of the school's phase and gender, or 0.
    var phase: [UInt8] = []
    var gender: [UInt8] = []
    var ageLow: [UInt8] = []
    var ageHigh: [UInt8] = []
    var specialisms: [UInt8] = []
    /// Sort keys; nil (missing) is -1 / UInt32.max.
    var rating: [Int8] = []
    /// KS2 % for schools, the patient survey % for GP practices (tenths).
    var results: [Int16] = []
    var attainment8: [Int16] = []
    /// Weekly cost in pence (see `WeeklyCost`).
    var cost: [UInt32] = []

    init(providers: [Provider]) {
        let count = providers.count
        for column in [\Self.kind, \.sector, \.cqc, \.ofstedFloors, \.phase, \.gender, \.ageLow, \.ageHigh, \.specialisms] as [WritableKeyPath<Self, [UInt8]>] {
            self[keyPath: column].reserveCapacity(count)
        }
        providers.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { append(buffer[index]) }
        }
    }

    private mutating func append(_ provider: Provider) {
        kind.append(UInt8(provider.kind.caseIndex))
        sector.append(UInt8(provider.sector.caseIndex))
        let label = provider.subType
        if let id = subTypeIDs[label] {
            subType.append(id)
        } else {
            let id = UInt16(truncatingIfNeeded: subTypeIDs.count)
            subTypeIDs[label] = id
            subType.append(id)
        }
        var flags: Flags = []
        var cqc = Self.none, floors = Self.none, phase = Self.none, gender = Self.none
        var ageLow = Self.none, ageHigh = Self.none, specialisms = Self.none
        var cost = UInt32.max
        switch provider.details {
        case .school(let school):
            for floor in OfstedFloor.allCases where floor.admits(school.inspection) { floors |= 1 << floor.caseIndex }
            phase = UInt8(school.phase.caseIndex + 1)
            gender = UInt8(school.gender.caseIndex + 1)
            ageLow = UInt8(clamping: school.statutoryAges.lowerBound)
            ageHigh = UInt8(clamping: school.statutoryAges.upperBound)
            if school.isFaithSchool { flags.insert(.faithSchool) }
        case .care(let care):
            cqc = UInt8(care.assessment.overall?.rawValue ?? 0)
            if care.acceptsDirectPayments == true { flags.insert(.acceptsDirectPayments) }
            if care.onCouncilFramework == true { flags.insert(.onCouncilFramework) }
            if (care.vacancies ?? 0) > 0 { flags.insert(.hasVacancies) }
            for specialism in care.specialisms { specialisms |= 1 << specialism.caseIndex }
            if let weekly = WeeklyCost.of(care) { cost = UInt32(clamping: max(0, min(weekly.pence, Int64(UInt32.max - 1)))) }
        case .gp(let gp):
            cqc = UInt8(gp.assessment.overall?.rawValue ?? 0)
            if gp.acceptingNewPatients == true { flags.insert(.acceptingNewPatients) }
        case .other:
            break
        }
        self.cqc.append(cqc)
        ofstedFloors.append(floors)
        self.flags.append(flags)
        self.phase.append(phase)
        self.gender.append(gender)
        self.ageLow.append(ageLow)
        self.ageHigh.append(ageHigh)
        self.specialisms.append(specialisms)
        self.cost.append(cost)
        rating.append(Int8(RatingOrder.key(for: provider) ?? -1))
        results.append(Int16(clamping: ResultsOrder.key(for: provider) ?? -1))
        attainment8.append(Int16(clamping: provider.school?.ks4Attainment8.map { Int($0.tenths) } ?? -1))
    }
}

/// A query's filters resolved once against the columns, then checked per provider.
struct CompiledFilters {
    private let subTypes: Set<UInt16>?
    private let sectors: UInt8
    private let minimumCQC: UInt8
    private let ofstedBit: UInt8
    private let required: QueryColumns.Flags
    private let excluded: QueryColumns.Flags
    private let phases: UInt16
    private let genders: UInt8
    private let childAge: UInt8?
    private let specialisms: UInt8
    /// Filters only schools can meet, or only care/GP/… can meet, exclude other kinds.
    private let allowedKinds: UInt8

    init(_ filters: ProviderFilters, columns: QueryColumns) {
        subTypes = filters.subTypes.isEmpty ? nil : Set(filters.subTypes.map { columns.subTypeIDs[$0] ?? UInt16.max })
        sectors = filters.sectors.reduce(0) { $0 | 1 << UInt8($1.caseIndex) }
        minimumCQC = UInt8(filters.minimumCQC?.rawValue ?? 0)
        ofstedBit = filters.minimumOfsted.map { 1 << UInt8($0.caseIndex) } ?? 0
        var required: QueryColumns.Flags = []
        if filters.acceptingNewPatientsOnly { required.insert(.acceptingNewPatients) }
        if filters.acceptsDirectPaymentsOnly { required.insert(.acceptsDirectPayments) }
        if filters.onCouncilFrameworkOnly { required.insert(.onCouncilFramework) }
        if filters.withVacanciesOnly { required.insert(.hasVacancies) }
        if filters.faith == .faithSchoolsOnly { required.insert(.faithSchool) }
        self.required = required
        excluded = filters.faith == .noReligiousCharacter ? .faithSchool : []
        phases = filters.phases.reduce(0) { $0 | 1 << UInt16($1.caseIndex + 1) }
        genders = filters.genders.reduce(0) { $0 | 1 << UInt8($1.caseIndex + 1) }
        childAge = filters.childAge.map { UInt8(clamping: $0) }
        specialisms = filters.specialisms.reduce(0) { $0 | 1 << UInt8($1.caseIndex) }

        func bit(_ kind: ProviderKind) -> UInt8 { 1 << UInt8(kind.caseIndex) }
        var kinds: UInt8 = 0xFF
        let schoolOnly = filters.minimumOfsted != nil || !filters.phases.isEmpty || !filters.genders.isEmpty
            || filters.faith != nil || filters.childAge != nil || !filters.religiousCharacters.isEmpty
        if schoolOnly { kinds &= bit(.school) }
        if filters.minimumCQC != nil { kinds &= bit(.care) | bit(.gp) }
        if filters.acceptingNewPatientsOnly || filters.coversHomeOnly { kinds &= bit(.gp) }
        if filters.acceptsDirectPaymentsOnly || filters.onCouncilFrameworkOnly || filters.withVacanciesOnly
            || !filters.specialisms.isEmpty { kinds &= bit(.care) }
        allowedKinds = kinds
    }

    func admits(_ index: Int, _ columns: QueryColumns) -> Bool {
        guard allowedKinds & (1 << columns.kind[index]) != 0 else { return false }
        if let subTypes, !subTypes.contains(columns.subType[index]) { return false }
        if sectors != 0, sectors & (1 << columns.sector[index]) == 0 { return false }
        if minimumCQC != 0, columns.cqc[index] < minimumCQC { return false }
        if ofstedBit != 0, columns.ofstedFloors[index] & ofstedBit == 0 { return false }
        let flags = columns.flags[index]
        if !flags.isSuperset(of: required) || !flags.isDisjoint(with: excluded) { return false }
        if phases != 0, phases & (1 << UInt16(columns.phase[index])) == 0 { return false }
        if genders != 0, genders & (1 << columns.gender[index]) == 0 { return false }
        if let childAge, childAge < columns.ageLow[index] || childAge > columns.ageHigh[index] { return false }
        if specialisms != 0, columns.specialisms[index] & specialisms != specialisms { return false }
        return true
    }
}
