@_spi(Fuzzing) import ChoiceKit
import Foundation
import Importers

/// The importers of national open data, fuzzed: one sample file of a national format damaged the
/// way `ByteMutations` damages catalog files, then imported with the area's postcodes into a new
/// catalog. What must hold besides not trapping: either a failure whose message is inert and of a
/// sane length, or catalog files that load with no error (the promise `agora import` makes before
/// anything is put in place), and that survive the catalog oracle's own checks.
public struct ImportFuzz {
    /// Samples of each format, as published.
    public struct Samples: Sendable {
        public var gias: [UInt8]
        public var careDirectory: [UInt8]
        public var careLocations: [UInt8]
        public var epraccur: [UInt8]
        public var epraccur2026: [UInt8]
        public var postcodes: [UInt8]
        public var nspl2026: [UInt8]

        public init(gias: [UInt8], careDirectory: [UInt8], careLocations: [UInt8], epraccur: [UInt8], epraccur2026: [UInt8],
                    postcodes: [UInt8], nspl2026: [UInt8]) {
            self.gias = gias
            self.careDirectory = careDirectory
            self.careLocations = careLocations
            self.epraccur = epraccur
            self.epraccur2026 = epraccur2026
            self.postcodes = postcodes
            self.nspl2026 = nspl2026
        }

