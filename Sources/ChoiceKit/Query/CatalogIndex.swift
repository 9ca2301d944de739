import Dispatch
import Foundation

/// Everything worked out once at load so queries stay fast at 100,000 providers. Every part is a
/// flat array, so a snapshot stores them as they are and a launch reads them back without
/// rebuilding anything.
public struct CatalogIndex: Sendable {
    /// The parts a snapshot stores (all but the postcodes, which come with the manifest).
    struct Stored: Sendable {
        var ids: ProviderIDTable
        var positionsByKind: [[Int32]]
        var vectors: [UnitVector]
        var nameRank: [UInt32]
        var columns: QueryColumns
        var search: SearchIndex
        /// Ascending positions of providers whose exact name another provider also has.
        var namesakes: [Int32]
    }

    let stored: Stored
    private let postcodes: PostcodeTable
    /// Ids used more than once (a catalog with any is not loaded).
    let duplicateIDs: [ProviderIDTable.Duplicate]

    var vectors: [UnitVector] { stored.vectors }
    /// Each provider's place in name order (folded, then exact text, then id).
    var nameRank: [UInt32] { stored.nameRank }
    var columns: QueryColumns { stored.columns }
    public var search: SearchIndex { stored.search }

    /// Built from providers loaded from the files; `nameKeys`, when given, are their names' order
    /// keys in the same order (else they are made here).
    init(providers: [Provider], postcodes: [Manifest.PostcodeEntry], nameKeys: NameKeys? = nil) {
        self.postcodes = PostcodeTable.madeElsewhere(postcodes)
        // The parts are independent: built as four pieces of work, the largest first, which the
        // cores take as they come free (two fixed halves left one core idle a third of the time).
        let parts = IndexParts()
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            switch part {
            case 0:
                parts.search = SearchIndex(providers: providers)
            case 1:
                let keys = nameKeys.flatMap { $0.count == providers.count ? $0 : nil } ?? NameKeys(providers.map(\.name))
                let ranks = NameRanking.ranks(of: providers, keys: keys)
                parts.nameRank = ranks
                parts.namesakes = NameRanking.namesakes(of: providers, ranks: ranks, keys: keys)
            case 2:
                parts.columns = QueryColumns(providers: providers)
            default:
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
                let ids = ProviderIDTable.build(providers.map(\.id))
                parts.ids = ids.table
                parts.duplicateIDs = ids.duplicates
            }
        }
        stored = Stored(ids: parts.ids, positionsByKind: parts.positionsByKind, vectors: parts.vectors,
                        nameRank: parts.nameRank, columns: parts.columns, search: parts.search,
                        namesakes: parts.namesakes)
        duplicateIDs = parts.duplicateIDs
    }

    /// Read back from a snapshot (checked for consistency by its reader). The postcodes' table
    /// is made on another thread (as for a catalog from its files): the catalog is searchable
    /// without it, and its first use waits for it if need be.
    init(stored: Stored, postcodes: [Manifest.PostcodeEntry]) {
        self.stored = stored
        self.postcodes = PostcodeTable.madeElsewhere(postcodes)
        duplicateIDs = []
    }

    public func hasNamesake(_ position: Int) -> Bool {
        let namesakes = stored.namesakes
        var low = 0, high = namesakes.count
        while low < high {
            let mid = (low + high) / 2
            if Int(namesakes[mid]) < position { low = mid + 1 } else { high = mid }
        }
        return low < namesakes.count && Int(namesakes[low]) == position
    }

    public func position(ofID id: String) -> Int? { stored.ids.position(of: id) }

    public func positions(of kind: ProviderKind) -> [Int32] { stored.positionsByKind[kind.caseIndex] }

    public func postcode(_ canonical: String) -> Manifest.PostcodeEntry? { postcodes.entry(canonical) }
}

/// Name order: every name folded once; radix sorts on the first sixteen folded bytes (the second
/// eight, then the first eight, both stable), then byte comparisons only within runs that share
/// all sixteen; names alike to the end go by id.
enum NameRanking {
    /// `keys` are the providers' names' keys, in the same order. Keys only: the folded names
    /// themselves are made again for the few runs that need them, rather than kept for all (they
    /// would be a tenth of the load's peak memory).
    static func ranks(of providers: [Provider], keys: NameKeys) -> [UInt32] {
        let count = providers.count
        var first = keys.first
        var second = keys.second
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
                // Names alike in their first sixteen bytes (many "St Mary's …" share far more): the
                // whole folded names, then ids, each taken once rather than in every comparison.
                var members = order[start..<end].map { position in
                    let provider = providers[Int(position)]
                    return (position: position, name: TextFolding.foldedForOrder(provider.name), id: provider.id)
                }
                members.sort { left, right in
                    let byName = Self.compare(left.name, right.name)
                    return byName != 0 ? byName < 0 : left.id < right.id
                }
                for (offset, entry) in members.enumerated() { order[start + offset] = entry.position }
            }
            start = end
        }
        var rank = [UInt32](repeating: 0, count: count)
        for (place, position) in order.enumerated() { rank[Int(position)] = place.toUInt32 }
        return rank
    }
}

extension NameRanking {
    /// Negative, zero or positive as `left` orders before, with or after `right`, byte by byte.
    static func compare(_ left: [UInt8], _ right: [UInt8]) -> Int {
        let common = min(left.count, right.count)
        let order = left.withUnsafeBufferPointer { leftBytes in
            right.withUnsafeBufferPointer { rightBytes in
                guard common > 0, let leftStart = leftBytes.baseAddress, let rightStart = rightBytes.baseAddress else { return Int32(0) }
                return memcmp(leftStart, rightStart, common)
            }
        }
        return order != 0 ? Int(order) : left.count - right.count
    }

    /// Same names sit next to each other in name order, so comparing neighbours finds them all;
    /// neighbours whose keys differ cannot share a name, so only alike keys send it to the names.
    static func namesakes(of providers: [Provider], ranks: [UInt32], keys: NameKeys) -> [Int32] {
        guard ranks.count == providers.count, keys.count == providers.count, providers.count > 1 else { return [] }
        var order = [Int32](repeating: 0, count: ranks.count)
        for (position, rank) in ranks.enumerated() where Int(rank) < order.count { order[Int(rank)] = Int32(position) }
        var found: Set<Int32> = []
        for place in 1..<order.count {
            let previous = Int(order[place - 1]), current = Int(order[place])
            guard keys.first[previous] == keys.first[current], keys.second[previous] == keys.second[current] else { continue }
            if providers[previous].name == providers[current].name {
                found.insert(Int32(previous))
                found.insert(Int32(current))
            }
        }
        return found.sorted()
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
    var ids = ProviderIDTable.build([]).table
    var duplicateIDs: [ProviderIDTable.Duplicate] = []
    var namesakes: [Int32] = []
}
