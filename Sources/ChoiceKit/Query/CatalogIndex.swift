/// Everything worked out once at load so queries stay fast at 100,000 providers.
public struct CatalogIndex: Sendable {
    private let positionByID: [String: Int32]
    private let positionsByKind: [[Int32]]
    private let postcodes: [String: Manifest.PostcodeEntry]
    /// Unit vectors of provider locations (see `UnitVector`).
    let vectors: [UnitVector]
    /// Each provider's place in name order (folded, then exact text, then id).
    let nameRank: [UInt32]
    public let search: SearchIndex

    init(providers: [Provider], postcodes: [Manifest.PostcodeEntry] = []) {
        var byID: [String: Int32] = [:]
        byID.reserveCapacity(providers.count)
        var byKind = [[Int32]](repeating: [], count: ProviderKind.allCases.count)
        var vectors: [UnitVector] = []
        vectors.reserveCapacity(providers.count)
        var nameKeys: [UInt64] = []
        nameKeys.reserveCapacity(providers.count)
        for (position, provider) in providers.enumerated() {
            byID[provider.id] = Int32(position)
            byKind[Self.kindSlot(provider.kind)].append(Int32(position))
            vectors.append(provider.location.unitVector)
            nameKeys.append(TextFolding.sortKey(provider.name))
        }
        positionByID = byID
        positionsByKind = byKind
        self.vectors = vectors
        nameRank = Self.rankNames(providers, keys: nameKeys)
        var postcodeTable: [String: Manifest.PostcodeEntry] = [:]
        for entry in postcodes { postcodeTable[entry.postcode] = entry }
        self.postcodes = postcodeTable
        search = SearchIndex(providers: providers)
    }

    private static func kindSlot(_ kind: ProviderKind) -> Int {
        ProviderKind.allCases.firstIndex(of: kind) ?? 0
    }

    /// Radix-sorts by the 8-byte folded prefix, then settles runs of equal prefixes by full comparison.
    private static func rankNames(_ providers: [Provider], keys: [UInt64]) -> [UInt32] {
        var sortKeys = keys
        var order = (0..<UInt32(providers.count)).map { $0 }
        RadixSort.sort(keys: &sortKeys, values: &order)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, sortKeys[end] == sortKeys[start] { end += 1 }
            if end - start > 1 {
                order[start..<end].sort { left, right in
                    let a = providers[Int(left)], b = providers[Int(right)]
                    let foldedA = a.name.lowercased(), foldedB = b.name.lowercased()
                    if foldedA != foldedB { return foldedA < foldedB }
                    return a.id < b.id
                }
            }
            start = end
        }
        var rank = [UInt32](repeating: 0, count: providers.count)
        for (place, position) in order.enumerated() { rank[Int(position)] = UInt32(place) }
        return rank
    }

    public func position(ofID id: String) -> Int? { positionByID[id].map(Int.init) }

    public func positions(of kind: ProviderKind) -> [Int32] { positionsByKind[Self.kindSlot(kind)] }

    public func postcode(_ canonical: String) -> Manifest.PostcodeEntry? { postcodes[canonical] }
}
