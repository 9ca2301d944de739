/// Least-significant-digit radix sort of 64-bit keys carrying a value each: stable, linear time, and
/// several times faster than a comparison sort at 100,000 elements.
enum RadixSort {
    static func sort(keys: inout [UInt64], values: inout [UInt32]) {
        let count = keys.count
        guard count > 1 else { return }
        if count < 2_048 {
            let order = (0..<count).sorted { (keys[$0], $0) < (keys[$1], $1) }
            keys = order.map { keys[$0] }
            values = order.map { values[$0] }
            return
        }
        var keyBuffer = [UInt64](repeating: 0, count: count)
        var valueBuffer = [UInt32](repeating: 0, count: count)
        // Large arrays: 16-bit digits (four passes at most). Smaller ones: 11-bit digits, whose count
        // table is cheap to clear for each pass.
        let bits: UInt64 = count > 16_384 ? 16 : 11, mask: UInt64 = (1 << bits) - 1
        var counts = [Int](repeating: 0, count: 1 << Int(bits))
        var shift: UInt64 = 0
        while shift < 64 {
            // Skip digits where every key agrees (common for small keys).
            let firstDigit = Int((keys[0] >> shift) & mask)
            var uniform = true
            for index in 0..<count where Int((keys[index] >> shift) & mask) != firstDigit { uniform = false; break }
            if uniform { shift += bits; continue }
            for index in counts.indices { counts[index] = 0 }
            for key in keys { counts[Int((key >> shift) & mask)] += 1 }
            var total = 0
            for index in counts.indices {
                let here = counts[index]
                counts[index] = total
                total += here
            }
            for index in 0..<count {
                let digit = Int((keys[index] >> shift) & mask)
                let target = counts[digit]
                counts[digit] = target + 1
                keyBuffer[target] = keys[index]
                valueBuffer[target] = values[index]
            }
            swap(&keys, &keyBuffer)
            swap(&values, &valueBuffer)
            shift += bits
        }
    }
}
