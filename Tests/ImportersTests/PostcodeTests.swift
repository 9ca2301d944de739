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
        #expect(topics == ["schools", "ofsted", "care", "gp", "postcodes"])
        #expect(made.catalog.manifest.dataDate("care")?.asOf == CalendarDate(year: 2026, month: 9, day: 16))
    }
}
