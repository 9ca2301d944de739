extension Catalog {
    /// Runs a query: text match, kind, filters, then sort. Providers with no value for the sort field
    /// ("not published") always come last, whichever way the sort goes.
    public func run(_ query: ProviderQuery) -> QueryResult {
        var candidates: [Int32]
        if let matched = index.search.matches(query.text) {
            candidates = matched
            if let kind = query.kind { candidates.removeAll { providers[Int($0)].kind != kind } }
        } else if let kind = query.kind {
            candidates = index.positions(of: kind)
        } else {
            candidates = Array(0..<Int32(providers.count))
        }
        let filters = query.filters
        let originVector = query.origin?.unitVector
        var chordLimit: Double?
        if let metres = filters.maximumDistanceMetres, originVector != nil {
            chordLimit = UnitVector.chordSquared(metres: metres)
        }
        if !filters.isEmpty {
            candidates.removeAll { position in
                let index = Int(position)
                if let chordLimit, let originVector, index < self.index.vectors.count,
                   self.index.vectors[index].chordSquared(to: originVector) > chordLimit { return true }
                return !filters.admits(providers[index])
            }
        }
        let sorted = sort(candidates, by: query.sort, from: originVector)
        return QueryResult(positions: sorted, origin: query.origin)
    }

    /// Straight-line metres from a point to a provider.
    public func distance(from origin: GeoPoint, toProviderAt position: Int) -> Double {
        UnitVector.metres(chordSquared: index.vectors[position].chordSquared(to: origin.unitVector))
    }

    private func sort(_ positions: [Int32], by order: SortOrder, from origin: UnitVector?) -> [Int32] {
        guard positions.count > 1 else { return positions }
        let missing: UInt64 = 0xFFFF_FFFF
        var keys = [UInt64](repeating: 0, count: positions.count)
        var values = [UInt32](repeating: 0, count: positions.count)
        let field = order.field == .distance && origin == nil ? .name : order.field
        let ascending = field == order.field ? order.ascending : true
        for (slot, position) in positions.enumerated() {
            let index = Int(position)
            let rank = UInt64(self.index.nameRank[index])
            var primary: UInt64
            if field == .name {
                primary = 0
            } else if let value = primaryKey(field, index, origin) {
                primary = ascending ? UInt64(value) : 0xFFFF_FFFE - UInt64(value)
            } else {
                primary = missing
            }
            let secondary = field == .name && !ascending ? UInt64(UInt32.max) - rank : rank
            keys[slot] = primary << 32 | secondary
            values[slot] = UInt32(position)
        }
        RadixSort.sort(keys: &keys, values: &values)
        return values.map { Int32($0) }
    }

    /// The sort field as a 32-bit number where smaller reads first in the field's natural order
    /// (nearer, cheaper, worse rating, lower results); nil when the provider has no value.
    private func primaryKey(_ field: SortField, _ index: Int, _ origin: UnitVector?) -> UInt32? {
        let provider = providers[index]
        switch field {
        case .name:
            return 0
        case .distance:
            guard let origin else { return nil }
            // Non-negative floats order like their bit patterns.
            return Float(self.index.vectors[index].chordSquared(to: origin)).bitPattern
        case .rating:
            return RatingOrder.key(for: provider).map(UInt32.init)
        case .cost:
            guard let care = provider.care, let price = care.selfFunderPrice else { return nil }
            let unitOrder: UInt32 = care.priceUnit == .hour ? 0 : care.priceUnit == .day ? 1 : 2
            return unitOrder << 28 | UInt32(min(price.pence, (1 << 28) - 1))
        case .results:
            return ResultsOrder.key(for: provider).map(UInt32.init)
        }
    }
}

