import Foundation

/// A point on the Earth in WGS84 degrees. Coordinates are not money: floating point is right here.
public struct GeoPoint: Hashable, Sendable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Finite, latitude within ±90 and longitude within ±180 degrees.
    public static func isValid(latitude: Double, longitude: Double) -> Bool {
        latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }

    /// Mean radius of the Earth in metres (IUGG), as used for straight-line distances.
    public static let earthRadiusMetres = 6_371_008.8

    /// Great-circle ("as the crow flies") distance in metres, by the haversine formula.
    public func distance(to other: GeoPoint) -> Double {
        let lat1 = latitude * .pi / 180, lat2 = other.latitude * .pi / 180
        let dLat = lat2 - lat1
        let dLon = (other.longitude - longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Self.earthRadiusMetres * asin(min(1, a.squareRoot()))
    }

    /// The point as a unit vector. The chord between two such vectors orders and filters distances
    /// exactly like the great-circle distance, at the cost of a few multiplications.
    public var unitVector: UnitVector {
        let lat = latitude * .pi / 180, lon = longitude * .pi / 180
        return UnitVector(x: cos(lat) * cos(lon), y: cos(lat) * sin(lon), z: sin(lat))
    }
}

public struct UnitVector: Hashable, Sendable {
    public var x: Double, y: Double, z: Double

    @inline(__always)
    public func chordSquared(to other: UnitVector) -> Double {
        let dx = x - other.x, dy = y - other.y, dz = z - other.z
        return dx * dx + dy * dy + dz * dz
    }

    /// Great-circle metres for a squared chord length.
    public static func metres(chordSquared: Double) -> Double {
        2 * GeoPoint.earthRadiusMetres * asin(min(1, chordSquared.squareRoot() / 2))
    }

    /// The squared chord matching a great-circle distance, for "within N km" filters.
    public static func chordSquared(metres: Double) -> Double {
        let chord = 2 * sin(min(Double.pi / 2, metres / (2 * GeoPoint.earthRadiusMetres)))
        return chord * chord
    }
}

/// Distances as people read them: metres under 1 km, then kilometres to one decimal place.
public enum DistanceText {
    public static func format(metres: Double) -> String {
        // Larger than any distance on Earth, or not a number: never a trap on bad data.
        guard metres.isFinite, metres >= 0, metres < 100_000_000 else { return "unknown distance" }
        let shown = Int(rounded(metres: metres))
        if shown < 1000 { return "\(shown) m" }
        return "\(shown / 1000).\(shown / 100 % 10) km"
    }

    /// The distance as `format` shows it, in metres: to 10 m under a kilometre, to 100 m from
    /// there (995 m shows as 1.0 km, so it is 1,000). Comparing these keeps a "1.0 km" inside
    /// "within 1 km".
    public static func rounded(metres: Double) -> Double {
        guard metres.isFinite, metres >= 0 else { return metres }
        let tens = (metres / 10).rounded() * 10
        return tens < 1000 ? tens : (metres / 100).rounded() * 100
    }

    /// In words, for plain mode and screen readers: "830 metres", "1.5 kilometres", "1 kilometre"
    /// (a whole number is said without its ".0").
    public static func spoken(metres: Double) -> String {
        let short = format(metres: metres)
        func said(_ number: Substring, _ unit: String) -> String {
            let whole = number.hasSuffix(".0") ? number.dropLast(2) : number
            return "\(whole) \(unit)\(whole == "1" ? "" : "s")"
        }
        if short.hasSuffix(" km") { return said(short.dropLast(3), "kilometre") }
        if short.hasSuffix(" m") { return said(short.dropLast(2), "metre") }
        return short
    }
}
