import Testing
@testable import ChoiceKit

/// Each kind of mistake gets one clear message naming file, line and field, and never a trap.
@Suite("Catalog validation")
struct ValidationTests {
    private func problems(_ fixture: CatalogFixture) -> [String] { fixture.check().problems.map(\.description) }

    @Test func cleanCatalogHasNoProblems() throws {
        let report = CatalogFixture().check()
        #expect(report.problems.isEmpty)
        #expect(report.catalog != nil)
    }

    @Test func badDateNamesFileLineAndField() throws {
        var fixture = CatalogFixture()
        fixture.set("schools.csv", line: 3, column: "ofsted_date", to: "31/02/2024")
        #expect(problems(fixture).contains(
            "catalog/schools.csv:3: ofsted_date: \"31/02/2024\" is not a date — use YYYY-MM-DD, e.g. 2025-11-10"))
        #expect(throws: CatalogError.self) { try fixture.load() }
    }

    @Test func impossibleDayIsNotADate() {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 4, column: "cqc_report_date", to: "2024-02-30")
        #expect(problems(fixture).contains(
            "catalog/care.csv:4: cqc_report_date: \"2024-02-30\" is not a date — use YYYY-MM-DD, e.g. 2025-11-10"))
    }

    @Test func badMoney() {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 5, column: "price", to: "£1,0000.50")
        #expect(problems(fixture).contains(
            "catalog/care.csv:5: price: \"£1,0000.50\" is not an amount of money — write pounds and pence, e.g. 1234.50 or £1,234.50"))
        fixture.set("care.csv", line: 5, column: "price", to: "12.345")
        #expect(problems(fixture).contains(
            "catalog/care.csv:5: price: \"12.345\" has more than two digits of pence — write pounds and pence, e.g. 1234.50 or £1,234.50"))
    }

    @Test func ratingOutsideItsScale() {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 2, column: "cqc_overall", to: "Excellent")
        #expect(problems(fixture).contains(
            "catalog/care.csv:2: cqc_overall: \"Excellent\" is not a CQC rating — use one of \"Inadequate\", \"Requires improvement\", \"Good\", \"Outstanding\", or \"Not yet rated\""))
        fixture = CatalogFixture()
        fixture.set("care.csv", line: 2, column: "cqc_safe", to: "Superb")
        #expect(problems(fixture).contains { $0.hasPrefix("catalog/care.csv:2: cqc_safe: \"Superb\" is not one of the allowed values") })
    }

    @Test func reportCardGradeOutsideItsScale() throws {
        var fixture = CatalogFixture()
        let line = try #require(Self.line(in: fixture, file: "schools.csv") { !$0.isEmpty && $0.contains("Expected standard") })
        fixture.set("schools.csv", line: line, column: "ofsted_inclusion", to: "Good")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/schools.csv:\(line): ofsted_inclusion: \"Good\" is not one of the allowed values — use one of \"Urgent improvement\"")
        })
    }

    @Test func postcodeMissingFromTheManifest() {
        var fixture = CatalogFixture()
        fixture.set("gp.csv", line: 3, column: "postcode", to: "KM99 9ZZ")
        #expect(problems(fixture).contains(
            "catalog/gp.csv:3: postcode: \"KM99 9ZZ\" is not in the manifest's postcodes — add it with its coordinates to \"postcodes\" in manifest.json, or correct it"))
    }

    @Test func coordinatesFarOutsideTheArea() {
        var fixture = CatalogFixture()
        fixture.set("schools.csv", line: 6, column: "latitude", to: "51.50100")
        fixture.set("schools.csv", line: 6, column: "longitude", to: "-0.14190")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/schools.csv:6: latitude: 51.501, -0.1419 is ") && $0.contains("from the centre of Kingsmere, outside the area")
        })
    }

    @Test func emptyName() {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 7, column: "name", to: "")
        #expect(problems(fixture).contains("catalog/care.csv:7: name: is empty — give the provider's name"))
    }

    @Test func duplicateIDAcrossTables() {
        var fixture = CatalogFixture()
        let firstSchool = fixture.cell("schools.csv", line: 2, column: "id")
        fixture.set("gp.csv", line: 2, column: "id", to: firstSchool)
        #expect(problems(fixture).contains(
            "catalog/gp.csv:2: id: \"\(firstSchool)\" is already used at catalog/schools.csv:2 — give every provider its own id"))
    }

    @Test func missingRequiredColumn() {
        var fixture = CatalogFixture()
        fixture.replaceText("gp.csv", "ods_code,", with: "ods,")
        let found = problems(fixture)
        #expect(found.contains("catalog/gp.csv:1: ods_code: required column is missing — add a \"ods_code\" column to the header row"))
        #expect(found.contains("catalog/gp.csv:1: ods: warning: unknown column, ignored — check the spelling against catalog/README.md, or remove the column"))
    }

    @Test func unknownColumnIsOnlyAWarning() throws {
        var fixture = CatalogFixture()
        var lines = (fixture.files["other.csv"] ?? "").split(separator: "\n").map { $0 + ",x" }
        lines[0] = lines[0].dropLast(2) + ",colour"
        fixture.files["other.csv"] = lines.joined(separator: "\n") + "\n"
        let report = fixture.check()
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.description) == [
            "catalog/other.csv:1: colour: warning: unknown column, ignored — check the spelling against catalog/README.md, or remove the column",
        ])
        #expect(report.catalog?.warnings.count == 1)
    }

    @Test func missingFile() {
        var fixture = CatalogFixture()
        fixture.files["care.csv"] = nil
        #expect(problems(fixture).contains(
            "catalog/care.csv: (file): is missing — create it (see catalog/README.md) or correct its name under \"files\" in manifest.json"))
        fixture.files["manifest.json"] = nil
        #expect(problems(fixture) == [
            "catalog/manifest.json: (file): is missing — a catalog directory needs a manifest.json; see catalog/README.md",
        ])
    }

    @Test func invalidUTF8() {
        var fixture = CatalogFixture()
        fixture.set("schools.csv", line: 4, column: "name", to: "PLACEHOLDER")
        var bytes = Array((fixture.files["schools.csv"] ?? "").utf8)
        let marker = Array("PLACEHOLDER".utf8)
        let at = (0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker } ?? 0
        bytes.replaceSubrange(at..<(at + marker.count), with: Array("Belv".utf8) + [0xE9] + Array("d\u{e8}re School".utf8))
        var files = fixture.files.mapValues { Array($0.utf8) }
        files["schools.csv"] = bytes
        let report = CatalogLoader.check(InMemoryCatalogSource(files: files, displayName: "catalog"))
        #expect(report.problems.map(\.description).contains(
            "catalog/schools.csv:4: name: is not valid UTF-8 (byte 0xE9 at character 5) — save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")"))
    }

    @Test func controlCharactersInText() {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 3, column: "address", to: "1 High Street\u{1B}[31m")
        #expect(problems(fixture).contains(
            "catalog/care.csv:3: address: contains a control character (U+001B) — remove it; catalog text must be plain, printable text"))
    }

    @Test func rowWithTheWrongNumberOfFields() {
        var fixture = CatalogFixture()
        var lines = (fixture.files["gp.csv"] ?? "").split(separator: "\n").map(String.init)
        lines[2] += ",extra"
        fixture.files["gp.csv"] = lines.joined(separator: "\n")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/gp.csv:3: (row): has ") && $0.hasSuffix("check for a missing or extra comma, or an unquoted comma inside a value")
        })
    }

    @Test func manifestProblems() {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"as_of\": \"2026-10-01\"", with: "\"as_of\": \"1/10/2026\"")
        #expect(problems(fixture).contains { $0.hasPrefix("catalog/manifest.json:") && $0.contains(": data_dates[0].as_of: \"1/10/2026\" is not a date — use YYYY-MM-DD") })
        fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "{", with: "[")
        #expect(problems(fixture).first?.hasPrefix("catalog/manifest.json: (file): is not valid JSON") == true)
    }

    @Test func singleWordGradeAfterTheyEnded() throws {
        var fixture = CatalogFixture()
        let line = try #require(Self.line(in: fixture, file: "schools.csv") { $0.contains(",Good,") && !$0.contains("standard") })
        fixture.set("schools.csv", line: line, column: "ofsted_date", to: "2025-03-01")
        #expect(problems(fixture).contains {
            $0.hasPrefix("catalog/schools.csv:\(line): ofsted_grade: a single-word grade dated 2025-03-01, but Ofsted stopped them on 2 September 2024")
        })
    }

    @Test func brokenCatalogNeverTraps() {
        // Random damage: every byte position of a small file set to a quote, comma or newline in turn.
        let base = CatalogFixture(seed: 3, providers: 20)
        let original = Array((base.files["other.csv"] ?? "").utf8)
        for position in stride(from: 0, to: original.count, by: 7) {
            for replacement: UInt8 in [UInt8(ascii: "\""), UInt8(ascii: ","), 0x0A, 0xFF] {
                var damaged = original
                damaged[position] = replacement
                var files = base.files.mapValues { Array($0.utf8) }
                files["other.csv"] = damaged
                _ = CatalogLoader.check(InMemoryCatalogSource(files: files, displayName: "catalog"))
            }
        }
    }

    static func line(in fixture: CatalogFixture, file: String, where predicate: (String) -> Bool) -> Int? {
        let lines = (fixture.files[file] ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return lines.indices.dropFirst().first { predicate(lines[$0]) }.map { $0 + 1 }
    }
}