/// One ordering of quality across kinds, used by the rating sort.
public enum RatingOrder {
    /// Higher is better. Schools: report cards by their lowest area grade, each just above the older
    /// single-word grade paired with it in `OfstedFloor`.
    public static func key(for provider: Provider) -> Int? {
        switch provider.details {
        case .school(let school):
            switch school.inspection {
            case .reportCard(let card):
                guard let lowest = card.lowestGrade else { return nil }
                return card.safeguardingMet ? lowest.rawValue * 2 : 1
            case .historical(let grade, _):
                let floor = OfstedFloor.allCases.last { $0.historicalGrade == grade }
                return (floor?.rawValue ?? 1) * 2 - 1
            case .ungraded, .notYetInspected:
                return nil
            }
        case .care(let care): return care.assessment.overall?.rawValue
        case .gp(let gp): return gp.assessment.overall?.rawValue
        case .other: return nil
        }
    }
}

/// The results sort: higher is better.
public enum ResultsOrder {
    /// Schools: Attainment 8 (secondary) or KS2 % (primary), both out of about 100 in tenths.
    /// GP practices: the patient survey's % good experience.
    public static func key(for provider: Provider) -> Int? {
        switch provider.details {
        case .school(let school):
            if school.phase.takesKS4, let a8 = school.ks4Attainment8 { return Int(a8.tenths) }
            return school.ks2ExpectedStandard.map { Int($0.tenths) }
        case .gp(let gp): return gp.surveyGoodExperience.map { Int($0.tenths) }
        case .care, .other: return nil
        }
    }
}

extension ProviderFilters {
    /// Every filter except distance (which the engine applies with precomputed vectors).
    public func admits(_ provider: Provider) -> Bool {
        if !subTypes.isEmpty, !subTypes.contains(provider.subType) { return false }
        if !sectors.isEmpty, !sectors.contains(provider.sector) { return false }
        switch provider.details {
        case .school(let school):
            if minimumCQC != nil || acceptingNewPatientsOnly || acceptsDirectPaymentsOnly || onCouncilFrameworkOnly
                || withVacanciesOnly || !specialisms.isEmpty { return false }
            if let floor = minimumOfsted, !floor.admits(school.inspection) { return false }
            if !phases.isEmpty, !phases.contains(school.phase) { return false }
            if !genders.isEmpty, !genders.contains(school.gender) { return false }
            if let faith {
                if faith == .faithSchoolsOnly, !school.isFaithSchool { return false }
                if faith == .noReligiousCharacter, school.isFaithSchool { return false }
            }
            if let age = childAge, !school.statutoryAges.contains(age) { return false }
        case .care(let care):
            if !schoolFiltersOff || acceptingNewPatientsOnly { return false }
            if let minimum = minimumCQC, (care.assessment.overall ?? .inadequate) < minimum || care.assessment.overall == nil { return false }
            if acceptsDirectPaymentsOnly, care.acceptsDirectPayments != true { return false }
            if onCouncilFrameworkOnly, care.onCouncilFramework != true { return false }
            if withVacanciesOnly, (care.vacancies ?? 0) == 0 { return false }
            if !specialisms.isSubset(of: care.specialisms) { return false }
        case .gp(let gp):
            if !schoolFiltersOff || acceptsDirectPaymentsOnly || onCouncilFrameworkOnly || withVacanciesOnly
                || !specialisms.isEmpty { return false }
            if let minimum = minimumCQC, (gp.assessment.overall ?? .inadequate) < minimum || gp.assessment.overall == nil { return false }
            if acceptingNewPatientsOnly, gp.acceptingNewPatients != true { return false }
        case .other:
            if !schoolFiltersOff || minimumCQC != nil || acceptingNewPatientsOnly || acceptsDirectPaymentsOnly
                || onCouncilFrameworkOnly || withVacanciesOnly || !specialisms.isEmpty { return false }
        }
        return true
    }

    /// A filter that only schools can meet excludes every other kind.
    private var schoolFiltersOff: Bool {
        minimumOfsted == nil && phases.isEmpty && genders.isEmpty && faith == nil && childAge == nil
    }
}
