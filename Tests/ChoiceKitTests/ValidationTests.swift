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
            "catalog/care.csv:2: cqc_overall: \"Excellent\" is not a CQC rating — use one of \"Inadequate\", \"Requires improvement\", \"Good\", \"Outstanding\", \"Not yet rated\" or \"Not imported\""))
        fixture = CatalogFixture()
        fixture.set("care.csv", line: 2, column: "cqc_overall", to: "Not imported")
        #expect(problems(fixture).contains(
            "catalog/care.csv:2: cqc_overall: is \"Not imported\" but key questions are rated — give the overall rating"))
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

    /// Bytes that are not UTF-8 in the manifest: refused wherever they are by the full load; a
    /// first frame, which passes the postcode list over, reads the rest and leaves the list's
    /// bytes to the full load.
    @Test func invalidUTF8InTheManifest() throws {
        let fixture = CatalogFixture()
        let manifest = Array((fixture.files["manifest.json"] ?? "").utf8)
        func offset(of text: String, from start: Int = 0) -> Int? {
            let marker = Array(text.utf8)
            return (start...(manifest.count - marker.count)).first { Array(manifest[$0..<($0 + marker.count)]) == marker }
        }
        func inserting(_ byte: UInt8, at offset: Int) -> InMemoryCatalogSource {
            var changed = manifest
            changed.insert(byte, at: offset)
            var files = fixture.files.mapValues { Array($0.utf8) }
            files["manifest.json"] = changed
            return InMemoryCatalogSource(files: files, displayName: "catalog")
        }
        let list = try #require(offset(of: "\"postcodes\""))
        // Inside the first postcode of the list.
        let inList = inserting(0xE9, at: try #require(offset(of: "[\"", from: list)) + 2)
        let notUTF8 = "catalog/manifest.json: (file): is not valid UTF-8 — save the file as UTF-8"
        #expect(CatalogLoader.check(inList).problems.map(\.description) == [notUTF8])
        #expect(throws: Never.self) { try Catalog.manifestOnly(from: inList) }
        // Inside the value of "format".
        let outside = inserting(0xFF, at: try #require(offset(of: "\"format\"")) + 2)
        #expect(CatalogLoader.check(outside).problems.map(\.description) == [notUTF8])
        #expect(throws: CatalogError.self) { try Catalog.manifestOnly(from: outside) }
    }

    @Test func controlCharactersInText() {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 3, column: "address", to: "1 High Street\u{1B}[31m")
        #expect(problems(fixture).contains(
            "catalog/care.csv:3: address: contains a control character (U+001B) — remove it; catalog text must be plain, printable text"))
    }

    @Test func aRepeatedBadTextIsReportedOnEveryRowAndAGoodOneSharesItsCopy() throws {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 3, column: "organisation", to: "Bright\u{1B}ways")
        fixture.set("care.csv", line: 4, column: "organisation", to: "Bright\u{1B}ways")
        let found = problems(fixture)
        for line in [3, 4] {
            #expect(found.contains("catalog/care.csv:\(line): organisation: contains a control character (U+001B) — remove it; catalog text must be plain, printable text"))
        }
        var sound = CatalogFixture()
        sound.set("care.csv", line: 3, column: "organisation", to: "Shared Care Group")
        sound.set("care.csv", line: 4, column: "organisation", to: " Shared Care Group ")
        let catalog = try sound.load()
        let sharing = catalog.providers.filter { $0.organisation == "Shared Care Group" }
        #expect(sharing.count == 2)
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
        #expect(problems(fixture).first?.hasPrefix("catalog/manifest.json:") == true)
        #expect(problems(fixture).first?.contains(": (file): is not valid JSON (") == true)
    }

    @Test func aJSONSyntaxErrorIsReportedAtItsLineAndColumn() throws {
        var fixture = CatalogFixture()
        let text = try #require(fixture.files["manifest.json"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Before the postcode list (parsed apart), after a character of two bytes, and after it.
        let early = try #require(lines.firstIndex { $0.contains("\"name\": \"Department for Education\"") }) + 1
        fixture.replaceText("manifest.json", "\"name\": \"Department for Education\"", with: "\"name\": \"Département\u{01}for Education\"")
        #expect(problems(fixture) == [
            "catalog/manifest.json:\(early): (file): is not valid JSON (unescaped control character at column \(Self.column(of: "\u{01}", in: fixture)))"
                + " — fix the JSON syntax; a JSON validator shows where",
        ])
        // After the postcode list: its lines count although it was parsed apart.
        fixture = CatalogFixture()
        let postcodes = try #require(lines.firstIndex { $0.contains("\"postcodes\"") }) + 1
        let late = try #require(lines.indices.last { $0 > postcodes && lines[$0].hasPrefix("}") }) + 1
        fixture.files["manifest.json"] = lines.enumerated().map { $0.offset + 1 == late ? $0.element + " ?" : $0.element }.joined(separator: "\n")
        let found = try #require(problems(fixture).first)
        #expect(found.hasPrefix("catalog/manifest.json:\(late): (file): is not valid JSON ("), "\(found)")
        #expect(found.contains("at column 3)"), "\(found)")
    }

    /// The column (in characters) of the first `text` on its line of the manifest.
    private static func column(of text: String, in fixture: CatalogFixture) -> Int {
        let manifest = fixture.files["manifest.json"] ?? ""
        guard let found = manifest.range(of: text) else { return 0 }
        let lineStart = manifest[..<found.lowerBound].lastIndex(of: "\n").map { manifest.index(after: $0) } ?? manifest.startIndex
        return manifest[lineStart..<found.lowerBound].count + 1
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

/// Large tables are read in parts on every core; line numbers and results must not notice.
@Suite("Large tables read in parts")
struct SplitTableTests {
    private static func lineCount(_ fixture: CatalogFixture, _ file: String) -> Int {
        (fixture.files[file] ?? "").split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }

    @Test func aProblemInTheSecondHalfHasItsRealLine() throws {
        var fixture = CatalogFixture(seed: 4, providers: 3_000)
        #expect((fixture.files["schools.csv"]?.utf8.count ?? 0) > 2 * ProviderTableReader.partSize)
        let last = Self.lineCount(fixture, "schools.csv")
        fixture.set("schools.csv", line: last - 3, column: "ofsted_date", to: "31/02/2024")
        fixture.set("schools.csv", line: 5, column: "pupils", to: "many")
        let problems = fixture.check().problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix("catalog/schools.csv:\(last - 3): ofsted_date: \"31/02/2024\" is not a date") })
        #expect(problems.contains { $0.hasPrefix("catalog/schools.csv:5: pupils: \"many\" is not a whole number") })
    }

    @Test func aLineBreakInsideAQuotedValueAcrossAnEdgeIsHandled() throws {
        var fixture = CatalogFixture(seed: 4, providers: 3_000)
        // Put a quoted line break into seven rows around the first edge between parts, so one of
        // them spans it (bottom up, so each edit leaves the lines above where they were).
        let bytes = Array((fixture.files["care.csv"] ?? "").utf8)
        var problems: [CatalogProblem] = []
        let table = try #require(ProviderTableReader.prepare(kind: .care, file: "care.csv", data: bytes, problems: &problems))
        let edge = try #require(table.splits.first)
        let middle = bytes[..<edge].count { $0 == 0x0A }
        for line in ((middle - 3)...(middle + 3)).reversed() {
            fixture.set("care.csv", line: line, column: "address", to: "1 High Street\nFlat 2")
        }
        let report = fixture.check()
        // Each broken row is reported once, at the line its record starts on (each adds a line),
        // and nothing else is wrong: every other row, on both sides of the split, read cleanly.
        #expect(report.errors.map(\.field) == Array(repeating: "address", count: 7))
        #expect(report.errors.compactMap(\.line) == (0..<7).map { middle - 3 + $0 * 2 })
    }

    @Test func splitReadingGivesTheSameCatalog() throws {
        let fixture = CatalogFixture(seed: 8, providers: 4_000)
        let catalog = try fixture.load()
        let lines = Self.lineCount(fixture, "schools.csv") + Self.lineCount(fixture, "care.csv")
            + Self.lineCount(fixture, "gp.csv") + Self.lineCount(fixture, "other.csv") - 4
        #expect(catalog.providers.count == 4_000)
        #expect(lines == 4_000)
        #expect(Set(catalog.providers.map(\.id)).count == 4_000)
    }
}

