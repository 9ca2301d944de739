import Foundation

/// Reads `manifest.json`, reporting every problem with the field's path and, where it can be found,
/// its line.
struct ManifestReader {
    let file: String
    let text: String
    private(set) var problems: [CatalogProblem] = []

    init(file: String, text: String) {
        self.file = file
        self.text = text
    }

    /// The line of the first occurrence of `needle`, if any. Only called when there is a problem
    /// to report, so the scan costs nothing on a sound manifest.
    private func line(of needle: String) -> Int? {
        guard let range = text.range(of: needle) else { return nil }
        return text.utf8[..<range.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private mutating func problem(_ field: String, _ message: String, _ fix: String, near needle: String? = nil,
                                  severity: CatalogProblem.Severity = .error) {
        let hint = needle ?? "\"\(field.split(separator: ".").last.map(String.init) ?? field)\""
        problems.append(CatalogProblem(file: file, line: line(of: hint), field: field, message: message, fix: fix,
                                       severity: severity))
    }

    mutating func read(data: [UInt8]) -> Manifest? {
        let root: Any
        // The postcode list is read by a dedicated scanner when it can be; the rest by JSONSerialization.
        let fastPostcodes = PostcodeListReader.read(data)
        var json = data
        if let fastPostcodes { json.replaceSubrange(fastPostcodes.range, with: Array("[]".utf8)) }
        do {
            root = try JSONSerialization.jsonObject(with: Data(json))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            problems.append(CatalogProblem(file: file, line: nil, field: "(file)",
                                           message: "is not valid JSON (\(detail))",
                                           fix: "fix the JSON syntax; a JSON validator shows where"))
            return nil
        }
        guard let object = root as? [String: Any] else {
            problem("(file)", "is not a JSON object", "the manifest must be one {…} object; see catalog/README.md", near: "")
            return nil
        }
        let format = string(object, "format")
        if let format, format != Manifest.formatName {
            problem("format", "\"\(format)\" is not an Agora catalog", "set \"format\": \"\(Manifest.formatName)\"")
        }
        let version = object["format_version"] as? Int ?? 0
        if version != Manifest.supportedVersion {
            problem("format_version", "version \(version) is not one this Agora reads",
                    version > Manifest.supportedVersion ? "update Agora to read this catalog"
                        : "set \"format_version\": \(Manifest.supportedVersion)")
        }
        guard let area = readArea(object["area"]) else { return nil }
        let postcodes: [Manifest.PostcodeEntry]
        if let fastPostcodes, object["postcodes"] != nil {
            postcodes = checkPostcodes(fastPostcodes.rows, area: area)
        } else {
            postcodes = checkPostcodes(readPostcodeRows(object["postcodes"]), area: area)
        }
        let manifest = Manifest(
            formatVersion: version, area: area, dataDates: readDataDates(object["data_dates"]),
            commissioners: readCommissioners(object["commissioners"]), services: [],
            files: readFiles(object["files"]), postcodes: postcodes, sources: readSources(object["sources"]))
        var complete = manifest
        complete.services = readServices(object["services"], commissioners: Set(manifest.commissioners.map(\.id)))
        return complete
    }

    // MARK: - Sections

    private mutating func readArea(_ value: Any?) -> Manifest.Area? {
        guard let area = value as? [String: Any] else {
            problem("area", "is missing", "add an \"area\" object with name, notice, centre and radius_km")
            return nil
        }
        let name = requiredString(area, "name", path: "area.name") ?? ""
        let notice = requiredString(area, "notice", path: "area.notice") ?? ""
        let centre = readPoint(area["centre"], path: "area.centre")
        let radius = (area["radius_km"] as? NSNumber)?.doubleValue
        if radius == nil || (radius ?? 0) <= 0 {
            problem("area.radius_km", "is missing or not a positive number", "give the area's radius in kilometres, e.g. 12")
        }
        guard !name.isEmpty, let centre, let radius, radius > 0 else { return nil }
        return Manifest.Area(name: name, notice: notice, description: string(area, "description") ?? "",
                             localAuthority: string(area, "local_authority") ?? "", centre: centre,
                             radiusKilometres: radius)
    }

    private mutating func readPoint(_ value: Any?, path: String) -> GeoPoint? {
        guard let point = value as? [String: Any],
              let latitude = (point["latitude"] as? NSNumber)?.doubleValue,
              let longitude = (point["longitude"] as? NSNumber)?.doubleValue,
              (-90...90).contains(latitude), (-180...180).contains(longitude) else {
            problem(path, "is missing or not a latitude/longitude pair",
                    "write {\"latitude\": 52.63, \"longitude\": -1.12}")
            return nil
        }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    private mutating func readDataDates(_ value: Any?) -> [Manifest.DataDate] {
        guard let list = value as? [[String: Any]] else {
            problem("data_dates", "is missing", "list how current each part of the data is (topic, label, as_of)")
            return []
        }
        return list.enumerated().compactMap { index, entry in
            let path = "data_dates[\(index)]"
            guard let topic = requiredString(entry, "topic", path: path + ".topic"),
                  let label = requiredString(entry, "label", path: path + ".label"),
                  let asOfText = requiredString(entry, "as_of", path: path + ".as_of") else { return nil }
            guard let date = CalendarDate.parseISO(asOfText) else {
                problem(path + ".as_of", "\"\(asOfText)\" is not a date", "use YYYY-MM-DD", near: "\"\(asOfText)\"")
                return nil
            }
            return Manifest.DataDate(topic: topic, label: label, asOf: date)
        }
    }

    private mutating func readCommissioners(_ value: Any?) -> [Manifest.Commissioner] {
        guard let list = value as? [[String: Any]] else {
            problem("commissioners", "is missing", "list the public bodies that buy services (id, name, type, role)")
            return []
        }
        var seen = Set<String>()
        return list.enumerated().compactMap { index, entry in
            let path = "commissioners[\(index)]"
            guard let id = requiredString(entry, "id", path: path + ".id"),
                  let name = requiredString(entry, "name", path: path + ".name") else { return nil }
            if !seen.insert(id).inserted {
                problem(path + ".id", "\"\(id)\" is listed twice", "give each commissioner its own id", near: "\"\(id)\"")
            }
            return Manifest.Commissioner(id: id, name: name, type: string(entry, "type") ?? "",
                                         role: string(entry, "role") ?? "")
        }
    }

    private mutating func readServices(_ value: Any?, commissioners: Set<String>) -> [Manifest.Service] {
        guard let list = value as? [[String: Any]] else {
            problem("services", "is missing", "list the area's public services (id, name, kind, who_buys, citizen_say)")
            return []
        }
        return list.enumerated().compactMap { index, entry in
            let path = "services[\(index)]"
            guard let id = requiredString(entry, "id", path: path + ".id"),
                  let name = requiredString(entry, "name", path: path + ".name"),
                  let kindText = requiredString(entry, "kind", path: path + ".kind") else { return nil }
            guard let kind = ProviderKind(rawValue: kindText) else {
                problem(path + ".kind", "\"\(kindText)\" is not a kind of provider", "use school, care, gp or other",
                        near: "\"\(kindText)\"")
                return nil
            }
            let buyers = entry["commissioners"] as? [String] ?? []
            for buyer in buyers where !commissioners.contains(buyer) {
                problem(path + ".commissioners", "\"\(buyer)\" is not a commissioner in this manifest",
                        "add it to \"commissioners\" or correct the id", near: "\"\(buyer)\"")
            }
            return Manifest.Service(id: id, name: name, kind: kind, commissionerIDs: buyers,
                                    whoBuys: string(entry, "who_buys") ?? "", citizenSay: string(entry, "citizen_say") ?? "",
                                    citizensChoose: entry["citizens_choose"] as? Bool ?? false)
        }
    }

    private mutating func readFiles(_ value: Any?) -> [ProviderKind: String] {
        guard let files = value as? [String: Any] else {
            problem("files", "is missing", "name the provider tables, e.g. {\"school\": \"schools.csv\"}")
            return [:]
        }
        var result: [ProviderKind: String] = [:]
        for (key, name) in files {
            guard let kind = ProviderKind(rawValue: key) else {
                problem("files.\(key)", "\"\(key)\" is not a kind of provider", "use school, care, gp or other", near: "\"\(key)\"")
                continue
            }
            guard let name = name as? String, !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
                problem("files.\(key)", "is not a file name in the catalog directory", "give a plain name such as \(kind.defaultFileName)")
                continue
            }
            result[kind] = name
        }
        return result
    }

    private mutating func readSources(_ value: Any?) -> [Manifest.DataSource] {
        guard let list = value as? [[String: Any]] else {
            problem("sources", "is missing", "list where the data comes from (name, publisher, url, licence, used_for)")
            return []
        }
        return list.compactMap { entry in
            guard let name = string(entry, "name") else { return nil }
            return Manifest.DataSource(name: name, publisher: string(entry, "publisher") ?? "",
                                       url: string(entry, "url") ?? "", licence: string(entry, "licence") ?? "",
                                       usedFor: string(entry, "used_for") ?? "")
        }
    }

    /// The general path: rows from JSONSerialization's objects (lines found by searching the text).
    private mutating func readPostcodeRows(_ value: Any?) -> [PostcodeListReader.Row] {
        guard let list = value as? [Any] else {
            problem("postcodes", "is missing", "list the area's postcodes as [\"KM1 1AA\", latitude, longitude, \"town\"]")
            return []
        }
        var rows: [PostcodeListReader.Row] = []
        for (index, item) in list.enumerated() {
            guard let row = item as? [Any], row.count >= 3, let raw = row[0] as? String,
                  let latitude = (row[1] as? NSNumber)?.doubleValue,
                  let longitude = (row[2] as? NSNumber)?.doubleValue else {
                problem("postcodes[\(index)]", "is not [\"POSTCODE\", latitude, longitude, \"town\"]", "write each postcode in that form",
                        near: (item as? [Any])?.first.flatMap { $0 as? String }.map { "\"\($0)\"" } ?? "\"postcodes\"")
                continue
            }
            let town = row.count > 3 ? (row[3] as? String ?? "") : ""
            rows.append(PostcodeListReader.Row(postcode: raw, latitude: latitude, longitude: longitude, town: town,
                                               line: line(of: "\"\(raw)\"") ?? 0))
        }
        return rows
    }

    private mutating func checkPostcodes(_ rows: [PostcodeListReader.Row], area: Manifest.Area) -> [Manifest.PostcodeEntry] {
        var entries: [Manifest.PostcodeEntry] = []
        entries.reserveCapacity(rows.count)
        var seen = Set<String>()
        seen.reserveCapacity(rows.count)
        let centre = area.centre
        let limit = AreaBounds.areaLimitMetres(radiusKilometres: area.radiusKilometres)
        for (index, row) in rows.enumerated() {
            let path = "postcodes[\(index)]"
            func report(_ message: String, _ fix: String) {
                problems.append(CatalogProblem(file: file, line: row.line == 0 ? nil : row.line, field: path, message: message, fix: fix))
            }
            let postcode = PostcodeFormat.isWellFormed(row.postcode) ? row.postcode : PostcodeFormat.normalise(row.postcode)
            guard PostcodeFormat.isWellFormed(postcode) else {
                report("\"\(TextSafety.inert(row.postcode))\" is not a postcode", "write it like \"KM1 1AA\"")
                continue
            }
            guard seen.insert(postcode).inserted else {
                report("\"\(postcode)\" is listed twice", "keep one entry per postcode")
                continue
            }
            let point = GeoPoint(latitude: row.latitude, longitude: row.longitude)
            let distance = centre.distance(to: point)
            if !(-90...90).contains(row.latitude) || !(-180...180).contains(row.longitude) || distance > limit {
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

    // MARK: - Fields

    private func string(_ object: [String: Any], _ key: String) -> String? {
        guard let value = object[key] as? String else { return nil }
        return value
    }

    private mutating func requiredString(_ object: [String: Any], _ key: String, path: String) -> String? {
        guard let value = object[key] as? String, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            problem(path, "is missing or empty", "give a value for \"\(key)\"")
            return nil
        }
        if let bad = value.unicodeScalars.first(where: TextSafety.isControl) {
            problem(path, "contains the control character U+\(String(bad.value, radix: 16, uppercase: true))",
                    "remove it; catalog text must be plain", near: "\"\(key)\"")
            return nil
        }
        return value
    }
}

/// How far outside its stated radius a point may lie before it is treated as a mistake.
public enum AreaBounds {
    public static func areaLimitMetres(radiusKilometres: Double) -> Double {
        radiusKilometres * 1000 * 1.25 + 2000
    }
}
