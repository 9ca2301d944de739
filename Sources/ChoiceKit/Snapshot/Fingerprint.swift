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
///
/// Whole 32-byte blocks go to four lanes, one word each, which the processor works on side by
/// side: one lane alone waits for each multiply before the next word (a snapshot's 35 MB took
/// about 15 ms; four lanes take a few). Each step is one-to-one in its word and its lane, so a
/// changed word always changes its lane, and the lanes, the bytes left over and the length are
/// mixed one after another into the value.
struct FingerprintHasher {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let blockSize = 32

    private var lane0: UInt64 = 0x243F_6A88_85A3_08D3
    private var lane1: UInt64 = 0x1319_8A2E_0370_7344
    private var lane2: UInt64 = 0xA409_3822_299F_31D0
    private var lane3: UInt64 = 0x082E_FA98_EC4E_6C89
    /// Bytes short of a whole block, as four little-endian words (the unfilled part zero).
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0
    private var length = 0

    mutating func add(_ raw: UnsafeRawBufferPointer) {
        length += raw.count
        var offset = 0
        // Bytes left over from the last piece make a block with the first of this one.
        if pendingCount > 0 {
            while pendingCount < Self.blockSize, offset < raw.count {
                addPending(raw[offset])
                offset += 1
            }
            guard pendingCount == Self.blockSize else { return }
            absorb(pending.0, pending.1, pending.2, pending.3)
            pending = (0, 0, 0, 0)
            pendingCount = 0
        }
        while offset + Self.blockSize <= raw.count {
            absorb(word(raw, offset), word(raw, offset + 8), word(raw, offset + 16), word(raw, offset + 24))
            offset += Self.blockSize
        }
        while offset + 8 <= raw.count {
            setPendingWord(word(raw, offset))
            offset += 8
        }
        while offset < raw.count {
            addPending(raw[offset])
            offset += 1
        }
    }

    var value: UInt64 {
        var hash = Fingerprint.mix(UInt64(length))
        hash = Self.fold(hash, lane0)
        hash = Self.fold(hash, lane1)
        hash = Self.fold(hash, lane2)
        hash = Self.fold(hash, lane3)
        if pendingCount > 0 { hash = Self.fold(hash, pending.0) }
        if pendingCount > 8 { hash = Self.fold(hash, pending.1) }
        if pendingCount > 16 { hash = Self.fold(hash, pending.2) }
        if pendingCount > 24 { hash = Self.fold(hash, pending.3) }
        return Fingerprint.mix(hash)
    }

    @inline(__always)
    private static func fold(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        Fingerprint.mix(hash ^ word) &* prime1
    }

    @inline(__always)
    private func word(_ raw: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let sum = lane &+ word &* prime2
        return ((sum << 31) | (sum >> 33)) &* prime1
    }

    @inline(__always)
    private mutating func absorb(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) {
        lane0 = Self.round(lane0, a)
        lane1 = Self.round(lane1, b)
        lane2 = Self.round(lane2, c)
        lane3 = Self.round(lane3, d)
    }

    /// A whole word when the pending bytes end on a word's edge.
    private mutating func setPendingWord(_ word: UInt64) {
        switch pendingCount / 8 {
        case 0: pending.0 = word
        case 1: pending.1 = word
        case 2: pending.2 = word
        default: pending.3 = word
        }
        pendingCount += 8
    }

    private mutating func addPending(_ byte: UInt8) {
        let shifted = UInt64(byte) << (8 * UInt64(pendingCount % 8))
        switch pendingCount / 8 {
        case 0: pending.0 |= shifted
        case 1: pending.1 |= shifted
        case 2: pending.2 |= shifted
        default: pending.3 |= shifted
        }
        pendingCount += 1
    }
}
