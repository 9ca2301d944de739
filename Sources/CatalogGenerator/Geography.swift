import ChoiceKit

/// The fictional area: districts (towns and neighbourhoods) with their postcodes.
/// Only +, -, *, / and rounding are used on coordinates, so the output is the same on every machine.
struct Geography {
    struct District {
        let name: String
        let outward: String
        /// Centre in units of 1e-5 degrees.
        let latitude: Int
        let longitude: Int
        var postcodes: [Int] = []
    }

    /// Centre of the area, in 1e-5 degrees (near 52.63 N, 1.12 W).
    static let centreLatitude = 5_263_000
    static let centreLongitude = -112_000
    /// cos(52.63°), written out so no trigonometry runs here.
    private static let cosCentre = 0.607_1
    private static let metresPerDegree = 111_320.0

    let radiusKilometres: Double
    var districts: [District] = []
    var postcodes: [Manifest.PostcodeEntry] = []

    init(providerCount: Int, random: inout SeededRandom) {
        let scale = max(1.0, Double(providerCount) / 160.0).squareRoot()
        radiusKilometres = min(250, (7.0 * scale * 10).rounded() / 10)
        let districtCount = min(2_600, max(12, providerCount / 40))
        let postcodeCount = max(400, providerCount / 4)
        var usedNames = Set<String>()
        let districtRadius = radiusKilometres * 1000 * 0.8
        let spread = districtRadius / Double(districtCount).squareRoot() * 1.2
        for index in 0..<districtCount {
            let name = Self.districtName(index: index, random: &random, used: &usedNames)
            let (north, east) = Self.pointInDisc(radius: districtRadius, random: &random)
            let (latitude, longitude) = Self.offset(latitude: Self.centreLatitude, longitude: Self.centreLongitude,
                                                    northMetres: north, eastMetres: east)
            districts.append(District(name: name, outward: Self.outwardCode(index), latitude: latitude, longitude: longitude))
        }
        var usedInward = [Set<String>](repeating: [], count: districtCount)
        for index in 0..<postcodeCount {
            let districtIndex = index % districtCount
            let district = districts[districtIndex]
            var inward: String
            repeat {
                inward = Self.inwardCode(random: &random)
            } while !usedInward[districtIndex].insert(inward).inserted
            let (north, east) = Self.pointInDisc(radius: spread, random: &random)
            let (latitude, longitude) = Self.offset(latitude: district.latitude, longitude: district.longitude,
                                                    northMetres: north, eastMetres: east)
            districts[districtIndex].postcodes.append(postcodes.count)
            postcodes.append(Manifest.PostcodeEntry(
                postcode: "\(district.outward) \(inward)",
                location: GeoPoint(latitude: Double(latitude) / 100_000, longitude: Double(longitude) / 100_000),
                town: district.name))
        }
    }

    var centre: GeoPoint {
        GeoPoint(latitude: Double(Self.centreLatitude) / 100_000, longitude: Double(Self.centreLongitude) / 100_000)
    }

    /// A random postcode of a district.
    func postcode(in district: Int, random: inout SeededRandom) -> Manifest.PostcodeEntry {
        postcodes[random.pick(districts[district].postcodes)]
    }

    /// A point a few tens of metres from a postcode's centre (where the building actually is).
    func nearby(_ entry: Manifest.PostcodeEntry, random: inout SeededRandom) -> GeoPoint {
        let latitude = Int((entry.location.latitude * 100_000).rounded())
        let longitude = Int((entry.location.longitude * 100_000).rounded())
        let (moved, movedLongitude) = Self.offset(latitude: latitude, longitude: longitude,
                                                  northMetres: Double(random.int(-60...60)),
                                                  eastMetres: Double(random.int(-60...60)))
        return GeoPoint(latitude: Double(moved) / 100_000, longitude: Double(movedLongitude) / 100_000)
    }

    static func offset(latitude: Int, longitude: Int, northMetres: Double, eastMetres: Double) -> (Int, Int) {
        let dLat = northMetres / metresPerDegree * 100_000
        let dLon = eastMetres / (metresPerDegree * cosCentre) * 100_000
        return (latitude + Int(dLat.rounded()), longitude + Int(dLon.rounded()))
    }

    private static func pointInDisc(radius: Double, random: inout SeededRandom) -> (Double, Double) {
        while true {
            let x = Double(random.int(-10_000...10_000)) / 10_000
            let y = Double(random.int(-10_000...10_000)) / 10_000
            if x * x + y * y <= 1 { return (y * radius, x * radius) }
        }
    }

    /// KM1…KM99, then QA1…QZ99: outward codes no real postcode uses (no UK area starts with Q).
    static func outwardCode(_ index: Int) -> String {
        if index < 99 { return "KM\(index + 1)" }
        let rest = index - 99
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return "Q\(letters[(rest / 99) % 26])\(rest % 99 + 1)"
    }

    private static func inwardCode(random: inout SeededRandom) -> String {
        let letters = Array("ABDEFGHJLNPQRSTUWXYZ") // the letters real inward codes use
        return "\(random.int(0...9))\(random.pick(letters))\(random.pick(letters))"
    }

    private static func districtName(index: Int, random: inout SeededRandom, used: inout Set<String>) -> String {
        if index == 0 { used.insert("Kingsmere"); return "Kingsmere" }
        while true {
            var name = random.pick(Words.placeStarts) + random.pick(Words.placeEnds)
            if used.count > 300 { name = random.pick(Words.districtQualifiers) + " " + name }
            if used.count > 2_500 { name += " \(used.count)" }
            if used.insert(name).inserted { return name }
        }
    }
}
