/// Distinct runs of bytes (search tokens, the texts that repeat down a table) numbered in the order
/// first seen: an open-addressing table over one run of bytes, so a repeat is found without making
/// a String of it or hashing one (a national catalog's load looks up over a million).
struct TokenTable {
    /// Every distinct token's bytes end to end, in the order first seen; token i ends at `ends[i]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    private var hashes: [UInt32] = []
    /// Token id + 1 in each slot, 0 for empty; a power of two long, never more than half full.
    private var slots = [UInt32](repeating: 0, count: 1 << 12)

    var count: Int { ends.count }

    /// Where token `id` begins in `bytes`.
    func start(_ id: Int) -> Int { id == 0 ? 0 : Int(ends[id - 1]) }

    /// The id of `token`, added if it is new.
    mutating func intern(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let hash = Self.hash(token)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot] - 1)
            if hashes[id] == hash, equal(id, token) { return UInt64(id) }
            slot = (slot + 1) & mask
        }
        let id = ends.count
        bytes.append(contentsOf: token)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
        hashes.append(hash)
        slots[slot] = UInt32(truncatingIfNeeded: id + 1)
        if ends.count * 2 > slots.count { grow() }
        return UInt64(id)
    }

    private func equal(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = start(id), end = Int(ends[id])
        guard end - start == token.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var index = 0
            while index < token.count {
                if stored[start + index] != token[index] { return false }
                index += 1
            }
            return true
        }
    }

    private mutating func grow() {
        var larger = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = UInt32(truncatingIfNeeded: id + 1)
        }
        slots = larger
    }

    /// FNV-1a, folded to 32 bits: the runs are short, and colliding them gains nothing but a slower
    /// load of one's own catalog.
    private static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
