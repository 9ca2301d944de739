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
    /// A snapshot supplies the expensive parts (search index and name order) ready-made.
    init(providers: [Provider], positionByID: [String: Int32], postcodes: [Manifest.PostcodeEntry],
         prebuilt: (search: SearchIndex, nameRank: [UInt32])? = nil) {
        self.positionByID = positionByID
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
                parts.nameRank = prebuilt?.nameRank ?? NameRanking.ranks(of: providers)
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

    /// Orders a run of names whose first `offset` folded characters agree, eight characters at a
    /// time, so whole names are never compared as strings. Names alike to the end go by id.
    private static func settleTies(_ order: inout [UInt32], _ range: Range<Int>, _ providers: [Provider], offset: Int = 8) {
        var members = order[range].map { position in
            (key: TextFolding.sortKey(providers[Int(position)].name, skipping: offset), position: position)
        }
        let exhausted = members.allSatisfy { $0.key == 0 }
        if exhausted {
            members.sort { providers[Int($0.position)].id < providers[Int($1.position)].id }
        } else {
            members.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        }
        for (index, member) in members.enumerated() { order[range.lowerBound + index] = member.position }
        guard !exhausted, offset < 256 else { return }
        var start = 0
        while start < members.count {
            var end = start + 1
            while end < members.count, members[end].key == members[start].key { end += 1 }
            if end - start > 1 {
                settleTies(&order, (range.lowerBound + start)..<(range.lowerBound + end), providers, offset: offset + 8)
            }
            start = end
        }
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
