/// Token-prefix search over name, organisation, town and postcode. Every query token must be the
/// start of some token of the provider ("st mar" finds "St Mary's"), folded for case and accents.
public struct SearchIndex: Sendable {
    /// Distinct tokens in byte order, so all tokens with a prefix form one run: their bytes end to
    /// end, token i ending at `tokenEnds[i]`.
    private let tokenBytes: [UInt8]
    private let tokenEnds: [UInt32]
    /// Postings of token i (ascending provider positions) are `postings[starts[i]..<starts[i + 1]]`.
    private let starts: [Int32]
    private let postings: [Int32]
    private let providerCount: Int

    /// The parts a snapshot stores.
    struct Parts: Sendable {
        var tokenBytes: [UInt8]
        var tokenEnds: [UInt32]
        var starts: [Int32]
        var postings: [Int32]
    }

    /// Rebuilt from a snapshot's parts.
    init(parts: Parts, providerCount: Int) {
        tokenBytes = parts.tokenBytes
        tokenEnds = parts.tokenEnds
        starts = parts.starts
        postings = parts.postings
        self.providerCount = providerCount
    }

    var parts: Parts { Parts(tokenBytes: tokenBytes, tokenEnds: tokenEnds, starts: starts, postings: postings) }

    /// True when the parts fit together (a snapshot is checked before it is used).
    var isConsistent: Bool {
        starts.count == tokenEnds.count + 1 && starts.first == 0 && Int(starts.last ?? -1) == postings.count
            && Int(tokenEnds.last ?? 0) == tokenBytes.count
            && zip(tokenEnds, tokenEnds.dropFirst()).allSatisfy { $0 <= $1 }
            && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
            && postings.allSatisfy { $0 >= 0 && Int($0) < providerCount }
    }

    private var tokenCount: Int { tokenEnds.count }

    private func token(_ index: Int) -> ArraySlice<UInt8> {
        tokenBytes[(index == 0 ? 0 : Int(tokenEnds[index - 1]))..<Int(tokenEnds[index])]
    }

    init(providers: [Provider]) {
        providerCount = providers.count
        var builder = Builder()
        builder.pairs.reserveCapacity(providers.count * 12)
        providers.withUnsafeBufferPointer { buffer in
            for position in buffer.indices {
                let owner = UInt64(position)
                builder.add(buffer[position].name, owner: owner)
                let organisation = buffer[position].organisation
                if !organisation.isEmpty { builder.add(organisation, owner: owner) }
                let town = buffer[position].town
                if !town.isEmpty { builder.add(town, owner: owner) }
                // "KM1 1AA" is found by "km1", "km1 1a" and "km11aa".
                builder.add(buffer[position].postcode, owner: owner, alsoWhole: true)
            }
        }
        // Order tokens by their bytes, then group the (token, provider) pairs by token with a
        // counting sort; pairs were made in provider order, so each token's postings come out ascending.
        let table = builder.tokens
        let order = Self.byteOrder(table)
        var rankOfToken = [Int32](repeating: 0, count: table.count)
        for (rank, id) in order.enumerated() { rankOfToken[id] = Int32(rank) }
        var starts = [Int32](repeating: 0, count: order.count + 1)
        for pair in builder.pairs { starts[Int(rankOfToken[Int(pair >> 32)]) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var next = starts
        var postings = [Int32](repeating: 0, count: builder.pairs.count)
        for pair in builder.pairs {
            let rank = Int(rankOfToken[Int(pair >> 32)])
            postings[Int(next[rank])] = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            next[rank] += 1
        }
        var tokenBytes: [UInt8] = []
        tokenBytes.reserveCapacity(table.bytes.count)
        var tokenEnds: [UInt32] = []
        tokenEnds.reserveCapacity(order.count)
        for id in order {
            tokenBytes += table.bytes[table.start(id)..<Int(table.ends[id])]
            tokenEnds.append(UInt32(truncatingIfNeeded: tokenBytes.count))
        }
        self.tokenBytes = tokenBytes
        self.tokenEnds = tokenEnds
        self.starts = starts
        self.postings = postings
    }

    /// Token ids in the order of their bytes: a radix sort on the first eight bytes (zero-padded,
    /// and no token holds a zero byte, so a shorter token comes before a longer one it begins), then
    /// byte comparisons only among tokens that share all eight.
    static func byteOrder(_ table: TokenTable) -> [Int] {
        var keys = [UInt64](repeating: 0, count: table.count)
        var order = (0..<UInt32(truncatingIfNeeded: table.count)).map { $0 }
        table.bytes.withUnsafeBufferPointer { all in
            for id in 0..<table.count {
                let start = table.start(id), end = min(Int(table.ends[id]), start + 8)
                var key: UInt64 = 0
                for index in start..<end { key |= UInt64(all[index]) << (8 * UInt64(7 - (index - start))) }
                keys[id] = key
            }
            RadixSort.sort(keys: &keys, values: &order)
            var start = 0
            while start < order.count {
                var end = start + 1
                while end < order.count, keys[end] == keys[start] { end += 1 }
                if end - start > 1 {
                    order[start..<end].sort { first, second in
                        all[table.start(Int(first))..<Int(table.ends[Int(first)])]
                            .lexicographicallyPrecedes(all[table.start(Int(second))..<Int(table.ends[Int(second)])])
                    }
                }
                start = end
            }
        }
        return order.map(Int.init)
    }

    /// Collects (token id, provider) pairs. Organisations, towns and postcodes repeat, so each
    /// distinct one is tokenised once.
    private struct Builder {
        var tokens = TokenTable()
        var pairs: [UInt64] = []
        /// The tokens of the text being added, joined, for `alsoWhole`.
        private var joined: [UInt8] = []

        /// Each token of `text` is interned by its bytes (no String, no hashing of the whole text:
        /// a cache of texts' tokens, even one found by their bytes, cost more than it saved).
        mutating func add(_ text: String, owner: UInt64, alsoWhole: Bool = false) {
            joined.removeAll(keepingCapacity: true)
            var count = 0
            TextFolding.forEachToken(text) { token in
                pairs.append(tokens.intern(token) << 32 | owner)
                if alsoWhole { joined.append(contentsOf: token) }
                count += 1
            }
            if alsoWhole, count > 1 {
                let whole = joined.withUnsafeBufferPointer { tokens.intern($0) }
                pairs.append(whole << 32 | owner)
            }
        }
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
            while index < tokenCount, self.token(index).starts(with: token) {
                for slot in Int(starts[index])..<Int(starts[index + 1]) {
                    let position = Int(postings[slot])
                    if counts[position] == UInt8(step) {
                        counts[position] = UInt8(step + 1)
                        survivors += 1
                    }
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
        var low = 0, high = tokenCount
        while low < high {
            let mid = (low + high) / 2
            if self.token(mid).lexicographicallyPrecedes(token) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
