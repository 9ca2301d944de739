/// The British National Grid and its link to WGS84, as Ordnance Survey publishes them: the
/// Transverse Mercator projection on the Airy 1830 ellipsoid (OSGB36), and the seven-parameter
/// Helmert transformation between OSGB36 and WGS84. OS gives the Helmert transformation as good to
/// about 5 metres (its OSTN15 grid is the exact one; at this accuracy it is not needed to find a
/// school or a postcode).
public enum NationalGridFacts {
    public static let source = Source(
        publisher: "Ordnance Survey", title: "A guide to coordinate systems in Great Britain",
        url: "https://www.ordnancesurvey.co.uk/documents/resources/guide-coordinate-systems-great-britain.pdf",
        year: "2020")

    public struct Ellipsoid: Hashable, Sendable {
        public let semiMajorAxis: Double
        public let semiMinorAxis: Double
        public var eccentricitySquared: Double {
            (semiMajorAxis * semiMajorAxis - semiMinorAxis * semiMinorAxis) / (semiMajorAxis * semiMajorAxis)
        }
    }

    /// Airy 1830, the ellipsoid of OSGB36 and the National Grid.
    public static let airy1830 = ReferenceFigure(Ellipsoid(semiMajorAxis: 6_377_563.396, semiMinorAxis: 6_356_256.909), source: source)
    /// GRS80, which WGS84 matches to well under a millimetre at the Earth's surface.
    public static let wgs84 = ReferenceFigure(Ellipsoid(semiMajorAxis: 6_378_137.000, semiMinorAxis: 6_356_752.3141), source: source)

    /// The National Grid's projection: scale on the central meridian, true origin (49°N, 2°W) and
    /// the false easting and northing of that origin, in metres.
    public struct Projection: Hashable, Sendable {
        public let centralScale: Double
        public let originLatitudeDegrees: Double
        public let originLongitudeDegrees: Double
        public let falseEasting: Double
        public let falseNorthing: Double
    }

    public static let projection = ReferenceFigure(
        Projection(centralScale: 0.9996012717, originLatitudeDegrees: 49, originLongitudeDegrees: -2,
                   falseEasting: 400_000, falseNorthing: -100_000),
        source: source)

    /// OSGB36 to WGS84: translations in metres, scale in parts per million, rotations in seconds
    /// of arc (OS publishes WGS84 to OSGB36; this is it with every sign turned, as OS advises).
    public struct Helmert: Hashable, Sendable {
        public let translation: (x: Double, y: Double, z: Double)
        public let scalePPM: Double
        public let rotationSeconds: (x: Double, y: Double, z: Double)

        public static func == (lhs: Helmert, rhs: Helmert) -> Bool {
            lhs.translation == rhs.translation && lhs.scalePPM == rhs.scalePPM && lhs.rotationSeconds == rhs.rotationSeconds
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(translation.x); hasher.combine(translation.y); hasher.combine(translation.z)
            hasher.combine(scalePPM)
            hasher.combine(rotationSeconds.x); hasher.combine(rotationSeconds.y); hasher.combine(rotationSeconds.z)
        }
    }

    public static let osgb36ToWGS84 = ReferenceFigure(
        Helmert(translation: (446.448, -125.157, 542.060), scalePPM: -20.4894, rotationSeconds: (0.1502, 0.2470, 0.8421)),
        source: source)

    /// How far the Helmert transformation may be from the truth, in metres, as OS states it.
    public static let helmertAccuracyMetres = ReferenceFigure(5.0, source: source)

    /// Where a postcode of ONS's lookups can lie: they cover the United Kingdom, the Channel
    /// Islands and the Isle of Man, whose land runs from about 49.2° N (Jersey) to 60.9° N
    /// (Shetland) and from 8.2° W (Fermanagh) to 1.8° E (Lowestoft); with a margin. A location
    /// outside it is a mistake in the file.
    public static let postcodeExtent = ReferenceFigure(
        LatitudeLongitudeBox(latitudes: 49.0...61.0, longitudes: -8.7...2.0),
        source: Source(publisher: "Office for National Statistics", title: "National Statistics Postcode Lookup user guide (coverage)",
                       url: "https://geoportal.statistics.gov.uk/", year: "2026"))
}

/// A box of latitudes and longitudes, in degrees.
public struct LatitudeLongitudeBox: Hashable, Sendable {
    public let latitudes: ClosedRange<Double>
    public let longitudes: ClosedRange<Double>

    public func contains(_ point: GeoPoint) -> Bool {
        latitudes.contains(point.latitude) && longitudes.contains(point.longitude)
    }
}
