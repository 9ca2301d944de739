/// Finds the next of a few byte values eight bytes at a time: every byte of a national file passes
/// through the CSV reader's field scans, and most fields are a handful of bytes long.
package enum ByteScan {
    /// The offset of the first byte at or after `start` that equals one of the patterns given (each
    /// a byte repeated in all eight lanes), or the offset where fewer than eight bytes remain (the
    /// caller's byte loop finishes from there).
    @inline(__always)
    package static func first(of first: UInt64, _ second: UInt64, in base: UnsafePointer<UInt8>,
                              from start: Int, count: Int) -> Int {
        var at = start
        while at + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
            let found = lanesEqual(word, first) | lanesEqual(word, second)
            if found != 0 { return at + found.trailingZeroBitCount >> 3 }
            at += 8
        }
        return at
    }

    @inline(__always)
    package static func first(of first: UInt64, _ second: UInt64, _ third: UInt64,
                              in base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Int {
        self.first(of: first, second, third, in: base, from: start, count: count, setting: 0)
    }

    /// As above, comparing each byte with the bits of `setting` set (one byte repeated in all eight
    /// lanes): with 0x20, the pattern `{` finds both `[` and `{`. The caller looks at the byte found.
    @inline(__always)
    package static func first(of first: UInt64, _ second: UInt64, _ third: UInt64,
                              in base: UnsafePointer<UInt8>, from start: Int, count: Int, setting: UInt64) -> Int {
        var at = start
        while at + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)) | setting
            let found = lanesEqual(word, first) | lanesEqual(word, second) | lanesEqual(word, third)
            if found != 0 { return at + found.trailingZeroBitCount >> 3 }
            at += 8
        }
        return at
    }

    /// `byte` in all eight lanes, for the patterns above.
    @inline(__always)
    package static func lanes(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each lane where `word` equals `pattern`. Lanes above the lowest match may be
    /// set wrongly (the subtraction borrows), so only the lowest set bit is meaningful.
    @inline(__always)
    private static func lanesEqual(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let difference = word ^ pattern
        return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
    }
}
