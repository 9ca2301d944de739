import ChoiceKit
import Foundation

/// The area of a new catalog and its postcodes: a local authority's live postcodes, or those
/// within a distance of one postcode.
struct ChosenArea {
    var area: Manifest.Area
    var postcodes: PostcodesRead
    /// Set when the area is a local authority.
    var authority: LocalAuthority?
}

enum AreaChoice {
    static func choose(_ request: AreaRequest, postcodeFile: ImportFile, authorities: Set<LocalAuthority>,
                       haveGIAS: Bool, today: CalendarDate, control: ImportControl) throws -> ChosenArea {
        switch request {
        case .localAuthority(let typed):
            let authority = try resolve(typed, authorities: authorities, haveGIAS: haveGIAS)
            var read = try PostcodeFileReader.read(postcodeFile, selecting: .localAuthority(authority.gss), control: control)
            try Importer.requireRows(read.section)
            guard !read.postcodes.isEmpty else {
                throw ImportFailure.usage(
                    "no live postcode in \(postcodeFile.shown) has the local authority code \(authority.gss)",
                    "check --area (a GSS code such as E06000990, or a local authority's name or code as GIAS has it), or give a postcode file that covers it")
            }
            let (centre, radius) = boundsLeavingOutStrays(&read)
            let name = authority.name.isEmpty ? authority.gss : authority.name
            let area = Manifest.Area(name: name, notice: notice(today), description: "",
                                     localAuthority: authority.name.isEmpty ? authority.gss : "\(authority.name) (\(authority.gss))",
                                     centre: centre, radiusKilometres: radius)
            return ChosenArea(area: area, postcodes: read, authority: authority)
        case .radius(let name, let kilometres, let typed):
            guard let postcode = PostcodeText.canonical(typed) else {
                throw ImportFailure.usage("\(MessageText.quoted(typed)) is not a postcode", "give --of a postcode, e.g. KM1 2AB")
            }
            guard kilometres > 0, kilometres <= AreaRequest.largestRadiusKilometres else {
                throw ImportFailure.usage("--within \(kilometres) is outside 0–\(Int(AreaRequest.largestRadiusKilometres)) km",
                                          "give a distance in kilometres, e.g. 5")
            }
            let found = try PostcodeFileReader.read(postcodeFile, selecting: .only(postcode), control: control)
            try Importer.requireRows(found.section)
            guard let centre = found.postcodes.first?.location else {
                throw ImportFailure.usage("\(postcode) is not a live postcode with a location in \(postcodeFile.shown)",
                                          "check the postcode given to --of, or give a newer postcode file")
            }
            let read = try PostcodeFileReader.read(postcodeFile, selecting: .within(centre, metres: kilometres * 1000), control: control)
            try Importer.requireRows(read.section)
            let area = Manifest.Area(name: name, notice: notice(today), description: "",
                                     localAuthority: "", centre: centre, radiusKilometres: (kilometres * 10).rounded(.up) / 10)
            return ChosenArea(area: area, postcodes: read, authority: nil)
        }
    }

    /// The postcodes to add to an existing catalog: those of its local authority when the
    /// manifest names one by its GSS code (as imports write it: "Kingsmere (E06000990)"), else
    /// those within its radius.
    static func selection(for area: Manifest.Area) -> PostcodeSelection {
        if isGSSCode(area.localAuthority) { return .localAuthority(area.localAuthority) }
        if let open = area.localAuthority.lastIndex(of: "("), area.localAuthority.hasSuffix(")") {
            let code = String(area.localAuthority[area.localAuthority.index(after: open)...].dropLast()).uppercased()
            if isGSSCode(code) { return .localAuthority(code) }
        }
        return .within(area.centre, metres: area.radiusKilometres * 1000)
    }

    /// Drops postcodes farther from the centre than the catalog allows, counting them as outside.
    static func keepWithinLimit(_ read: inout PostcodesRead, area: Manifest.Area) {
        let limit = AreaBounds.areaLimitMetres(radiusKilometres: area.radiusKilometres) - 100
        var kept: [PostcodeRow] = []
        for row in read.postcodes {
            if area.centre.distance(to: row.location) <= limit {
                kept.append(row)
            } else {
                read.section.skip(line: row.line, Reasons.outsideArea, detail: "\(row.postcode), beyond the catalog's radius")
                read.section.imported -= 1
            }
        }
        read.postcodes = kept
    }

