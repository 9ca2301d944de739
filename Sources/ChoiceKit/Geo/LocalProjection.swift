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
/// cannot be drawn: "1 GP practice within 500 m of KM1 9UY: Swanton Surgery (480 m north-east)."
/// then "3 more within 1 km: …". A provider falls in the band its shown (rounded) distance says.
/// Contracted services (waste, probation, employment) serve the whole area from wherever their
/// office is, so they are listed as covering it, not by distance.
public enum NearbyDescription {
    public static let bands: [Double] = [500, 1_000, 2_000, 5_000]

    /// `limit` names at most that many in each line ("; and 4 more"), nil names every one;
    /// `number` gives a provider's number in the list the person can open it from ("#3 …").
    public static func describe(_ positions: [Int32], from centre: GeoPoint, named place: String, in catalog: Catalog,
                                kind: ProviderKind, limit: Int? = nil, number: ((Int32) -> Int?)? = nil) -> [String] {
        func count(_ count: Int) -> String { "\(count) \(count == 1 ? kind.singular : kind.plural)" }
        func names(_ entries: ArraySlice<Measured>, detail: (Measured) -> String) -> String {
            let shown = limit.map { entries.prefix($0) } ?? entries
            let named = shown.map { entry in
                let numbered = number?(entry.position).map { "#\($0) " } ?? ""
                return "\(numbered)\(entry.provider.name) (\(detail(entry)))"
            }
            let hidden = entries.count - shown.count
            return named.joined(separator: "; ") + (hidden > 0 ? "; and \(hidden) more" : "")
        }
        let measured = positions.map { position in
            Measured(position: position, provider: catalog.providers[Int(position)],
                     metres: catalog.distance(from: centre, toProviderAt: Int(position)))
        }.sorted { $0.metres < $1.metres }
        guard !measured.isEmpty else { return ["No \(kind.plural) to show."] }
        if kind == .other {
            let area = catalog.manifest.area.name
            let byName = measured.sorted { $0.provider.name < $1.provider.name }
            let serves = byName.count == 1 ? "covers" : "cover"
            return ["\(count(byName.count)) \(serves) the whole of \(area), wherever you live in it: "
                    + names(byName[...]) { catalog.manifest.service(id: $0.provider.contract?.serviceID ?? "")?.name.lowercased() ?? $0.provider.subType } + "."]
        }
        let projection = LocalProjection(centre: centre)
        func detail(_ entry: Measured) -> String {
            "\(DistanceText.format(metres: entry.metres)) \(projection.direction(to: entry.provider.location))"
        }
        var lines: [String] = []
        var rest = measured[...]
        for band in bands {
            let inBand = rest.prefix { DistanceText.rounded(metres: $0.metres) <= band }
            rest = rest.dropFirst(inBand.count)
            guard !inBand.isEmpty else { continue }
            let opening = lines.isEmpty ? "\(count(inBand.count)) within \(label(band)) of \(place)" : "\(inBand.count) more within \(label(band))"
            lines.append("\(opening): \(names(inBand, detail: detail)).")
        }
        if !rest.isEmpty, let last = bands.last {
            let opening = lines.isEmpty ? "\(count(rest.count)) further than \(label(last)) from \(place)" : "\(rest.count) more further than \(label(last))"
            lines.append("\(opening): \(names(rest, detail: detail)).")
        }
        return lines
    }

    struct Measured {
        let position: Int32
        let provider: Provider
        let metres: Double
    }

    /// "500 m", "1 km", "2 km".
    static func label(_ metres: Double) -> String {
        metres < 1000 ? "\(Int(metres)) m" : "\(Int(metres / 1000)) km"
    }
}