        /// The samples as the shared fixtures directory holds them (`gias/edubasealldata-sample.csv`, …).
        public init(fixtures: URL) throws {
            func sample(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name))) }
            self.init(gias: try sample("gias/edubasealldata-sample.csv"), careDirectory: try sample("cqc/directory-sample.csv"),
                      careLocations: try sample("cqc/location-sample.json"), epraccur: try sample("ods/epraccur-sample.csv"),
                      epraccur2026: try sample("ods/epraccur-2026-sample.csv"), postcodes: try sample("postcodes/postcodes-sample.csv"),
                      nspl2026: try sample("postcodes/nspl-2026-sample.csv"))
        }
    }

    /// In a long run beside the catalog cases, which case numbers are import cases: one in four.
    public static func isImportCase(_ index: UInt64) -> Bool { index % 4 == 3 }

    enum Target: CaseIterable {
        case gias, careDirectory, careLocations, epraccur, epraccur2026, postcodes, nspl2026

        var fileName: String {
            switch self {
            case .gias: return "edubasealldata.csv"
            case .careDirectory: return "CQC_directory.csv"
            case .careLocations: return "locations.json"
            case .epraccur: return "epraccur.csv"
            case .epraccur2026: return "epraccur-2026.csv"
            case .postcodes: return "NSPL.csv"
            case .nspl2026: return "NSPL_2026.csv"
            }
        }

        func bytes(_ samples: Samples) -> [UInt8] {
            switch self {
            case .gias: return samples.gias
            case .careDirectory: return samples.careDirectory
            case .careLocations: return samples.careLocations
            case .epraccur: return samples.epraccur
            case .epraccur2026: return samples.epraccur2026
            case .postcodes: return samples.postcodes
            case .nspl2026: return samples.nspl2026
            }
        }
    }

    public let seed: UInt64
    let samples: Samples
    /// Where each case's files are written (the importers read files).
    public let scratch: URL
    public private(set) var tried: UInt64 = 0
    /// Distinct failures, each with the first case that showed it.
    public private(set) var failures: [String: UInt64] = [:]
    /// How many cases imported, and how many were refused with a message.
    public private(set) var imported = 0
    public private(set) var refused = 0

    public init(seed: UInt64, samples: Samples, scratch: URL) {
        self.seed = seed
        self.samples = samples
        self.scratch = scratch
    }

    public mutating func run(count: UInt64) {
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        for index in 0..<count {
            for failure in check(index: index) where failures[failure] == nil { failures[failure] = index }
            tried += 1
        }
    }

    /// One case's damaged file, made from the seed and the case number alone.
    func damaged(index: UInt64) -> (target: Target, bytes: [UInt8], applied: [String]) {
        var random = FuzzRandom(seed: seed, index: index)
        let target = random.pick(Target.allCases)
        var bytes = target.bytes(samples)
        var applied: [String] = []
        for _ in 0...random.below(3) { applied.append(ByteMutations.apply(&bytes, &random, table: target != .careLocations)) }
        return (target, bytes, applied)
    }

    /// Writes case `index` where a person can try it: the damaged file, the area's postcodes, and
    /// how to import them.
    public func save(index: UInt64, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let (target, bytes, applied) = damaged(index: index)
        try Data(bytes).write(to: directory.appendingPathComponent(target.fileName))
        try Data(samples.postcodes).write(to: directory.appendingPathComponent("postcodes.csv"))
        let option: String
        switch target {
        case .gias: option = "--gias"
        case .careDirectory, .careLocations: option = "--cqc"
        case .epraccur, .epraccur2026: option = "--ods"
        case .postcodes, .nspl2026: option = "--postcodes"
        }
        let postcodes = target == .postcodes || target == .nspl2026 ? "" : " --postcodes postcodes.csv"
        let notes = "seed \(seed), import case \(index): \(target.fileName): \(applied.joined(separator: "; "))\n"
            + "Try, in this directory: agora import all \(option) \(target.fileName)\(postcodes) --area E06000990 --into imported\n"
        try Data(notes.utf8).write(to: directory.appendingPathComponent("CASE.txt"))
    }

    /// One case: what went wrong, if anything (nothing: the file was imported or refused as promised).
    public mutating func failures(index: UInt64) -> [String] {
        defer { tried += 1 }
        return check(index: index)
    }

    /// One case: its damage, and what went wrong, if anything.
    mutating func check(index: UInt64) -> [String] {
        let (target, bytes, applied) = damaged(index: index)
        let damaged = scratch.appendingPathComponent(target.fileName)
        let postcodes = scratch.appendingPathComponent("postcodes.csv")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(bytes).write(to: damaged)
            try Data(samples.postcodes).write(to: postcodes)
        } catch {
            return ["cannot write the case's files: \(error)"]
        }
        let file = ImportFile(path: damaged.path)
        var request = ImportRequest(postcodes: ImportFile(path: postcodes.path), area: .localAuthority("E06000990"),
                                    today: CalendarDate(year: 2026, month: 11, day: 25) ?? CalendarDate(daysSinceEpoch: 0))
        switch target {
        case .gias: request.gias = file
        case .careDirectory, .careLocations: request.cqc = [file]
        case .epraccur, .epraccur2026: request.ods = file
        case .postcodes, .nspl2026: request.postcodes = file
        }
        let context = "\(target.fileName): \(applied.joined(separator: "; "))"
        let result: ImportResult
        do {
            result = try Importer.run(request, into: nil)
        } catch let failure as ImportFailure {
            refused += 1
            var found: [String] = []
            for text in [failure.message] + failure.details {
                if text.unicodeScalars.contains(where: { TextSafety.isControl($0) || TextSafety.isInvisibleControl($0) }) {
                    found.append("an import message is not inert")
                }
                if text.count > FuzzOracle.messageLimit { found.append("an import message is \(text.count) characters long") }
            }
            if failure.message.isEmpty { found.append("an import failed with no message") }
            return found
        } catch {
            return ["an import failed with \(type(of: error)), not a message (\(context))"]
        }
        imported += 1
        let files = result.files
        let report = CatalogLoader.check(FuzzCatalogSource(files: files.mapValues { FuzzFile.bytes($0) }))
        if report.catalog == nil || report.errorCount > 0 {
            let first = report.problems.first.map { TextSafety.inert($0.description) } ?? ""
            return ["an import made a catalog that does not pass its check: \(first.prefix(200))"]
        }
        return FuzzOracle.checkCatalog(files: files)
    }
}
