/// Provider position by id, as flat arrays: the ids' bytes end to end and an open-addressing table
/// of positions. A snapshot stores it as it is, so a launch does not hash 100,000 strings into a
/// dictionary before the first search.
struct ProviderIDTable: Sendable {
    /// Every id's UTF-8 bytes, in provider order; id `p` ends at `ends[p]`.
    let bytes: [UInt8]
    let ends: [UInt32]
    /// A power of two in size, at most half full; -1 is an empty slot.
    let slots: [Int32]

    struct Duplicate: Sendable {
        let first: Int32
        let again: Int32
    }

    /// The table of `ids`, and every later use of an id already seen (that use is not entered).
    static func build(_ ids: [String]) -> (table: ProviderIDTable, duplicates: [Duplicate]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.count * 10)
        var ends: [UInt32] = []
        ends.reserveCapacity(ids.count)
        for id in ids {
            var copy = id
            copy.withUTF8 { bytes.append(contentsOf: $0) }
            ends.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        var capacity = 8
        while capacity < ids.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        var duplicates: [Duplicate] = []
        bytes.withUnsafeBufferPointer { all in
            for position in 0..<ends.count {
                let start = position == 0 ? 0 : Int(ends[position - 1])
                let id = UnsafeBufferPointer(rebasing: all[start..<Int(ends[position])])
                var slot = Int(Self.hash(id) & UInt64(capacity - 1))
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    let otherStart = other == 0 ? 0 : Int(ends[other - 1])
                    if all[otherStart..<Int(ends[other])].elementsEqual(id) {
                        duplicates.append(Duplicate(first: Int32(other), again: Int32(position)))
                        break
                    }
                    slot = (slot + 1) & (capacity - 1)
                }
                if slots[slot] < 0 { slots[slot] = Int32(position) }
            }
        }
        return (ProviderIDTable(bytes: bytes, ends: ends, slots: slots), duplicates)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        Fingerprint.of(UnsafeRawBufferPointer(bytes))
    }

    func position(of id: String) -> Int? {
        guard !slots.isEmpty else { return nil }
        var copy = id
        return copy.withUTF8 { wanted in
            bytes.withUnsafeBufferPointer { all in
                var slot = Int(Self.hash(wanted) & UInt64(slots.count - 1))
                while slots[slot] >= 0 {
                    let position = Int(slots[slot])
                    let start = position == 0 ? 0 : Int(ends[position - 1])
                    if all[start..<Int(ends[position])].elementsEqual(wanted) { return position }
                    slot = (slot + 1) & (slots.count - 1)
                }
                return nil
            }
        }
    }

    /// True when the parts fit together for `count` providers (a snapshot's are checked before use):
    /// every lookup then stays inside the arrays and ends.
    func isConsistent(count: Int) -> Bool {
        guard ends.count == count, slots.count >= 8, slots.count.nonzeroBitCount == 1, slots.count >= count * 2,
              Int(ends.last ?? 0) == bytes.count else { return false }
        var previous: UInt32 = 0
        for end in ends {
            guard end >= previous else { return false }
            previous = end
        }
        return slots.allSatisfy { $0 >= -1 && Int($0) < count }
    }
}
