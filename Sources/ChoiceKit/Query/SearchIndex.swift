/// Token-prefix search over name, organisation, town and postcode. Every query token must be the
/// start of some token of the provider ("st mar" finds "St Mary's"), folded for case and accents.
public struct SearchIndex: Sendable {
    /// Distinct tokens in byte order, so all tokens with a prefix form one run.
    private let tokens: [[UInt8]]
    /// Provider positions for each token, ascending.
    private let postings: [[Int32]]
    private let providerCount: Int

    init(providers: [Provider]) {
        providerCount = providers.count
        var tokenIDs: [[UInt8]: Int32] = [:]
        var byID: [[UInt8]] = []
        var lists: [[Int32]] = []
        tokenIDs.reserveCapacity(providers.count / 2)
        // Organisations, towns and postcodes repeat across providers: tokenise each once.
        var fieldCache: [String: [Int32]] = [:]

        func intern(_ token: UnsafeBufferPointer<UInt8>) -> Int32 {
            let key = Array(token)
            if let id = tokenIDs[key] { return id }
            let id = Int32(byID.count)
            tokenIDs[key] = id
            byID.append(key)
            lists.append([])
            return id
        }
        func ids(of text: String) -> [Int32] {
            var result: [Int32] = []
            TextFolding.forEachToken(text) { result.append(intern($0)) }
            return result
        }
        func cachedIDs(of text: String) -> [Int32] {
            if let cached = fieldCache[text] { return cached }
            let result = ids(of: text)
            fieldCache[text] = result
            return result
        }
        for (position, provider) in providers.enumerated() {
            let owner = Int32(position)
            func add(_ id: Int32) {
                if lists[Int(id)].last != owner { lists[Int(id)].append(owner) }
            }
            ids(of: provider.name).forEach(add)
            if !provider.organisation.isEmpty { cachedIDs(of: provider.organisation).forEach(add) }
            if !provider.town.isEmpty { cachedIDs(of: provider.town).forEach(add) }
            // "KM1 1AA" is found by "km1", "km1 1a" and "km11aa".
            cachedIDs(of: provider.postcode).forEach(add)
            cachedIDs(of: provider.postcode.replacingSpaces()).forEach(add)
        }
        let order = byID.indices.sorted { byID[$0].lexicographicallyPrecedes(byID[$1]) }
        tokens = order.map { byID[$0] }
        postings = order.map { lists[$0] }
    }

    /// Positions of providers matching every token of `query`, ascending; nil when the query has no
    /// tokens (no text filter at all).
    public func matches(_ query: String) -> [Int32]? {
        let queryTokens = TextFolding.tokens(query).map { Array($0.utf8) }
        guard !queryTokens.isEmpty else { return nil }
        // counts[p] == i means provider p matched the first i tokens.
        var counts = [UInt8](repeating: 0, count: providerCount)
        var survivors = 0
        for (step, token) in queryTokens.enumerated() where step < 255 {
            survivors = 0
            var index = lowerBound(token)
            while index < tokens.count, tokens[index].starts(with: token) {
                for position in postings[index] where counts[Int(position)] == UInt8(step) {
                    counts[Int(position)] = UInt8(step + 1)
                    survivors += 1
                }
                index += 1
            }
            if survivors == 0 { return [] }
        }
        let needed = UInt8(min(queryTokens.count, 255))
        var result: [Int32] = []
        result.reserveCapacity(survivors)
        for position in 0..<providerCount where counts[position] == needed { result.append(Int32(position)) }
        return result
    }

    private func lowerBound(_ token: [UInt8]) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].lexicographicallyPrecedes(token) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    public var distinctTokenCount: Int { tokens.count }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
