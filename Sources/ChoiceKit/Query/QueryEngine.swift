extension Catalog {
    /// Runs a query: text match, kind, filters, then sort. Providers with no value for the sort field
    /// ("not published") always come last, whichever way the sort goes.
    public func run(_ query: ProviderQuery) -> QueryResult {
        var candidates: [Int32]
        if let matched = index.search.matches(query.text) {
            candidates = matched
            if let kind = query.kind {
                let slot = UInt8(kind.caseIndex)
                let kinds = index.columns.kind
                candidates.removeAll { kinds[Int($0)] != slot }
            }
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
            let compiled = CompiledFilters(filters, columns: index.columns)
            let columns = index.columns
            let vectors = index.vectors
            // Covering a home depends on where the home is, so it is checked per query, on GP practices only.
            let coverage = filters.coversHomeOnly ? query.origin : nil
            let coverageUnknown = filters.coversHomeOnly && query.origin == nil
            let organisations = filters.organisations, faiths = filters.religiousCharacters
            candidates.removeAll { position in
                let row = Int(position)
                if let chordLimit, let originVector, vectors[row].chordSquared(to: originVector) > chordLimit { return true }
                guard compiled.admits(row, columns) else { return true }
                // Names from the catalog are checked on the provider itself, as only these filters need them.
                if !organisations.isEmpty, !organisations.contains(providers[row].organisation) { return true }
                if !faiths.isEmpty, !faiths.contains(providers[row].school?.religiousCharacter ?? "") { return true }
                if coverageUnknown { return true }
                if let coverage { return providers[row].gp?.catchment?.contains(coverage) != true }
                return false
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
    private func primaryKey(_ field: SortField, _ row: Int, _ origin: UnitVector?) -> UInt32? {
        switch field {
        case .name:
            return 0
        case .distance:
            guard let origin else { return nil }
            // Non-negative floats order like their bit patterns.
            return Float(index.vectors[row].chordSquared(to: origin)).bitPattern
        case .rating:
            let rating = index.columns.rating[row]
            return rating < 0 ? nil : UInt32(rating)
        case .cost:
            let cost = index.columns.cost[row]
            return cost == UInt32.max ? nil : cost
        case .ks2, .survey:
            let results = index.columns.results[row]
            return results < 0 ? nil : UInt32(results)
        case .attainment8:
            let score = index.columns.attainment8[row]
            return score < 0 ? nil : UInt32(score)
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

/// The KS2 and survey sorts: higher is better.
public enum ResultsOrder {
    /// Schools: KS2 % meeting the expected standard. GP practices: the patient survey's % good
    /// experience. Both in tenths of a percent.
    public static func key(for provider: Provider) -> Int? {
        switch provider.details {
        case .school(let school):
            return school.ks2ExpectedStandard.map { Int($0.tenths) }
        case .gp(let gp): return gp.surveyGoodExperience.map { Int($0.tenths) }
        case .care, .other: return nil
        }
    }
}
