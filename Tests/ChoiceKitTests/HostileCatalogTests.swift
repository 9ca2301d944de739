import Foundation
import Testing
@testable import ChoiceKit

/// Catalogs built to break the loader: numbers too large to hold, things that are not files,
/// hostile text, and mistakes repeated on every row. Each gets a message, never a trap.
@Suite("Hostile catalogs")
struct HostileCatalogTests {
    private func problems(_ fixture: CatalogFixture) -> [String] { fixture.check().problems.map(\.description) }

    // MARK: - Numbers out of range

    @Test func aTwelveDigitLatitudeIsOutOfRange() {
        var fixture = CatalogFixture()
        fixture.set("schools.csv", line: 2, column: "latitude", to: "1000000000000")
        #expect(problems(fixture).contains(
            "catalog/schools.csv:2: latitude: \"1000000000000\" is outside -90–90 degrees — check the figure: latitude is in decimal degrees, between -90 and 90"))
        fixture.set("schools.csv", line: 2, column: "latitude", to: "52.6")
        fixture.set("schools.csv", line: 2, column: "longitude", to: "-99999999999999999999999.5")
        #expect(problems(fixture).contains { $0.hasPrefix("catalog/schools.csv:2: longitude: \"-99999999999999999999999.5\" is outside -180–180 degrees") })
    }

    @Test func hugeWholeNumbersAndDecimalsAreOutOfRange() {
        var fixture = CatalogFixture()
        fixture.set("schools.csv", line: 3, column: "pupils", to: "123456789012345678901234567890")
        fixture.set("gp.csv", line: 2, column: "survey_good_pct", to: "99999999999999999999.5")
        let found = problems(fixture)
        #expect(found.contains("catalog/schools.csv:3: pupils: 123456789012345678901234567890 is outside 0–10000 — check the figure"))
        #expect(found.contains("catalog/gp.csv:2: survey_good_pct: 99999999999999999999.5 is outside 0.0–100.0 — check the figure"))
    }

    @Test func moneyBeyondAnyContractIsOutOfRange() {
        // Found by the fuzzer: £7,429,357,483,688,251 loaded, and its snapshot was then refused.
        var fixture = CatalogFixture()
        fixture.set("other.csv", line: 2, column: "contract_value", to: "7429357483688251")
        #expect(problems(fixture).contains(
            "catalog/other.csv:2: contract_value: \"£7,429,357,483,688,251.00\" is more than £100,000,000,000.00 — check the figure"))
    }

    @Test func aTwelveDigitLatitudeInAManifestPostcodeIsAMessage() throws {
        var fixture = CatalogFixture()
        let manifest = fixture.files["manifest.json"] ?? ""
        let entry = try #require(manifest.range(of: #"\["KM[0-9]+ [0-9][A-Z]{2}", [0-9.]+"#, options: .regularExpression))
        let postcode = String(manifest[entry].dropFirst(2).prefix { $0 != "\"" })
        let latitude = String(manifest[entry].split(separator: " ").last ?? "")
        for huge in ["1000000000000", "1e400", "-1e309"] {
            fixture.files["manifest.json"] = manifest.replacingCharacters(in: entry, with: "[\"\(postcode)\", \(huge)")
            let found = problems(fixture)
            #expect(found.contains { $0.contains("postcodes[") && $0.contains("\"\(postcode)\" has coordinates") && $0.contains("outside -90–90") },
                    "\(huge) instead of \(latitude): \(found.prefix(3))")
        }
    }

    @Test func areaRadiusMustBeAPlausibleNumber() {
        for radius in ["1e300", "-3", "0", "true", "\"12\""] {
            var fixture = CatalogFixture()
            fixture.files["manifest.json"] = fixture.files["manifest.json"]?
                .replacingOccurrences(of: #""radius_km": [0-9.]+"#, with: "\"radius_km\": \(radius)", options: .regularExpression)
            #expect(problems(fixture).contains { $0.contains(": area.radius_km: ") }, "radius \(radius)")
            #expect(fixture.check().catalog == nil)
        }
    }

    // MARK: - Things that are not files

    @Test func directoriesAndPipesInPlaceOfFilesGetAMessage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in CatalogFixture().files where name != "schools.csv" && name != "gp.csv" {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("schools.csv"), withIntermediateDirectories: true)
        #expect(mkfifo(directory.appendingPathComponent("gp.csv").path, 0o600) == 0)
        let source = DirectoryCatalogSource(directory: directory.path, displayName: "catalog")
        let found = CatalogLoader.check(source).problems.map(\.description)
        #expect(found.contains(
            "catalog/schools.csv: (file): is a directory, not a file — put the CSV table there, or correct its name under \"files\" in manifest.json"))
        #expect(found.contains { $0.hasPrefix("catalog/gp.csv: (file): is a named pipe, not a file") })

        try FileManager.default.removeItem(at: directory.appendingPathComponent("manifest.json"))
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("manifest.json"), withIntermediateDirectories: true)
        #expect(CatalogLoader.check(source).problems.map(\.description) == [
            "catalog/manifest.json: (file): is a directory, not a file — a catalog directory needs a manifest.json file; see catalog/README.md",
        ])
    }

    @Test func aDeviceInPlaceOfATableIsNotRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agora-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in CatalogFixture().files where name != "care.csv" {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("care.csv").path, withDestinationPath: "/dev/zero")
        let found = CatalogLoader.check(DirectoryCatalogSource(directory: directory.path, displayName: "catalog")).problems
        #expect(found.map(\.description).contains { $0.hasPrefix("catalog/care.csv: (file): is a device, not a file") })
    }

    // MARK: - Hostile text in messages and the manifest

    @Test func messagesQuoteValuesInertly() {
        var fixture = CatalogFixture()
        fixture.set("care.csv", line: 2, column: "cqc_location_id", to: "1-123\u{202E}456")
        fixture.replaceText("schools.csv", "id,name,", with: "id,name,x\u{1B}]0;owned\u{07},x\u{1B}]0;owned\u{07},")
        let found = fixture.check().problems.map(\.description)
        #expect(found.contains { $0.hasPrefix("catalog/care.csv:2: cqc_location_id: \"1-123\u{FFFD}456\" is not a CQC location id") })
        #expect(found.contains { $0.contains("x\u{241B}]0;owned\u{2407}") && $0.contains("the column appears twice") })
        for line in found {
            #expect(!line.unicodeScalars.contains { TextSafety.isControl($0) || TextSafety.isInvisibleControl($0) }, "\(line)")
        }
    }

    @Test func aFilesEntryWithANulIsRefusedAndShownInertly() {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"gp.csv\"", with: "\"gp.csv\\u0000.txt\"")
        let found = problems(fixture)
        #expect(found.contains { $0.contains(": files.gp: \"gp.csv\u{2400}.txt\" is not a file name in the catalog directory") })
        #expect(!found.joined().contains("\u{0}"))
    }

    @Test func manifestTextFieldsAreCheckedLikeTablesText() {
        let fields = [("\"description\": \"", "area.description"), ("\"local_authority\": \"", "area.local_authority"),
                      ("\"who_buys\": \"", "services[0].who_buys"), ("\"citizen_say\": \"", "services[0].citizen_say"),
                      ("\"role\": \"", "commissioners[0].role"), ("\"url\": \"", "sources[0].url"),
                      ("\"name\": \"Get Information", "sources[0].name")]
        for (prefix, path) in fields {
            var fixture = CatalogFixture()
            let manifest = fixture.files["manifest.json"] ?? ""
            guard let range = manifest.range(of: prefix) else {
                Issue.record("no \(prefix) in the manifest")
                continue
            }
            fixture.files["manifest.json"] = manifest.replacingCharacters(in: range, with: prefix + "\\u001b]2;pwned\\u0007")
            let report = fixture.check()
            #expect(report.catalog == nil, "\(path)")
            #expect(report.problems.map(\.description).contains {
                $0.contains(": \(path): contains a control character (U+001B) — remove it; catalog text must be plain, printable text")
            }, "\(path)")
        }
    }

    @Test func wrongShapesInTheManifestAreNamed() {
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"commissioners\": [\n", with: "\"commissioners\": [\n    42,\n")
        fixture.replaceText("manifest.json", "\"citizens_choose\": true", with: "\"citizens_choose\": true, \"commissioners\": \"dfe\"")
        let found = problems(fixture)
        #expect(found.contains { $0.contains(": commissioners[0]: is not an object") })
        #expect(found.contains { $0.contains(": services[0].commissioners: is not a list of commissioner ids") })
    }

    // MARK: - Where problems are reported

    @Test func aColumnWithoutANameIsNamedByItsPosition() {
        var fixture = CatalogFixture()
        var lines = (fixture.files["other.csv"] ?? "").split(separator: "\n").map { $0 + ",x" }
        lines[0] = lines[0].dropLast(2) + ","
        fixture.files["other.csv"] = lines.joined(separator: "\n") + "\n"
        let columns = CatalogFixture.cells(String(lines[0])).count
        #expect(fixture.check().warnings.map(\.description) == [
            "catalog/other.csv:1: (column \(columns)): warning: the column has no name, so it is ignored — name it (see catalog/README.md), or remove the column",
        ])
    }

    @Test func manifestProblemsAreReportedAtTheLineOfTheValue() throws {
        var fixture = CatalogFixture()
        let lines = (fixture.files["manifest.json"] ?? "").split(separator: "\n", omittingEmptySubsequences: false)
        let commissioner = try #require(lines.firstIndex { $0.contains("\"id\": \"council\"") }) + 1
        let service = try #require(lines.firstIndex { $0.contains("\"id\": \"waste\"") }) + 1
        fixture.replaceText("manifest.json", "\"name\": \"Department for Education\"", with: "\"name\": \"\"")
        fixture.replaceText("manifest.json", "\"id\": \"waste\", \"name\": \"Waste and recycling\"", with: "\"id\": \"waste\", \"name\": \" \"")
        let found = problems(fixture)
        #expect(found.contains("catalog/manifest.json:\(commissioner - 1): commissioners[0].name: is missing or empty — give a value for \"name\""))
        #expect(found.contains("catalog/manifest.json:\(service): services[2].name: is missing or empty — give a value for \"name\""))
    }

    @Test func aBadNameKeepsItsCommissionerServiceAndTableKnown() {
        // A control character in a commissioner's or a service's name is one problem; it used to
        // drop the entry, and every row naming it was then reported as naming an unknown one.
        var fixture = CatalogFixture()
        fixture.replaceText("manifest.json", "\"name\": \"Department for Education\"", with: "\"name\": \"Department\\u0001for Education\"")
        fixture.replaceText("manifest.json", "\"id\": \"waste\", \"name\": \"Waste and recycling\"",
                            with: "\"id\": \"waste\", \"name\": \"Waste\\u0002\"")
        fixture.replaceText("manifest.json", "\"school\": \"schools.csv\"", with: "\"school\": \"schools\\u0000.csv\"")
        let report = fixture.check()
        #expect(report.catalog == nil)
        #expect(report.errors.map(\.field).sorted() == ["commissioners[0].name", "files.school", "services[2].name"],
                "\(report.errors.map(\.description))")
    }

    // MARK: - Message size

    @Test func oneMistakeOnEveryRowIsCountedNotRepeated() {
        var fixture = CatalogFixture(seed: 7, providers: 200)
        let rows = (fixture.files["care.csv"] ?? "").split(separator: "\n").count - 1
        for line in 2...(rows + 1) { fixture.set("care.csv", line: line, column: "commissioner", to: "nobody") }
        let report = fixture.check()
        let commissionerLines = report.problems.filter { $0.field == "commissioner" }.map(\.description)
        #expect(commissionerLines.count == ProblemLimit.perCause + 1)
        #expect(commissionerLines.last == "catalog/care.csv: commissioner: … and \(rows - ProblemLimit.perCause) more like this")
        #expect(report.errorCount == rows)
    }

    @Test func aMegabyteCommissionerIdDoesNotMakeMegabyteMessages() {
        var fixture = CatalogFixture(seed: 7, providers: 200)
        let huge = String(repeating: "x", count: 1_000_000)
        fixture.replaceText("manifest.json", "\"id\": \"council\"", with: "\"id\": \"\(huge)\"")
        let report = fixture.check()
        #expect(report.catalog == nil)
        let total = report.problems.reduce(0) { $0 + $1.description.utf8.count }
        #expect(total < 20_000, "\(total) bytes of messages")
        #expect(report.problems.contains { $0.description.contains("more like this") })
    }
}
