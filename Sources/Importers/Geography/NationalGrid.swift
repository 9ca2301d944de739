import ChoiceKit
import Foundation

/// British National Grid eastings and northings to WGS84 latitude and longitude, by Ordnance
/// Survey's published method: the inverse Transverse Mercator projection on Airy 1830 (OSGB36),
/// then the seven-parameter Helmert transformation to WGS84. OS puts this within about 5 metres;
/// the figures themselves are in `NationalGridFacts`.
public enum NationalGrid {
    /// Eastings and northings that lie on the grid (Great Britain and its seas, with room).
    public static let eastings = 0.0...800_000.0
    public static let northings = 0.0...1_400_000.0

    /// WGS84 degrees for a grid reference in metres, or nil when it is off the grid.
    public static func wgs84(easting: Double, northing: Double) -> GeoPoint? {
        guard eastings.contains(easting), northings.contains(northing) else { return nil }
        let osgb36 = osgb36(easting: easting, northing: northing)
        let airy = NationalGridFacts.airy1830.value
        let cartesian = Cartesian(latitude: osgb36.latitude, longitude: osgb36.longitude, on: airy)
        let moved = cartesian.transformed(by: NationalGridFacts.osgb36ToWGS84.value)
        let point = moved.geodetic(on: NationalGridFacts.wgs84.value)
        guard GeoPoint.isValid(latitude: point.latitude, longitude: point.longitude) else { return nil }
        return point
    }

    /// OSGB36 latitude and longitude in degrees: the inverse projection alone (OS's Annex C).
    public static func osgb36(easting: Double, northing: Double) -> GeoPoint {
        let ellipsoid = NationalGridFacts.airy1830.value
        let grid = NationalGridFacts.projection.value
        let a = ellipsoid.semiMajorAxis, b = ellipsoid.semiMinorAxis
        let f0 = grid.centralScale
        let phi0 = grid.originLatitudeDegrees * .pi / 180, lambda0 = grid.originLongitudeDegrees * .pi / 180
        let e2 = ellipsoid.eccentricitySquared
        let n = (a - b) / (a + b), n2 = n * n, n3 = n2 * n

        func meridionalArc(_ phi: Double) -> Double {
            let difference = phi - phi0, sum = phi + phi0
            return b * f0 * ((1 + n + 1.25 * n2 + 1.25 * n3) * difference
                - (3 * n + 3 * n2 + 21.0 / 8 * n3) * sin(difference) * cos(sum)
                + (15.0 / 8 * n2 + 15.0 / 8 * n3) * sin(2 * difference) * cos(2 * sum)
                - 35.0 / 24 * n3 * sin(3 * difference) * cos(3 * sum))
        }

        let north = northing - grid.falseNorthing
        var phi = north / (a * f0) + phi0
        var arc = meridionalArc(phi)
        // Converges to a hundredth of a millimetre in a handful of steps.
        for _ in 0..<20 where abs(north - arc) >= 0.00001 {
            phi += (north - arc) / (a * f0)
            arc = meridionalArc(phi)
        }
        let sinPhi = sin(phi), cosPhi = cos(phi), tanPhi = tan(phi)
        let nu = a * f0 / (1 - e2 * sinPhi * sinPhi).squareRoot()
        let rho = a * f0 * (1 - e2) / pow(1 - e2 * sinPhi * sinPhi, 1.5)
        let eta2 = nu / rho - 1
        let tan2 = tanPhi * tanPhi, tan4 = tan2 * tan2, tan6 = tan4 * tan2
        let secPhi = 1 / cosPhi
        let nu3 = nu * nu * nu, nu5 = nu3 * nu * nu, nu7 = nu5 * nu * nu
        let vii = tanPhi / (2 * rho * nu)
        let viii = tanPhi / (24 * rho * nu3) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2)
        let ix = tanPhi / (720 * rho * nu5) * (61 + 90 * tan2 + 45 * tan4)
        let x = secPhi / nu
        let xi = secPhi / (6 * nu3) * (nu / rho + 2 * tan2)
        let xii = secPhi / (120 * nu5) * (5 + 28 * tan2 + 24 * tan4)
        let xiia = secPhi / (5040 * nu7) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6)
        let de = easting - grid.falseEasting
        let de2 = de * de, de3 = de2 * de, de4 = de2 * de2, de5 = de4 * de, de6 = de3 * de3, de7 = de6 * de
        let latitude = phi - vii * de2 + viii * de4 - ix * de6
        let longitude = lambda0 + x * de - xi * de3 + xii * de5 - xiia * de7
        return GeoPoint(latitude: latitude * 180 / .pi, longitude: longitude * 180 / .pi)
    }

    /// A point as x, y, z in metres from the ellipsoid's centre (at height zero).
    struct Cartesian {
        var x: Double, y: Double, z: Double

        init(x: Double, y: Double, z: Double) {
            self.x = x
            self.y = y
            self.z = z
        }

        init(latitude: Double, longitude: Double, on ellipsoid: NationalGridFacts.Ellipsoid) {
            let phi = latitude * .pi / 180, lambda = longitude * .pi / 180
            let e2 = ellipsoid.eccentricitySquared
            let nu = ellipsoid.semiMajorAxis / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
            x = nu * cos(phi) * cos(lambda)
            y = nu * cos(phi) * sin(lambda)
            z = (1 - e2) * nu * sin(phi)
        }

        func transformed(by helmert: NationalGridFacts.Helmert) -> Cartesian {
            let secondsToRadians = Double.pi / (180 * 3600)
            let s = helmert.scalePPM * 1e-6
            let rx = helmert.rotationSeconds.x * secondsToRadians
            let ry = helmert.rotationSeconds.y * secondsToRadians
            let rz = helmert.rotationSeconds.z * secondsToRadians
            let t = helmert.translation
            return Cartesian(x: t.x + (1 + s) * x - rz * y + ry * z,
                             y: t.y + rz * x + (1 + s) * y - rx * z,
                             z: t.z - ry * x + rx * y + (1 + s) * z)
        }

        func geodetic(on ellipsoid: NationalGridFacts.Ellipsoid) -> GeoPoint {
            let a = ellipsoid.semiMajorAxis, e2 = ellipsoid.eccentricitySquared
            let p = (x * x + y * y).squareRoot()
            var phi = atan2(z, p * (1 - e2))
            for _ in 0..<10 {
                let nu = a / (1 - e2 * sin(phi) * sin(phi)).squareRoot()
                let next = atan2(z + e2 * nu * sin(phi), p)
                if abs(next - phi) < 1e-12 {
                    phi = next
                    break
                }
                phi = next
            }
            return GeoPoint(latitude: phi * 180 / .pi, longitude: atan2(y, x) * 180 / .pi)
        }
    }
}
