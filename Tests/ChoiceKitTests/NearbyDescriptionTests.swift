import Foundation
import Testing
@testable import ChoiceKit
import EmbeddedCatalog

@Suite("The map in words")
struct NearbyDescriptionTests {
    let catalog: Catalog

    init() throws { catalog = try Catalog.load(from: EmbeddedCatalog.source) }

    @Test func distancesInWords() {
        #expect(DistanceText.spoken(metres: 1_000) == "1 kilometre")
        #expect(DistanceText.spoken(metres: 996) == "1 kilometre")
        #expect(DistanceText.spoken(metres: 2_040) == "2 kilometres")
        #expect(DistanceText.spoken(metres: 1_530) == "1.5 kilometres")
        #expect(DistanceText.spoken(metres: 830) == "830 metres")
        #expect(DistanceText.spoken(metres: .nan) == "unknown distance")
    }

    @Test func aDistanceShownAsOneKilometreIsWithinOneKilometre() throws {
        let position = try #require(catalog.index.positions(of: .gp).first)
        let practice = catalog.providers[Int(position)]
        for metres in [1_040.0, 998] {
            let home = LocalProjection(centre: practice.location).point(east: -metres, north: 0)
            let lines = NearbyDescription.describe([position], from: home, named: "home", in: catalog, kind: .gp)
            #expect(lines == ["1 GP practice within 1 km of home: \(practice.name) (1.0 km east)."])
        }
        #expect(DistanceText.format(metres: 996) == "1.0 km")
        #expect(DistanceText.format(metres: 994) == "990 m")
        #expect(DistanceText.format(metres: 1_049) == "1.0 km" && DistanceText.rounded(metres: 1_049) == 1_000)
        #expect(DistanceText.format(metres: 1_050) == "1.1 km" && DistanceText.rounded(metres: 1_050) == 1_100)
    }

    @Test func laterBandsSayMoreAndEveryNameIsListedWithItsRoundedDistanceInsideTheBand() throws {
        let positions = catalog.index.positions(of: .gp)
        let home = try #require(catalog.postcode("KM1 9UY"))
        let lines = NearbyDescription.describe(positions, from: home.location, named: "KM1 9UY", in: catalog, kind: .gp)
        #expect(lines.count >= 2)
        #expect(lines[0].range(of: #"^\d+ GP practices? within \d+ (m|km) of KM1 9UY: "#, options: .regularExpression) != nil, "\(lines[0])")
        for line in lines.dropFirst() {
            #expect(line.range(of: #"^\d+ more (within \d+ (m|km)|further than 5 km): "#, options: .regularExpression) != nil, "\(line)")
        }
        #expect(!lines.joined().contains("; and "), "the command line names every one")
        var named = 0
        var lower = 0.0
        for line in lines {
            let band = try #require(Self.band(of: line))
            let distances = Self.distances(in: line)
            named += distances.count
            #expect(distances.allSatisfy { $0 > lower && ($0 <= band || band == 5_000 && line.contains("further")) }, "\(line)")
            lower = band
        }
        #expect(named == positions.count)
    }

    @Test func countsUseTheKindsNounsAndPlainModeNumbersAndShortens() throws {
        let positions = catalog.index.positions(of: .care)
        let home = try #require(catalog.postcode("KM1 9UY"))
        let lines = NearbyDescription.describe(positions, from: home.location, named: "KM1 9UY", in: catalog, kind: .care,
                                               limit: 2, number: { _ in 7 })
        #expect(lines[0].range(of: #"^\d+ care services? within"#, options: .regularExpression) != nil, "\(lines[0])")
        #expect(!lines.joined().contains("care for older people within"))
        #expect(lines.allSatisfy { $0.contains(": #7 ") })
        #expect(lines.contains { $0.contains("; and ") && $0.hasSuffix(" more.") })
        let one = NearbyDescription.describe(Array(positions.prefix(1)), from: home.location, named: "here", in: catalog, kind: .care)
        #expect(one[0].hasPrefix("1 care service "))
        #expect(NearbyDescription.describe([], from: home.location, named: "here", in: catalog, kind: .school) == ["No schools to show."])
    }

    @Test func contractedServicesCoverTheWholeAreaWithoutADistance() throws {
        let positions = catalog.index.positions(of: .other)
        let home = try #require(catalog.postcode("KM1 9UY"))
        let lines = NearbyDescription.describe(positions, from: home.location, named: "KM1 9UY", in: catalog, kind: .other)
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("\(positions.count) contracted services cover the whole of Kingsmere"))
        #expect(lines[0].contains("(waste and recycling)"))
        #expect(!lines[0].contains(" km") && !lines[0].contains(" m "))
    }

    /// The band a line speaks of, in metres.
    static func band(of line: String) -> Double? {
        guard let range = line.range(of: #"(within|than) \d+ (m|km)"#, options: .regularExpression) else { return nil }
        let words = line[range].split(separator: " ")
        guard let value = Double(words[1]) else { return nil }
        return words[2] == "km" ? value * 1_000 : value
    }

    /// Every "(1.2 km" or "(520 m" in a line, in metres, as shown.
    static func distances(in line: String) -> [Double] {
        var found: [Double] = []
        var rest = line[...]
        while let range = rest.range(of: #"\((\d+(\.\d)?) (m|km) "#, options: .regularExpression) {
            let words = rest[range].dropFirst().split(separator: " ")
            if let value = Double(words[0]) { found.append(words[1] == "km" ? value * 1_000 : value) }
            rest = rest[range.upperBound...]
        }
        return found
    }
}
