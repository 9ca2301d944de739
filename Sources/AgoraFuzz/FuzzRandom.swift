/// SplitMix64: small, fast and the same on every machine, so a case is reproduced from its seed
/// and number alone.
public struct FuzzRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// The generator for case `index` of a run with `seed`: cases are independent of each other.
    public init(seed: UInt64, index: UInt64) {
        var mixer = FuzzRandom(seed: seed ^ 0xA076_1D64_78BD_642F)
        for _ in 0..<2 { _ = mixer.next() }
        state = mixer.next() ^ (index &* 0x9E37_79B9_7F4A_7C15)
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<bound (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    /// True with probability `numerator` in `denominator`.
    public mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { below(denominator) < numerator }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}
