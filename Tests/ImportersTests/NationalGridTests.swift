import ChoiceKit
import Foundation
import Testing
@testable import Importers

@Suite("British National Grid to WGS84")
struct NationalGridTests {
    /// Ordnance Survey's worked example of the inverse projection (A guide to coordinate systems in
    /// Great Britain, Annex C): E 651409.903, N 313177.270 is 52°39′27.2531″N, 1°43′4.5177″E on OSGB36.
    @Test func inverseProjectionMatchesOrdnanceSurveysWorkedExample() {
        let point = NationalGrid.osgb36(easting: 651_409.903, northing: 313_177.270)
        let latitude = 52 + 39.0 / 60 + 27.2531 / 3600
        let longitude = 1 + 43.0 / 60 + 4.5177 / 3600
        // A ten-thousandth of a second of arc is about 3 mm.
        #expect(abs(point.latitude - latitude) * 3600 < 0.0002)
        #expect(abs(point.longitude - longitude) * 3600 < 0.0002)
    }

    /// The real rows of the 2026 NSPL sample carry both a grid reference and ONS's latitude and
    /// longitude: the conversion lands within 5 metres of each.
    @Test("real NSPL rows", arguments: [
        ("CA8 7JG", 366_033.0, 564_878.0, 54.977349, -2.532223),
        ("BR8 7QP", 549_571.0, 169_349.0, 51.403453, 0.148952),
        ("BR8 7QW", 549_370.0, 168_924.0, 51.399687, 0.145885),
    ])
    func realRowsWithinFiveMetres(postcode: String, easting: Double, northing: Double, latitude: Double, longitude: Double) throws {
        let point = try #require(NationalGrid.wgs84(easting: easting, northing: northing))
        let metres = point.distance(to: GeoPoint(latitude: latitude, longitude: longitude))
        #expect(metres < NationalGridFacts.helmertAccuracyMetres.value, "\(postcode) is \(metres) m away")
        #expect(metres < 2.5, "\(postcode) is \(metres) m away; the sample's notes say under 2 m")
    }

    @Test func composedKingsmereRowsAgreeWithTheirCoordinates() throws {
        // Computed for the samples by the same method: these agree to well under a metre.
        let point = try #require(NationalGrid.wgs84(easting: 458_210, northing: 304_120))
        #expect(point.distance(to: GeoPoint(latitude: 52.631721, longitude: -1.141375)) < 1)
    }

    @Test func offTheGridIsNil() {
        #expect(NationalGrid.wgs84(easting: -5, northing: 100) == nil)
        #expect(NationalGrid.wgs84(easting: 400_000, northing: 2_000_000) == nil)
        #expect(NationalGrid.wgs84(easting: .nan, northing: 100) == nil)
    }
}
