import AgoraFuzz
import Foundation
import Testing

/// The importers' parsing, fuzzed from the shared samples of the national formats: a short fixed
/// run, the same cases every time.
@Suite("Fuzzing the importers, a short fixed run")
struct ImportFuzzTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/fixtures")

    static func sample(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    @Test func aThousandDamagedFilesImportOrAreRefusedWithAMessage() throws {
        let samples = ImportFuzz.Samples(
            gias: try Self.sample("gias/edubasealldata-sample.csv"), careDirectory: try Self.sample("cqc/directory-sample.csv"),
            careLocations: try Self.sample("cqc/location-sample.json"), epraccur: try Self.sample("ods/epraccur-sample.csv"),
            epraccur2026: try Self.sample("ods/epraccur-2026-sample.csv"), postcodes: try Self.sample("postcodes/postcodes-sample.csv"),
            nspl2026: try Self.sample("postcodes/nspl-2026-sample.csv"))
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("agora-import-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var fuzz = ImportFuzz(seed: 20_261_125, samples: samples, scratch: scratch)
        fuzz.run(count: 1_000)
        #expect(fuzz.tried == 1_000)
        #expect(fuzz.failures.isEmpty, "\(fuzz.failures.sorted { $0.value < $1.value }.prefix(10))")
        // Both outcomes are reached: damage the importers read past, and damage they refuse.
        #expect(fuzz.imported > 50)
        #expect(fuzz.refused > 50)
    }

    @Test func theLongRunTakesOneCaseInFourForTheImporters() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("agora-import-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let imports = ImportFuzz(seed: 7, samples: try ImportFuzz.Samples(fixtures: Self.fixtures), scratch: scratch)
        var session = FuzzSession(seed: 7, imports: imports)
        session.run(count: 40)
        #expect(session.tried == 40)
        #expect(session.failures.isEmpty, "\(session.failures)")
        #expect(session.imports?.tried == 10)
        #expect((session.imports?.imported ?? 0) + (session.imports?.refused ?? 0) == 10)
        // A case is saved with the command to try it.
        let saved = scratch.appendingPathComponent("case-3")
        try imports.save(index: 3, to: saved)
        let notes = try String(contentsOf: saved.appendingPathComponent("CASE.txt"), encoding: .utf8)
        #expect(notes.hasPrefix("seed 7, import case 3: "))
        #expect(notes.contains("agora import all "))
    }
}