@Suite("Split reading, forced")
struct ForcedSplitTests {
    /// Reads a table whole, and again in parts starting at `splits`, and returns both results.
    private func readBothWays(_ text: String, splits: (Int) -> [Int]) throws -> (whole: TableResult, halves: TableResult) {
        let fixture = CatalogFixture(seed: 2, providers: 60)
        let context = LoadContext(manifest: try fixture.load().manifest)
        var problems: [CatalogProblem] = []
        let data = Array(text.utf8)
        let table = try #require(ProviderTableReader.prepare(kind: .care, file: "care.csv", data: data, problems: &problems))
        let whole = ProviderTableReader.readPart(table, from: table.bodyStart, line: table.bodyLine, until: nil, context: context).result
        let forced = ProviderTableReader.Prepared(kind: .care, file: "care.csv", data: data, mapping: table.mapping,
                                                  headerFields: table.headerFields, bodyStart: table.bodyStart,
                                                  bodyLine: table.bodyLine, splits: splits(data.count))
        let parts = (0..<forced.partCount).map { ProviderTableReader.readPart(forced, number: $0, context: context) }
        return (whole, ProviderTableReader.assemble(forced, parts: parts, context: context))
    }

    private func readBothWays(_ text: String, split: (Int) -> Int) throws -> (whole: TableResult, halves: TableResult) {
        try readBothWays(text, splits: { [split($0)] })
    }

