/// The manifest's postcode list: rows taken from the general JSON reading when the quick reader
/// (`PostcodeListReader`) could not take them, and every row checked.
extension ManifestReader {
    /// The general path: rows from JSONSerialization's objects (lines found by searching the text).
    mutating func readPostcodeRows(_ value: Any?) -> [PostcodeListReader.Row] {
        guard let list = value as? [Any] else {
            problem("postcodes", value == nil ? "is missing" : "is not a list",
                    "list the area's postcodes as [\"KM1 1AA\", latitude, longitude, \"town\"]")
            return []
        }
        var rows: [PostcodeListReader.Row] = []
        for (index, item) in list.enumerated() {
            guard let row = item as? [Any], (3...4).contains(row.count), let raw = row[0] as? String,
                  let latitude = Self.finiteNumber(row[1]), let longitude = Self.finiteNumber(row[2]),
                  row.count == 3 || row[3] is String else {
                problem("postcodes[\(index)]", "is not [\"POSTCODE\", latitude, longitude, \"town\"]", "write each postcode in that form")
                continue
            }
            let town = row.count > 3 ? (row[3] as? String ?? "") : ""
            rows.append(PostcodeListReader.Row(postcode: raw, latitude: latitude, longitude: longitude, town: town,
                                               line: line(of: "postcodes[\(index)]") ?? 0))
        }
        return rows
    }

    mutating func checkPostcodes(_ rows: [PostcodeListReader.Row], area: Manifest.Area) -> [Manifest.PostcodeEntry] {
        var entries: [Manifest.PostcodeEntry] = []
        entries.reserveCapacity(rows.count)
        var seen = Set<String>()
        seen.reserveCapacity(rows.count)
        let centre = area.centre
        let limit = AreaBounds.areaLimitMetres(radiusKilometres: area.radiusKilometres)
        for (index, row) in rows.enumerated() {
            // The field's path is made only for a problem: a national list has tens of thousands of rows.
            func report(_ message: String, _ fix: String) {
                problem("postcodes[\(index)]", line: row.line, message, fix)
            }
            let asWritten = PostcodeFormat.isWellFormed(row.postcode)
            let postcode = asWritten ? row.postcode : PostcodeFormat.normalise(row.postcode)
            guard asWritten || PostcodeFormat.isWellFormed(postcode) else {
                report("\(MessageText.quoted(row.postcode)) is not a postcode", "write it like \"KM1 1AA\"")
                continue
            }
            guard seen.insert(postcode).inserted else {
                report("\"\(postcode)\" is listed twice", "keep one entry per postcode")
                continue
            }
            guard GeoPoint.isValid(latitude: row.latitude, longitude: row.longitude) else {
                report("\"\(postcode)\" has coordinates \(MessageText.excerpt("\(row.latitude), \(row.longitude)")), outside -90–90 (latitude) and -180–180 (longitude)",
                       "check its coordinates: latitude first, then longitude, in decimal degrees")
                continue
            }
            let point = GeoPoint(latitude: row.latitude, longitude: row.longitude)
            let distance = centre.distance(to: point)
            if distance > limit {
                report("\"\(postcode)\" at \(row.latitude), \(row.longitude) is \(DistanceText.format(metres: distance)) from the centre of \(area.name)",
                       "check its coordinates, or the area's centre and radius_km")
                continue
            }
            if row.town.unicodeScalars.contains(where: TextSafety.isControl) {
                report("the town of \"\(postcode)\" contains a control character", "remove it; catalog text must be plain")
                continue
            }
            entries.append(Manifest.PostcodeEntry(postcode: postcode, location: point, town: row.town))
        }
        return entries
    }
}
