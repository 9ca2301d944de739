/// SplitMix64: a tiny, well-known generator whose output depends only on the seed, on every
/// platform and Swift version (unlike the standard library's `random(in:)` helpers).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound, by multiply-shift (bias is negligible for these bounds).
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(((next() >> 32) * UInt64(bound)) >> 32)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with the given chance in percent.
    mutating func percent(_ chance: Int) -> Bool { below(100) < chance }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Picks by weight: `[(value, weight)]`.
    mutating func weighted<T>(_ choices: [(T, Int)]) -> T {
        let total = choices.reduce(0) { $0 + $1.1 }
        var roll = below(total)
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }

    /// Roughly normal (sum of four uniforms), in whole units.
    mutating func bell(mean: Int, spread: Int) -> Int {
        var total = 0
        for _ in 0..<4 { total += int(-spread...spread) }
        return mean + total / 2
    }

    /// A fresh generator for one part of the catalog, so adding rows to one part never shifts another.
    mutating func fork() -> SeededRandom { SeededRandom(seed: next()) }
}
