/// Damage to a snapshot: flipped bits, stray bytes, lengths and counts made huge, pieces cut out,
/// repeated or taken from another snapshot, and the file cut short.
enum SnapshotMutations {
    static func apply(_ bytes: inout [UInt8], _ random: inout FuzzRandom, corpus: FuzzCorpus) -> String {
        guard !bytes.isEmpty else { return "empty" }
        let position = random.below(bytes.count)
        switch random.below(8) {
        case 0:
            let bit = random.below(8)
            bytes[position] ^= 1 << UInt8(bit)
            return "bit \(bit) of byte \(position) flipped"
        case 1:
            bytes[position] = UInt8(truncatingIfNeeded: random.next())
            return "byte \(position) replaced"
        case 2:
            // The largest varint there is, where a length or count may be.
            let end = min(bytes.count, position + 1 + random.below(4))
            bytes.replaceSubrange(position..<end, with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
            return "a huge varint at \(position)"
        case 3:
            bytes.removeSubrange(position...)
            return "cut at \(position)"
        case 4:
            let end = min(bytes.count, position + 1 + random.below(64))
            bytes.removeSubrange(position..<end)
            return "bytes \(position)..<\(end) deleted"
        case 5:
            let from = random.below(bytes.count)
            let chunk = Array(bytes[from..<min(bytes.count, from + 1 + random.below(128))])
            bytes.insert(contentsOf: chunk, at: position)
            return "\(chunk.count) bytes repeated at \(position)"
        case 6:
            let other = random.pick(corpus.bases).snapshot
            let from = random.below(other.count)
            let chunk = Array(other[from..<min(other.count, from + 1 + random.below(256))])
            let end = min(bytes.count, position + chunk.count)
            bytes.replaceSubrange(position..<end, with: chunk)
            return "\(chunk.count) bytes from another snapshot at \(position)"
        default:
            // A NaN, an infinity or a huge double where eight bytes may be a coordinate.
            let values: [Double] = [.nan, .infinity, -.infinity, 1e300, -91, 181]
            var bits = random.pick(values).bitPattern
            let end = min(bytes.count, position + 8)
            for index in position..<end { bytes[index] = UInt8(bits & 0xFF); bits >>= 8 }
            return "a non-finite or out-of-range double at \(position)"
        }
    }
}
