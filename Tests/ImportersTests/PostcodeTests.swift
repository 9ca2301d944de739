import ChoiceKit
import Foundation
import Testing
@testable import Importers

@Suite("Postcodes: NSPL and ONSPD, old and new names, and Code-Point Open")
struct PostcodeTests {
    static func read(_ file: ImportFile, _ selection: PostcodeSelection = .localAuthority("E06000990")) throws -> PostcodesRead {
        try PostcodeFileReader.read(file, selecting: selection, control: .quiet)
    }

    static func count(_ read: PostcodesRead, _ reason: ImportReport.Reason) -> Int {
        read.section.skipped.first { $0.reason == reason }?.lines.count ?? 0
    }

    @Test func theOlderNamesWithTerminatedPostcodesCounted() throws {
        let read = try Self.read(Fixtures.postcodes)
        #expect(read.postcodes.count == 10)
        #expect(read.postcodes.first?.postcode == "KM1 2AB")
        #expect(read.postcodes.first?.location == GeoPoint(latitude: 52.631721, longitude: -1.141375))
        #expect(Self.count(read, Reasons.terminated) == 1)
        #expect(Self.count(read, Reasons.outsideArea) == 15)
        #expect(read.convertedFromGrid == 0)
    }

    @Test func the2026NamesWithTerminatedAndUnlocatedPostcodesCounted() throws {
        let read = try Self.read(Fixtures.nspl2026)
        #expect(read.postcodes.map(\.postcode) == ["KM1 2AB", "KM2 3CD", "KM3 4EF"])
        #expect(Self.count(read, Reasons.terminated) == 1)
        #expect(Self.count(read, Reasons.noLocation) == 1)
        #expect(Self.count(read, Reasons.outsideArea) == 3)
    }

