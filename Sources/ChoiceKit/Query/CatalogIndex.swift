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

    /// `positionByID` comes from the loader, which built it while checking for duplicate ids.
    init(providers: [Provider], positionByID: [String: Int32], postcodes: [Manifest.PostcodeEntry]) {
        self.positionByID = positionByID
        var postcodeTable: [String: Manifest.PostcodeEntry] = [:]
        postcodeTable.reserveCapacity(postcodes.count)
        for entry in postcodes { postcodeTable[entry.postcode] = entry }
        self.postcodes = postcodeTable
        // The search index and the rest are independent: build them on two threads.
        let parts = IndexParts()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                parts.search = SearchIndex(providers: providers)
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
                parts.nameRank = NameRanking.ranks(of: providers)
                parts.columns = QueryColumns(providers: providers)
            }
        }
        positionsByKind = parts.positionsByKind
        vectors = parts.vectors
        nameRank = parts.nameRank
        columns = parts.columns
        search = parts.search
    }

    private static func kindSlot(_ kind: ProviderKind) -> Int {
        kind.caseIndex
    }

    public func position(ofID id: String) -> Int? { positionByID[id].map(Int.init) }

    public func positions(of kind: ProviderKind) -> [Int32] { positionsByKind[Self.kindSlot(kind)] }

    public func postcode(_ canonical: String) -> Manifest.PostcodeEntry? { postcodes[canonical] }
}

/// Name order without comparing whole strings: radix sort on the first eight folded characters,
/// then the next eight within runs that tie, then full text only where sixteen characters tie.
enum NameRanking {
    static func ranks(of providers: [Provider]) -> [UInt32] {
        let count = providers.count
        var keys = [UInt64](repeating: 0, count: count)
        providers.withUnsafeBufferPointer { buffer in
            for index in buffer.indices { keys[index] = TextFolding.sortKey(buffer[index].name) }
        }
        var order = (0..<UInt32(count)).map { $0 }
        RadixSort.sort(keys: &keys, values: &order)
        var start = 0
        while start < count {
            var end = start + 1
            while end < count, keys[end] == keys[start] { end += 1 }
            if end - start > 1 { settleTies(&order, start..<end, providers) }
            start = end
        }
        var rank = [UInt32](repeating: 0, count: count)
        for (place, position) in order.enumerated() { rank[Int(position)] = place.toUInt32 }
        return rank
    }

    private static func settleTies(_ order: inout [UInt32], _ range: Range<Int>, _ providers: [Provider]) {
        var members = order[range].map { position -> (UInt64, UInt32) in
            (TextFolding.sortKey(providers[Int(position)].name, skipping: 8), position)
        }
        members.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var start = 0
        while start < members.count {
            var end = start + 1
            while end < members.count, members[end].0 == members[start].0 { end += 1 }
            if end - start > 1 {
                // Rare: sixteen folded characters alike. Compare whole names, then ids.
                let tied = members[start..<end].map { member -> (String, String, UInt32) in
                    let provider = providers[Int(member.1)]
                    return (provider.name.lowercased(), provider.id, member.1)
                }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                for (offset, entry) in tied.enumerated() { members[start + offset].1 = entry.2 }
            }
            start = end
        }
        for (offset, member) in members.enumerated() { order[range.lowerBound + offset] = member.1 }
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
}
