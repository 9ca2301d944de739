import ChoiceKit

/// Where providers may go: the area's postcodes, and how far from the centre a provider's own
/// coordinates may lie before the postcode's are used instead (the catalog's own limit, less a
/// margin for rounding).
struct Placement {
    let area: Manifest.Area
    let postcodes: [String: GeoPoint]
    /// The area's local authority, when the area is one: a provider of that authority whose
    /// postcode is missing is a problem (the postcode file is older), not a provider elsewhere.
    let authority: LocalAuthority?
    private let limitMetres: Double

    init(area: Manifest.Area, postcodes: [Manifest.PostcodeEntry], authority: LocalAuthority?) {
        self.area = area
        var map: [String: GeoPoint] = [:]
        map.reserveCapacity(postcodes.count)
        for entry in postcodes { map[entry.postcode] = entry.location }
        self.postcodes = map
        self.authority = authority
        limitMetres = AreaBounds.areaLimitMetres(radiusKilometres: area.radiusKilometres) - 100
    }

    /// The provider's location, or why it cannot be placed.
    func place(postcode: String, own: GeoPoint?, authorityNames: [String]) -> Result<GeoPoint, PlacementMiss> {
        guard let postcodeLocation = postcodes[postcode] else {
            let ours = authority.map { authority in
                authorityNames.contains { !$0.isEmpty && ($0.lowercased() == authority.name.lowercased() || $0.uppercased() == authority.gss) }
            } ?? false
            return .failure(ours ? .postcodeMissing : .outside)
        }
        if let own, area.centre.distance(to: own) <= limitMetres, postcodeLocation.distance(to: own) <= Self.furthestFromPostcodeMetres {
            return .success(own)
        }
        return .success(postcodeLocation)
    }

    /// A postcode covers about fifteen addresses; even a rural one rarely spans a kilometre (and
    /// CQC's own coordinates are its postcode's centre, from ONS). Coordinates further than this
    /// from their own postcode are taken as wrong, said in the report, and the postcode's used.
    static let furthestFromPostcodeMetres = 1_000.0

    /// The words for a report when `own` lies too far from the postcode to be used; nil otherwise.
    func strayNote(postcode: String, own: GeoPoint?) -> String? {
        guard let own, let postcodeLocation = postcodes[postcode] else { return nil }
        let metres = postcodeLocation.distance(to: own)
        guard metres > Self.furthestFromPostcodeMetres else { return nil }
        return "\(DistanceText.format(metres: metres)) from the centre of its postcode \(postcode): the postcode's location was used"
    }

    enum PlacementMiss: Error {
        case outside, postcodeMissing

        var reason: ImportReport.Reason { self == .outside ? Reasons.outsideArea : Reasons.postcodeNotInCatalog }
    }
}