    @Test func namesMatchWhateverTheirCase() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = """
        PCD7,PCDS,DOTERM,EAST1M,NORTH1M,GRIDIND,LAT,LONG,LAD25CD\r
        "KM1 2AB","KM1 2AB","","458210","304120","1",,,"E06000990"\r
        "KM2 3CD","KM2 3CD","","459050","303480","1",99.999999,0.000000,"e06000990"\r

        """
        let read = try Self.read(try Fixtures.write(Array(text.utf8), named: "upper.csv", in: scratch))
        #expect(read.postcodes.map(\.postcode) == ["KM1 2AB", "KM2 3CD"])
        // No latitude and longitude in the file: the grid reference, converted.
        #expect(read.convertedFromGrid == 2)
        #expect(read.postcodes[0].location.distance(to: GeoPoint(latitude: 52.631721, longitude: -1.141375)) < 1)
    }

    /// Rows of the 2026 layout for Kingsmere, the location fields given.
    static func kingsmereRow(_ postcode: String, east: String, north: String, grid: String = "1", lat: String, long: String) -> String {
        let padded = postcode.replacingOccurrences(of: " ", with: "  ")
        return "\"\(postcode)\",\"\(padded)\",\"\(postcode)\",\"201501\",\"\",\"0\",\"\(east)\",\"\(north)\",\"\(grid)\",\"E06000990\",\(lat),\(long)\r\n"
    }

    static let smallHeader = "pcd7,pcd8,pcds,dointr,doterm,usrtypind,east1m,north1m,gridind,lad26cd,lat,long\r\n"

    @Test func aRowWithALocationThatCannotBeRightIsSkippedAndListedNotFatal() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = Self.smallHeader
            + Self.kingsmereRow("KM1 2AB", east: "458210", north: "304120", lat: "52.631721", long: "-1.141375")
            // Off the National Grid, and no latitude and longitude.
            + Self.kingsmereRow("KM2 3CD", east: "9999999", north: "303480", lat: "", long: "")
            // A latitude that is no place on Earth, with no grid reference to fall back on.
            + Self.kingsmereRow("KM3 4EF", east: "", north: "", lat: "152.639865", long: "-1.148752")
            // Latitude and longitude swapped: on Earth, but not in the United Kingdom; the grid reference is right.
            + Self.kingsmereRow("KM1 5GH", east: "457700", north: "305020", lat: "-1.148752", long: "52.639865")
            // A grid reference that cannot be read.
            + Self.kingsmereRow("KM4 6JK", east: "45x700", north: "305020", lat: "", long: "")
            // No location, as ONS marks it: skipped as such, not as wrong.
            + Self.kingsmereRow("KM9 9ZZ", east: "", north: "", grid: "9", lat: "99.999999", long: "0.000000")
        let file = try Fixtures.write(Array(text.utf8), named: "NSPL_bad.csv", in: scratch)
        let read = try Self.read(file)
        #expect(read.postcodes.map(\.postcode) == ["KM1 2AB", "KM1 5GH"])
        #expect(read.convertedFromGrid == 1)
        #expect(Self.count(read, Reasons.wrongLocation) == 3)
        #expect(Self.count(read, Reasons.noLocation) == 1)
        let lines = read.section.skipped.first { $0.reason == Reasons.wrongLocation }
        #expect(lines?.lines == [3, 4, 6])
        #expect(lines?.details[3] == "easting 9999999, northing 303480 is not a place in the United Kingdom on the National Grid")
        #expect(lines?.details[4] == "lat 152.639865, long -1.148752 is not in the United Kingdom")
        #expect(lines?.details[6] == "the grid reference cannot be read as two numbers of metres")

        // The whole import goes on, and its report lists each row by file and line.
        let made = try ImportCatalog.run(ImportRequest(postcodes: file, area: .localAuthority("E06000990"), today: ImportCatalog.today))
        #expect(made.catalog.manifest.postcodes.map(\.postcode) == ["KM1 2AB", "KM1 5GH"])
        #expect(made.report.contains { $0.hasSuffix("/NSPL_bad.csv:3: a location that cannot be right (easting 9999999, northing 303480 is not a place in the United Kingdom on the National Grid)") })
        #expect(made.report.contains { $0.hasSuffix("/NSPL_bad.csv:4: a location that cannot be right (lat 152.639865, long -1.148752 is not in the United Kingdom)") })
    }

    @Test func aPostcodeFarFromTheRestOfItsLocalAuthorityIsSkippedAndListed() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        // KM2 3CD's figures put it in Cumbria (a real place, but 250 km from the rest of Kingsmere).
        let text = Self.smallHeader
            + Self.kingsmereRow("KM1 2AB", east: "458210", north: "304120", lat: "52.631721", long: "-1.141375")
            + Self.kingsmereRow("KM2 3CD", east: "366033", north: "564878", lat: "54.977349", long: "-2.532223")
            + Self.kingsmereRow("KM3 4EF", east: "457700", north: "305020", lat: "52.639865", long: "-1.148752")
        let file = try Fixtures.write(Array(text.utf8), named: "NSPL_stray.csv", in: scratch)
        let made = try ImportCatalog.run(ImportRequest(postcodes: file, area: .localAuthority("E06000990"), today: ImportCatalog.today))
        #expect(made.catalog.manifest.postcodes.map(\.postcode) == ["KM1 2AB", "KM3 4EF"])
        #expect(made.catalog.manifest.area.radiusKilometres < 2)
        #expect(made.report.contains { $0.hasSuffix("/NSPL_stray.csv (National Statistics Postcode Lookup): 3 rows — 2 imported, 1 skipped") })
        #expect(made.report.contains { $0.hasSuffix("/NSPL_stray.csv:3: a location far from the rest of its local authority's postcodes (KM2 3CD, 275 km from the middle of the rest)") })
    }

    @Test func asOfTheReleaseInTheFileNameElseTheNewestDatedPostcode() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bytes = try Fixtures.bytes("postcodes/nspl-2026-sample.csv")
        // ONS's name for the release: the date comes from it.
        let named = try Fixtures.write(bytes, named: "NSPL_FEB_2026_UK.csv", in: scratch)
        let fromName = try ImportCatalog.run(ImportRequest(postcodes: named, area: .localAuthority("E06000990"), today: ImportCatalog.today))
        #expect(fromName.catalog.manifest.dataDate("postcodes")?.asOf == CalendarDate(year: 2026, month: 2, day: 1))
        #expect(fromName.catalog.manifest.dataDate("postcodes")?.label == "Postcodes, dated by the file's name")
        #expect(fromName.report.contains("  as of 1 February 2026, from the file's name"))
        let source = try #require(fromName.catalog.manifest.sources.first { $0.name == "National Statistics Postcode Lookup" })
        #expect(source.usedFor.hasPrefix("postcode locations (as of 1 February 2026, from the file's name)"))
        // No date in the name: the newest month a postcode was introduced or terminated (the sample's
        // rows: introduced up to January 2015, one terminated in January 2024).
        let unnamed = try Fixtures.write(bytes, named: "postcodes.csv", in: scratch)
        let fromRows = try ImportCatalog.run(ImportRequest(postcodes: unnamed, area: .localAuthority("E06000990"), today: ImportCatalog.today))
        #expect(fromRows.catalog.manifest.dataDate("postcodes")?.asOf == CalendarDate(year: 2024, month: 1, day: 1))
        #expect(fromRows.catalog.manifest.dataDate("postcodes")?.label == "Postcodes, dated by the newest postcode in it (the file's name gives no release date)")
        #expect(fromRows.report.contains("  as of 1 January 2024, the newest month a postcode of the area was introduced or terminated (dointr, doterm; the file's name gives no release date)"))
    }

    @Test func codePointOpenWithoutAHeader() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = """
        "KM1 2AB",10,458210,304120,"E92000001","E19000003","E18000009","","E06000990","E05000001"\r
        "KM2 3CD",10,459050,303480,"E92000001","E19000003","E18000009","","E06000990","E05000001"\r
        "KM9 9ZZ",90,0,0,"E92000001","E19000003","E18000009","","E06000990","E05000001"\r
        "CA8 7JG",10,366033,564878,"E92000001","E19000001","E18000001","","E06000057","E05000002"\r

        """
        let read = try Self.read(try Fixtures.write(Array(text.utf8), named: "km.csv", in: scratch))
        guard case .codePointOpen = read.layout else {
            Issue.record("not read as Code-Point Open")
            return
        }
        #expect(read.postcodes.map(\.postcode) == ["KM1 2AB", "KM2 3CD"])
        #expect(read.postcodes[1].location.distance(to: GeoPoint(latitude: 52.625878, longitude: -1.129079)) < 1)
        #expect(Self.count(read, Reasons.noLocation) == 1)
        #expect(Self.count(read, Reasons.outsideArea) == 1)
        let withHeader = try Fixtures.write(Array(("PC,PQ,EA,NO,CY,RH,LH,CC,DC,WC\r\n" + text).utf8), named: "km-header.csv", in: scratch)
        #expect(try Self.read(withHeader).postcodes.count == 2)
    }

    @Test func anAreaByDistance() throws {
        let centre = GeoPoint(latitude: 52.631721, longitude: -1.141375)
        let read = try Self.read(Fixtures.postcodes, .within(centre, metres: 1_500))
        #expect(Set(read.postcodes.map(\.postcode)) == ["KM1 2AB", "KM2 3CD", "KM3 4EF", "KM1 5GH", "KM4 6JK", "KM3 7LM"])
        let made = try ImportCatalog.run(ImportRequest(gias: Fixtures.gias, postcodes: Fixtures.postcodes,
                                                       area: .radius(name: "Central Kingsmere", kilometres: 1.5, of: "km12ab"),
                                                       today: ImportCatalog.today))
        #expect(made.catalog.manifest.area.name == "Central Kingsmere")
        #expect(made.catalog.manifest.area.radiusKilometres == 1.5)
        #expect(made.catalog.count(of: .school) == 5)
    }

    @Test func areasByCodeOrByGIASName() throws {
        let byCode = try ImportCatalog.run(ImportRequest(postcodes: Fixtures.nspl2026, area: .localAuthority("e06000990"), today: ImportCatalog.today))
        #expect(byCode.catalog.manifest.postcodes.count == 3)
        #expect(byCode.catalog.providers.isEmpty)
        let byLACode = try ImportCatalog.run(ImportRequest(gias: Fixtures.gias, postcodes: Fixtures.nspl2026, area: .localAuthority("990"), today: ImportCatalog.today))
        #expect(byLACode.catalog.manifest.area.name == "Kingsmere")
        let unknown = #expect(throws: ImportFailure.self) {
            try Importer.run(ImportRequest(postcodes: Fixtures.nspl2026, area: .localAuthority("Kingsmere"), today: ImportCatalog.today), into: nil)
        }
        #expect(unknown?.isUsage == true)
        #expect(unknown?.message.hasPrefix("unknown area \"Kingsmere\" — give its GSS code") == true)
        let missing = #expect(throws: ImportFailure.self) {
            try Importer.run(ImportRequest(postcodes: Fixtures.nspl2026, area: .radius(name: "X", kilometres: 2, of: "KM9 9ZZ"), today: ImportCatalog.today), into: nil)
        }
        #expect(missing?.message.hasPrefix("KM9 9ZZ is not a live postcode with a location") == true)
    }

    @Test func theManifestCarriesLicencesAttributionAndDates() throws {
        let made = try ImportCatalog.kingsmere(postcodes: Fixtures.nspl2026, ods: Fixtures.epraccur2026)
        let sources = made.catalog.manifest.sources
        #expect(sources.count == 5)
        #expect(sources.allSatisfy { $0.licence.hasPrefix("Open Government Licence v3.0") && !$0.url.isEmpty })
        let postcodes = try #require(sources.first { $0.name == "National Statistics Postcode Lookup" })
        #expect(postcodes.licence.contains("Contains OS data © Crown copyright and database right"))
        #expect(postcodes.licence.contains("Contains Royal Mail data © Royal Mail copyright and database right"))
        #expect(postcodes.licence.contains("Source: Office for National Statistics"))
        let topics = made.catalog.manifest.dataDates.map(\.topic)
        #expect(topics == ["schools", "ofsted", "care", "cqc_ratings", "gp", "postcodes"])
        #expect(made.catalog.manifest.dataDate("care")?.asOf == CalendarDate(year: 2026, month: 9, day: 16))
    }
}
