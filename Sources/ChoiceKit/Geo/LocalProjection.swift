import Foundation

/// A flat map of a borough around one point: metres east and north of it. At a few kilometres
/// the earth's curve is far below a terminal cell, so an equirectangular projection scaled by the
/// cosine of the latitude is exact enough and keeps east on the same row.
public struct LocalProjection: Hashable, Sendable {
    public let centre: GeoPoint
    static let metresPerDegree = 6_371_008.8 * Double.pi / 180

    public init(centre: GeoPoint) { self.centre = centre }

    public func offset(of point: GeoPoint) -> (east: Double, north: Double) {
        let east = (point.longitude - centre.longitude) * cos(centre.latitude * Double.pi / 180) * Self.metresPerDegree
        let north = (point.latitude - centre.latitude) * Self.metresPerDegree
        return (east, north)
    }

    /// The point `east` and `north` metres from the centre.
    public func point(east: Double, north: Double) -> GeoPoint {
        let latitude = centre.latitude + north / Self.metresPerDegree
        let longitude = centre.longitude + east / (cos(centre.latitude * Double.pi / 180) * Self.metresPerDegree)
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    /// "north-east", "south" … for a point seen from the centre.
    public func direction(to point: GeoPoint) -> String {
        let (east, north) = offset(of: point)
        guard abs(east) > 1 || abs(north) > 1 else { return "here" }
        let degrees = (atan2(east, north) * 180 / Double.pi + 360).truncatingRemainder(dividingBy: 360)
        let names = ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"]
        return names[Int((degrees + 22.5) / 45) % 8]
    }
}

/// Providers near a point described in words, for plain mode and the command line, where a map
/// cannot be drawn: "3 practices within 1 km: Swanton Surgery (520 m north-east), …".
public enum NearbyDescription {
    public static let bands: [Double] = [500, 1_000, 2_000, 5_000]

    public static func describe(_ positions: [Int32], from centre: GeoPoint, named place: String, in catalog: Catalog,
                                kind: ProviderKind, limit: Int = 5) -> [String] {
        func noun(_ count: Int) -> String { count == 1 ? kind.singular : kind.label.lowercased().replacingOccurrences(of: "gp ", with: "GP ") }
        let projection = LocalProjection(centre: centre)
        let measured = positions.map { position in
            (provider: catalog.providers[Int(position)], metres: catalog.distance(from: centre, toProviderAt: Int(position)))
        }.sorted { $0.metres < $1.metres }
        var lines: [String] = []
        var lower = -1.0
        for band in bands {
            let inBand = measured.filter { $0.metres > lower && $0.metres <= band }
            lower = band
            guard !inBand.isEmpty else { continue }
            let names = inBand.prefix(limit).map { "\($0.provider.name) (\(DistanceText.format(metres: $0.metres)) \(projection.direction(to: $0.provider.location)))" }
            let more = inBand.count > limit ? "; and \(inBand.count - limit) more" : ""
            lines.append("\(inBand.count) \(noun(inBand.count)) within \(DistanceText.format(metres: band)) of \(place): \(names.joined(separator: "; "))\(more).")
        }
        let further = measured.filter { $0.metres > bands[bands.count - 1] }.count
        if further > 0 { lines.append("\(further) more \(noun(further)) further than \(DistanceText.format(metres: bands[bands.count - 1])).") }
        if lines.isEmpty { lines.append("No \(noun(0)) to show.") }
        return lines
    }
}
