import Dispatch

/// Everything worked out once at load so queries stay fast at 100,000 providers.
public struct CatalogIndex: Sendable {
    private let positionByID: [String: Int32]
    private let positionsByKind: [[Int32]]
    private let postcodes: [String: Manifest.PostcodeEntry]
    /// Unit vectors of provider locations (see `UnitVector`).
    let vectors: [UnitVector]
    /// Each provider's place in name order (folded, then exact text, then id).
    let nameRank: [UInt32]
    let columns: QueryColumns
    public let search: SearchIndex
    /// Positions of providers whose exact name another provider also has: lists show their town.
    let namesakes: Set<Int32>
    /// Ids used more than once (a catalog with any is not loaded).
    let duplicateIDs: [DuplicateID]

    struct DuplicateID: Sendable {
        let first: Int32
        let again: Int32
    }

    /// Position by id, and every later use of an id already seen.
    static func idMap(of providers: [Provider]) -> (map: [String: Int32], duplicates: [DuplicateID]) {
        var map: [String: Int32] = [:]
        map.reserveCapacity(providers.count)
        var duplicates: [DuplicateID] = []
        for (position, provider) in providers.enumerated() {
            if let first = map[provider.id] {
                duplicates.append(DuplicateID(first: first, again: Int32(position)))
            } else {
                map[provider.id] = Int32(position)
            }
        }
        return (map, duplicates)
    }

    /// Without `positionByID`, the id map is built here alongside the other parts. A snapshot
    /// supplies the expensive parts (search index and name order) ready-made.
    init(providers: [Provider], positionByID: [String: Int32]?, postcodes: [Manifest.PostcodeEntry],
         prebuilt: (search: SearchIndex, nameRank: [UInt32])? = nil) {
        var postcodeTable: [String: Manifest.PostcodeEntry] = [:]
        postcodeTable.reserveCapacity(postcodes.count)
        for entry in postcodes { postcodeTable[entry.postcode] = entry }
        self.postcodes = postcodeTable
        // The search index and the rest are independent: build them on two threads.
        let parts = IndexParts()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                parts.search = prebuilt?.search ?? SearchIndex(providers: providers)
            } else {
                var byKind = [[Int32]](repeating: [], count: ProviderKind.allCases.count)
                var vectors: [UnitVector] = []
                vectors.reserveCapacity(providers.count)
                providers.withUnsafeBufferPointer { buffer in
                    for position in buffer.indices {
                        byKind[buffer[position].kind.caseIndex].append(Int32(position))
                        vectors.append(buffer[position].location.unitVector)
                    }
                }
                parts.positionsByKind = byKind
                parts.vectors = vectors
                if positionByID == nil {
                    let ids = Self.idMap(of: providers)
                    parts.positionByID = ids.map
                    parts.duplicateIDs = ids.duplicates
                }
                parts.nameRank = prebuilt?.nameRank ?? NameRanking.ranks(of: providers)
                parts.namesakes = NameRanking.namesakes(of: providers, ranks: parts.nameRank)
                parts.columns = QueryColumns(providers: providers)
            }
        }
        self.positionByID = positionByID ?? parts.positionByID
        duplicateIDs = parts.duplicateIDs
        positionsByKind = parts.positionsByKind
        vectors = parts.vectors
        nameRank = parts.nameRank
        columns = parts.columns
        search = parts.search
        namesakes = parts.namesakes
    }

    public func hasNamesake(_ position: Int) -> Bool { namesakes.contains(Int32(truncatingIfNeeded: position)) }

    private static func kindSlot(_ kind: ProviderKind) -> Int {
        kind.caseIndex
    }

    public func position(ofID id: String) -> Int? { positionByID[id].map(Int.init) }

    public func positions(of kind: ProviderKind) -> [Int32] { positionsByKind[Self.kindSlot(kind)] }

    public func postcode(_ canonical: String) -> Manifest.PostcodeEntry? { postcodes[canonical] }
}

/// Name order: every name folded once; radix sorts on the first sixteen folded bytes (the second
/// eight, then the first eight, both stable), then byte comparisons only within runs that share
/// all sixteen; names alike to the end go by id.
enum NameRanking {
    static func ranks(of providers: [Provider]) -> [UInt32] {
        let count = providers.count
        func key(_ bytes: [UInt8], from start: Int) -> UInt64 {
            var key: UInt64 = 0
            for index in start..<(start + 8) { key = key << 8 | UInt64(index < bytes.count ? bytes[index] : 0) }
            return key
        }
        // Keys only: the folded names themselves are made again for the few runs that need them,
        // rather than kept for all (they would be a tenth of the load's peak memory).
        var first = [UInt64](repeating: 0, count: count)
        var second = [UInt64](repeating: 0, count: count)
        providers.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let folded = TextFolding.foldedForOrder(buffer[index].name)
                first[index] = key(folded, from: 0)
                second[index] = key(folded, from: 8)
            }
        }
        let secondByPosition = second
        var order = (0..<UInt32(count)).map { $0 }
        RadixSort.sort(keys: &second, values: &order)
        first = order.map { first[Int($0)] }
        RadixSort.sort(keys: &first, values: &order)
        second = order.map { secondByPosition[Int($0)] }
        var start = 0
        while start < count {
            var end = start + 1
            while end < count, first[end] == first[start], second[end] == second[start] { end += 1 }
            if end - start > 1 {
                let folded = order[start..<end].map { (position: $0, name: TextFolding.foldedForOrder(providers[Int($0)].name)) }
                let sorted = folded.sorted { left, right in
                    if left.name != right.name { return left.name.dropFirst(16).lexicographicallyPrecedes(right.name.dropFirst(16)) }
                    return providers[Int(left.position)].id < providers[Int(right.position)].id
                }
                for (offset, entry) in sorted.enumerated() { order[start + offset] = entry.position }
            }
            start = end
        }
        var rank = [UInt32](repeating: 0, count: count)
        for (place, position) in order.enumerated() { rank[Int(position)] = place.toUInt32 }
        return rank
    }
}

extension NameRanking {
    /// Same names sit next to each other in name order, so comparing neighbours finds them all.
    static func namesakes(of providers: [Provider], ranks: [UInt32]) -> Set<Int32> {
        guard ranks.count == providers.count, providers.count > 1 else { return [] }
        var order = [Int32](repeating: 0, count: ranks.count)
        for (position, rank) in ranks.enumerated() where Int(rank) < order.count { order[Int(rank)] = Int32(position) }
        var found: Set<Int32> = []
        for place in 1..<order.count {
            let previous = order[place - 1], current = order[place]
            if providers[Int(previous)].name == providers[Int(current)].name {
                found.insert(previous)
                found.insert(current)
            }
        }
        return found
    }
}

extension Int {
    fileprivate var toUInt32: UInt32 { UInt32(truncatingIfNeeded: self) }
}

/// Results of the two index-building threads; each field is written by one thread only, and read
/// after both have finished.
private final class IndexParts: @unchecked Sendable {
    var search = SearchIndex(providers: [])
    var positionsByKind: [[Int32]] = []
    var vectors: [UnitVector] = []
    var nameRank: [UInt32] = []
    var columns = QueryColumns(providers: [])
    var positionByID: [String: Int32] = [:]
    var duplicateIDs: [CatalogIndex.DuplicateID] = []
    var namesakes: Set<Int32> = []
}