    /// The middle and radius of a local authority's postcodes, leaving out (and counting) any that
    /// lie farther than a local authority can span from the middle of the rest: a wrong location in
    /// the file. The middle is first taken as the median latitude and longitude, which a few wrong
    /// rows cannot pull away.
    static func boundsLeavingOutStrays(_ read: inout PostcodesRead) -> (GeoPoint, Double) {
        let largest = AreaRequest.largestRadiusKilometres * 1000
        var (centre, radius) = bounds(read.postcodes.map(\.location))
        guard radius * 1000 > largest else { return (centre, radius) }
        let median = GeoPoint(latitude: middle(read.postcodes.map(\.location.latitude)),
                              longitude: middle(read.postcodes.map(\.location.longitude)))
        var kept: [PostcodeRow] = []
        var strays: [(row: PostcodeRow, metres: Double)] = []
        for row in read.postcodes {
            let metres = median.distance(to: row.location)
            if metres <= largest { kept.append(row) } else { strays.append((row, metres)) }
        }
        // The mean of the rest may still leave one beyond the limit: the farthest go, one by one.
        while true {
            (centre, radius) = bounds(kept.map(\.location))
            guard radius * 1000 > largest, kept.count > 1,
                  let farthest = kept.indices.max(by: { centre.distance(to: kept[$0].location) < centre.distance(to: kept[$1].location) })
            else { break }
            strays.append((kept[farthest], centre.distance(to: kept[farthest].location)))
            kept.remove(at: farthest)
        }
        for stray in strays.sorted(by: { $0.row.line < $1.row.line }) {
            read.section.skip(line: stray.row.line, Reasons.strayLocation,
                              detail: "\(stray.row.postcode), \(Count.text(Int(stray.metres / 1000))) km from the middle of the rest")
            read.section.imported -= 1
        }
        read.postcodes = kept
        return (centre, radius)
    }

    private static func middle(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// The catalog says plainly where its data comes from, and that it is real.
    static func notice(_ today: CalendarDate) -> String {
        "Real data, imported on \(today.long) from England's national open data (see About for the sources and their dates). Ratings, places and contact details change: check with the provider before you rely on them."
    }

    /// A local authority by its GSS code, or by its name or three-digit code as GIAS has them.
    static func resolve(_ typed: String, authorities: Set<LocalAuthority>, haveGIAS: Bool) throws -> LocalAuthority {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let upper = text.uppercased()
        if isGSSCode(upper) {
            return authorities.first { $0.gss == upper } ?? LocalAuthority(name: "", code: "", gss: upper)
        }
        let lowered = text.lowercased()
        let matches = authorities.filter { $0.name.lowercased() == lowered || $0.code == text }
        if let match = matches.sorted(by: { $0.gss < $1.gss }).first, isGSSCode(match.gss) { return match }
        let fix = haveGIAS
            ? "give a local authority's name or code as GIAS spells it (e.g. \(MessageText.quoted(authorities.map(\.name).sorted().first ?? "Kingsmere"))), its GSS code (e.g. E06000990), or --within KM --of POSTCODE"
            : "give its GSS code (e.g. E06000990; names need --gias), or --within KM --of POSTCODE"
        throw ImportFailure.usage("unknown area \(MessageText.quoted(typed))", fix)
    }

    /// `E06000990`: a letter for the nation and eight digits.
    static func isGSSCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 9 && [UInt8(ascii: "E"), UInt8(ascii: "W"), UInt8(ascii: "S"), UInt8(ascii: "N")].contains(bytes[0])
            && bytes.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The middle of the points and the distance to the farthest, in kilometres (rounded up to a
    /// tenth, at least half a kilometre).
    static func bounds(_ points: [GeoPoint]) -> (GeoPoint, Double) {
        var x = 0.0, y = 0.0, z = 0.0
        for point in points {
            let vector = point.unitVector
            x += vector.x; y += vector.y; z += vector.z
        }
        let length = (x * x + y * y + z * z).squareRoot()
        let centre = length > 0
            ? GeoPoint(latitude: asin(z / length) * 180 / .pi, longitude: atan2(y, x) * 180 / .pi)
            : points.first ?? GeoPoint(latitude: 52.5, longitude: -1.5)
        // The centre as the manifest will write it (five decimal places), so distances agree.
        let written = GeoPoint(latitude: (centre.latitude * 100_000).rounded() / 100_000,
                               longitude: (centre.longitude * 100_000).rounded() / 100_000)
        let farthest = points.map { written.distance(to: $0) }.max() ?? 0
        return (written, max(0.5, (farthest / 100).rounded(.up) / 10))
    }
}