    @Test func manyPartsWithEdgesInsideAndBetweenRecordsGiveTheSameTable() throws {
        var fixture = CatalogFixture(seed: 2, providers: 60)
        fixture.set("care.csv", line: 6, column: "address", to: "1 High Street\nFlat 2\nBack door")
        fixture.set("care.csv", line: 12, column: "price", to: "lots")
        let text = fixture.files["care.csv"] ?? ""
        let bytes = Array(text.utf8)
        let lineStarts = bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        try #require(lineStarts.count > 16)
        let inside = bytes.firstIndex(of: UInt8(ascii: "\n"), after: "1 High Street")
        let alsoInside = bytes.firstIndex(of: UInt8(ascii: "\n"), after: "Flat 2")
        // Two edges inside one record, edges at record starts, and two parts that are one record each.
        let splits = [lineStarts[2], inside, alsoInside, lineStarts[10], lineStarts[11], lineStarts[12], lineStarts[15]].sorted()
        let (whole, parts) = try readBothWays(text) { _ in splits }
        #expect(parts.providers == whole.providers)
        #expect(parts.lines == whole.lines)
        #expect(parts.problems.map(\.description) == whole.problems.map(\.description))
        #expect(whole.problems.compactMap(\.line) == [6, 12])
    }

    @Test func splitInsideAQuotedValueFallsBackToReadingOn() throws {
        var fixture = CatalogFixture(seed: 2, providers: 60)
        fixture.set("care.csv", line: 6, column: "address", to: "1 High Street\nFlat 2")
        let text = fixture.files["care.csv"] ?? ""
        let inside = Array(text.utf8).firstIndex(of: UInt8(ascii: "\n"), after: "1 High Street")
        let (whole, halves) = try readBothWays(text) { _ in inside }
        #expect(halves.providers == whole.providers)
        #expect(halves.lines == whole.lines)
        #expect(halves.problems.map(\.description) == whole.problems.map(\.description))
        #expect(whole.problems.first?.line == 6)
    }

    @Test func splitAtARecordBoundaryJoinsTheHalves() throws {
        var fixture = CatalogFixture(seed: 2, providers: 60)
        fixture.set("care.csv", line: 20, column: "price", to: "lots")
        let text = fixture.files["care.csv"] ?? ""
        let bytes = Array(text.utf8)
        let boundary = (bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst(9).first ?? 0) + 1
        let (whole, halves) = try readBothWays(text) { _ in boundary }
        #expect(halves.providers == whole.providers)
        #expect(halves.lines == whole.lines)
        #expect(halves.problems.map(\.description) == whole.problems.map(\.description))
        #expect(whole.problems.first?.line == 20)
    }
}

extension Array where Element == UInt8 {
    /// The index just past the first `byte` that follows `marker`.
    fileprivate func firstIndex(of byte: UInt8, after marker: String) -> Int {
        let needle = Array(marker.utf8)
        guard let start = indices.first(where: { index in index + needle.count <= count && Array(self[index..<(index + needle.count)]) == needle })
        else { return 0 }
        return (self[(start + needle.count)...].firstIndex(of: byte) ?? 0) + 1
    }
}
