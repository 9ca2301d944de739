import Foundation

/// A deterministic run in this process: cases `start`, `start + stride`, … of `seed`, each checked
/// by `FuzzOracle`. A trap ends the process; `agora-fuzz` runs sessions in child processes to
/// survive that, `swift test` runs a short one in-process.
public struct FuzzSession {
    public let seed: UInt64
    public private(set) var tried: UInt64 = 0
    /// Distinct failures (not traps), each with the first case that showed it.
    public private(set) var failures: [String: UInt64] = [:]

    /// The importers' cases, when the samples of the national formats were given: they take the
    /// case numbers `ImportFuzz.isImportCase` picks, the catalog cases the rest.
    public var imports: ImportFuzz?

    public init(seed: UInt64, imports: ImportFuzz? = nil) {
        self.seed = seed
        self.imports = imports
    }

    /// The failures of case `index`, whichever kind it is.
    public mutating func failures(index: UInt64) -> [String] {
        if var imports, ImportFuzz.isImportCase(index) {
            defer { self.imports = imports }
            return imports.failures(index: index)
        }
        return FuzzOracle.check(FuzzCase.make(seed: seed, index: index))
    }

    /// Runs cases until `count` are done or `deadline` passes. `before` is told each case's number
    /// just before it runs (so a supervisor knows which case a trap came from), `failed` each
    /// failure as it is found.
    public mutating func run(start: UInt64 = 0, stride: UInt64 = 1, count: UInt64 = .max,
                             until deadline: ContinuousClock.Instant? = nil,
                             before: (UInt64) -> Void = { _ in }, failed: (UInt64, String) -> Void = { _, _ in }) {
        var index = start
        var done: UInt64 = 0
        while done < count {
            if let deadline, done % 16 == 0, ContinuousClock.now >= deadline { break }
            before(index)
            for failure in failures(index: index) {
                if failures[failure] == nil { failures[failure] = index }
                failed(index, failure)
            }
            tried += 1
            done += 1
            index += stride
        }
    }

    /// Removes the directories, pipes and links made for special-file cases.
    public static func cleanUp() { SpecialFiles.removeAll() }
}
