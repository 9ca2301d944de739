/// The catalog's index in a snapshot: every part as a flat array of fixed-width numbers, copied
/// back whole at launch. Reading checks that every number later used as a position or a case
/// stays in range, so a damaged index is refused rather than trusted.
enum IndexCoding {
    static func write(_ stored: CatalogIndex.Stored, _ out: inout SnapshotWriter) {
        out.integers(stored.ids.bytes)
        out.integers(stored.ids.ends)
        out.integers(stored.ids.slots)
        out.varint(UInt64(stored.positionsByKind.count))
        for positions in stored.positionsByKind { out.integers(positions) }
        out.integers(stored.vectors.flatMap { [$0.x.bitPattern, $0.y.bitPattern, $0.z.bitPattern] })
        out.integers(stored.nameRank)
        writeColumns(stored.columns, &out)
        let search = stored.search.parts
        out.integers(search.tokenBytes)
        out.integers(search.tokenEnds)
        out.integers(search.starts)
        out.integers(search.postings)
        out.integers(stored.namesakes)
    }

    static func read(_ input: inout SnapshotReader, count: Int) throws(SnapshotReader.Corrupt) -> CatalogIndex.Stored {
        let ids = ProviderIDTable(bytes: try input.integers(UInt8.self), ends: try input.integers(UInt32.self),
                                  slots: try input.integers(Int32.self))
        guard ids.isConsistent(count: count) else { throw SnapshotReader.Corrupt() }
        let kinds = try input.count(limit: 16)
        guard kinds == ProviderKind.allCases.count else { throw SnapshotReader.Corrupt() }
        var positionsByKind: [[Int32]] = []
        var total = 0
        for _ in 0..<kinds {
            let positions = try input.integers(Int32.self)
            guard positions.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw SnapshotReader.Corrupt() }
            total += positions.count
            positionsByKind.append(positions)
        }
        guard total == count else { throw SnapshotReader.Corrupt() }
        let vectors = try readVectors(&input, count: count)
        let nameRank = try input.integers(UInt32.self)
        guard nameRank.count == count, nameRank.allSatisfy({ Int($0) < count }) else { throw SnapshotReader.Corrupt() }
        let columns = try readColumns(&input, count: count)
        let search = SearchIndex(parts: SearchIndex.Parts(tokenBytes: try input.integers(UInt8.self),
                                                          tokenEnds: try input.integers(UInt32.self),
                                                          starts: try input.integers(Int32.self),
                                                          postings: try input.integers(Int32.self)),
                                 providerCount: count)
        guard search.isConsistent else { throw SnapshotReader.Corrupt() }
        let namesakes = try input.integers(Int32.self)
        guard namesakes.allSatisfy({ $0 >= 0 && Int($0) < count }) else { throw SnapshotReader.Corrupt() }
        return CatalogIndex.Stored(ids: ids, positionsByKind: positionsByKind, vectors: vectors, nameRank: nameRank,
                                   columns: columns, search: search, namesakes: namesakes)
    }

    /// Points on the unit sphere only: a NaN or infinite coordinate would poison every distance.
    private static func readVectors(_ input: inout SnapshotReader, count: Int) throws(SnapshotReader.Corrupt) -> [UnitVector] {
        let bits = try input.integers(UInt64.self)
        guard bits.count == count * 3 else { throw SnapshotReader.Corrupt() }
        var vectors: [UnitVector] = []
        vectors.reserveCapacity(count)
        for index in 0..<count {
            let vector = UnitVector(x: Double(bitPattern: bits[index * 3]), y: Double(bitPattern: bits[index * 3 + 1]),
                                    z: Double(bitPattern: bits[index * 3 + 2]))
            let length = vector.x * vector.x + vector.y * vector.y + vector.z * vector.z
            guard length.isFinite, abs(length - 1) < 1e-6 else { throw SnapshotReader.Corrupt() }
            vectors.append(vector)
        }
        return vectors
    }

    private static func writeColumns(_ columns: QueryColumns, _ out: inout SnapshotWriter) {
        out.integers(columns.kind)
        out.integers(columns.sector)
        out.integers(columns.subType)
        let labels = columns.subTypeIDs.sorted { $0.value < $1.value }.map(\.key)
        out.list(labels) { $0.uniqueString($1) }
        out.integers(columns.cqc)
        out.integers(columns.ofstedFloors)
        out.integers(columns.flags.map(\.rawValue))
        out.integers(columns.phase)
        out.integers(columns.gender)
        out.integers(columns.ageLow)
        out.integers(columns.ageHigh)
        out.integers(columns.specialisms)
        out.integers(columns.rating)
        out.integers(columns.results)
        out.integers(columns.attainment8)
        out.integers(columns.cost)
    }

    private static func readColumns(_ input: inout SnapshotReader, count: Int) throws(SnapshotReader.Corrupt) -> QueryColumns {
        var columns = QueryColumns(providers: [])
        func sized<T>(_ values: [T]) throws(SnapshotReader.Corrupt) -> [T] {
            guard values.count == count else { throw SnapshotReader.Corrupt() }
            return values
        }
        columns.kind = try sized(input.integers(UInt8.self))
        columns.sector = try sized(input.integers(UInt8.self))
        guard columns.kind.allSatisfy({ Int($0) < ProviderKind.allCases.count }),
              columns.sector.allSatisfy({ Int($0) < Sector.allCases.count }) else { throw SnapshotReader.Corrupt() }
        columns.subType = try sized(input.integers(UInt16.self))
        let labels = try input.list { (reader: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try reader.uniqueString() }
        guard labels.count <= Int(UInt16.max), Set(labels).count == labels.count,
              columns.subType.allSatisfy({ Int($0) < labels.count }) else { throw SnapshotReader.Corrupt() }
        for (number, label) in labels.enumerated() { columns.subTypeIDs[label] = UInt16(number) }
        columns.cqc = try sized(input.integers(UInt8.self))
        columns.ofstedFloors = try sized(input.integers(UInt8.self))
        columns.flags = try sized(input.integers(UInt16.self)).map(QueryColumns.Flags.init(rawValue:))
        columns.phase = try sized(input.integers(UInt8.self))
        columns.gender = try sized(input.integers(UInt8.self))
        columns.ageLow = try sized(input.integers(UInt8.self))
        columns.ageHigh = try sized(input.integers(UInt8.self))
        columns.specialisms = try sized(input.integers(UInt8.self))
        columns.rating = try sized(input.integers(Int8.self))
        columns.results = try sized(input.integers(Int16.self))
        columns.attainment8 = try sized(input.integers(Int16.self))
        columns.cost = try sized(input.integers(UInt32.self))
        return columns
    }
}
