/// A fast 64-bit fingerprint (not cryptographic: it notices edits, it does not resist forgery).
enum Fingerprint {
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }

    /// Every byte counts: flipping any bit changes the result (with odds of a miss of 1 in 2^64).
    static func of(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = FingerprintHasher()
        hasher.add(raw)
        return hasher.value
    }
}

/// `Fingerprint` taken piece by piece, so a large file is fingerprinted a megabyte at a time
/// rather than read whole: the pieces give the same value as the bytes at once.
struct FingerprintHasher {
    private var hash: UInt64 = 0x243F_6A88_85A3_08D3
    private var pending: UInt64 = 0
    private var pendingCount = 0
    private var length = 0

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        length += raw.count
        var offset = 0
        // Bytes left over from the last piece make a word with the first of this one.
        while pendingCount > 0, pendingCount < 8, offset < raw.count {
            pending |= UInt64(raw[offset]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            offset += 1
        }
        if pendingCount == 8 {
            absorb(pending)
            pending = 0
            pendingCount = 0
        }
        while offset + 8 <= raw.count {
            absorb(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        while offset < raw.count {
            pending |= UInt64(raw[offset]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            offset += 1
        }
    }

    private mutating func absorb(_ word: UInt64) {
        hash = (hash ^ Fingerprint.mix(word)) &* 0x9E37_79B9_7F4A_7C15
    }

    var value: UInt64 { Fingerprint.mix(hash ^ pending ^ Fingerprint.mix(UInt64(length))) }
}
