import Foundation

/// Reads `manifest.json`, reporting every problem with the field's path and, where it can be found,
/// its line.
struct ManifestReader {
    /// Larger than any area a catalog covers (England is about 600 km from end to end).
    static let largestRadiusKilometres = 1_000.0

    let file: String
    /// The manifest's bytes, for finding the line of a problem.
    let bytes: [UInt8]
    private(set) var problems: [CatalogProblem] = []

    init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// Lines of values by path, found only when a problem is reported (a sound manifest never
    /// pays for it).
    private var lineMap: JSONLineMap?

    mutating func line(of path: String) -> Int? {
        if lineMap == nil { lineMap = JSONLineMap(String(decoding: bytes, as: UTF8.self)) }
        return lineMap?.line(of: path)
    }

    /// A problem whose line is already known (0 or nil: none).
    mutating func problem(_ field: String, line: Int?, _ message: String, _ fix: String) {
        problems.append(CatalogProblem(file: file, line: line == 0 ? nil : line, field: field, message: message, fix: fix))
    }

    mutating func problem(_ field: String, _ message: String, _ fix: String,
                                  severity: CatalogProblem.Severity = .error) {
        problems.append(CatalogProblem(file: file, line: line(of: field), field: field, message: message, fix: fix,
                                       severity: severity))
    }

    /// Where the postcode list comes from.
    enum Postcodes {
        /// Read from the manifest and checked.
        case read
        /// Passed over (when the dedicated scanner can find the list): left empty.
        case skipped
        /// Already read and checked (a snapshot keeps them apart from the rest of the manifest).
        case given([Manifest.PostcodeEntry])
    }

    mutating func read(data: [UInt8], postcodes source: Postcodes = .read) -> Manifest? {
        let root: Any
        // The postcode list is read by a dedicated scanner when it can be; the rest by JSONSerialization.
        let fastPostcodes: (range: Range<Int>, rows: [PostcodeListReader.Row])?
        switch source {
        case .read: fastPostcodes = PostcodeListReader.read(data)
        case .skipped: fastPostcodes = PostcodeListReader.arrayRange(data).map { ($0, []) }
        case .given: fastPostcodes = nil
        }
        // The rest of the manifest is checked as UTF-8 here; a list read above was checked by its
        // reader, and a list passed over is checked by the full load.
        let rest = fastPostcodes.map { [data[..<$0.range.lowerBound], data[$0.range.upperBound...]] } ?? [data[...]]
        guard rest.allSatisfy({ String(validating: $0, as: UTF8.self) != nil }) else {
            problems.append(CatalogProblem(file: file, line: nil, field: "(file)", message: "is not valid UTF-8",
                                           fix: "save the file as UTF-8"))
            return nil
        }
        let json = rest.count == 2 ? Array(rest[0]) + Array("[]".utf8) + rest[1] : data
        guard JSONDepth.isWithinLimit(json) else {
            problems.append(CatalogProblem(file: file, line: nil, field: "(file)",
                                           message: "nests arrays or objects more than \(JSONDepth.limit) deep",
                                           fix: "a manifest is a few levels deep; see catalog/README.md"))
            return nil
        }
        do {
            root = try JSONSerialization.jsonObject(with: Data(json))
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let place = JSONSyntaxPlace(detail: detail, in: data, replaced: fastPostcodes?.range)
            problems.append(CatalogProblem(file: file, line: place.line, field: "(file)",
                                           message: "is not valid JSON (\(place.reason))",
                                           fix: "fix the JSON syntax; a JSON validator shows where"))
            return nil
        }
        guard let object = root as? [String: Any] else {
            problems.append(CatalogProblem(file: file, line: 1, field: "(file)", message: "is not a JSON object",
                                           fix: "the manifest must be one {…} object; see catalog/README.md"))
            return nil
        }
        let format = string(object, "format", path: "format")
        if let format, format != Manifest.formatName {
            problem("format", "\(MessageText.quoted(format)) is not an Agora catalog", "set \"format\": \"\(Manifest.formatName)\"")
        }
        let version = Self.wholeNumber(object["format_version"]) ?? 0
        if !(Manifest.oldestSupportedVersion...Manifest.supportedVersion).contains(version) {
            problem("format_version", "version \(version) is not one this Agora reads",
                    version > Manifest.supportedVersion ? "update Agora to read this catalog"
                        : "set \"format_version\": \(Manifest.supportedVersion)")
        }
        guard let area = readArea(object["area"]) else { return nil }
        let postcodes: [Manifest.PostcodeEntry]
        if case .given(let entries) = source {
            postcodes = entries
        } else if let fastPostcodes, object["postcodes"] != nil {
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
        complete.admissions = readAdmissions(object["admissions"])
        complete.resultsAverages = readResultsAverages(object["results_averages"])
        if object["council_policies"] != nil, version < 3 {
            problem("council_policies", "needs format version 3 and was ignored",
                    "set \"format_version\": 3 to use the council's policies", severity: .warning)
        } else if let policies = object["council_policies"] {
            var policyReader = CouncilPoliciesReader(file: file, bytes: bytes)
            complete.councilPolicies = policyReader.read(policies, commissioners: Set(manifest.commissioners.map(\.id)))
            problems += policyReader.problems
        }
        return complete
    }

    /// A JSON number, not `true` or `false` (which also arrive as NSNumber, of type "c").
    private static func number(_ value: Any?) -> NSNumber? {
        guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
        return number
    }

    /// A JSON whole number that fits an Int (not `true`, not 1.5, not 1e30).
    static func wholeNumber(_ value: Any?) -> Int? {
        guard let number = Self.number(value) else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double.rounded() == double, abs(double) < 1e15 else { return nil }
        return Int(double)
    }

    /// A finite JSON number (not `true`).
    static func finiteNumber(_ value: Any?) -> Double? {
        guard let number = Self.number(value), number.doubleValue.isFinite else { return nil }
        return number.doubleValue
    }

    /// The objects of a list; an element of another shape is reported and skipped.
    mutating func objects(_ value: Any?, path: String, missing fix: String) -> [(Int, [String: Any])] {
        guard let list = value as? [Any] else {
            problem(path, value == nil ? "is missing" : "is not a list", fix)
            return []
        }
        var objects: [(Int, [String: Any])] = []
        for (index, element) in list.enumerated() {
            guard let object = element as? [String: Any] else {
                problem("\(path)[\(index)]", "is not an object", "write each entry as {…}; see catalog/README.md")
                continue
            }
            objects.append((index, object))
        }
        return objects
    }

    // MARK: - Sections

    private mutating func readArea(_ value: Any?) -> Manifest.Area? {
        guard let area = value as? [String: Any] else {
            problem("area", value == nil ? "is missing" : "is not an object",
                    "add an \"area\" object with name, notice, centre and radius_km")
            return nil
        }
        let name = requiredString(area, "name", path: "area.name") ?? ""
        let notice = requiredString(area, "notice", path: "area.notice") ?? ""
        let centre = readPoint(area["centre"], path: "area.centre")
        var radius = Self.finiteNumber(area["radius_km"])
        if let given = radius, !(given > 0 && given <= Self.largestRadiusKilometres) {
            problem("area.radius_km", "\(given) is outside 0–\(Int(Self.largestRadiusKilometres)) km",
                    "give the area's radius in kilometres, e.g. 12")
            radius = nil
        } else if radius == nil {
            problem("area.radius_km", "is missing or not a number", "give the area's radius in kilometres, e.g. 12")
        }
        let description = string(area, "description", path: "area.description")
        let localAuthority = string(area, "local_authority", path: "area.local_authority")
        guard !name.isEmpty, let centre, let radius else { return nil }
        return Manifest.Area(name: name, notice: notice, description: description ?? "",
                             localAuthority: localAuthority ?? "", centre: centre, radiusKilometres: radius)
    }

    private mutating func readPoint(_ value: Any?, path: String) -> GeoPoint? {
        guard let point = value as? [String: Any],
              let latitude = Self.finiteNumber(point["latitude"]),
              let longitude = Self.finiteNumber(point["longitude"]),
              GeoPoint.isValid(latitude: latitude, longitude: longitude) else {
            problem(path, "is missing or not a latitude/longitude pair",
                    "write {\"latitude\": 52.63, \"longitude\": -1.12}")
            return nil
        }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    private mutating func readDataDates(_ value: Any?) -> [Manifest.DataDate] {
        objects(value, path: "data_dates", missing: "list how current each part of the data is (topic, label, as_of)")
            .compactMap { index, entry in
                let path = "data_dates[\(index)]"
                let topic = requiredString(entry, "topic", path: path + ".topic")
                let label = requiredString(entry, "label", path: path + ".label")
                guard let asOfText = requiredString(entry, "as_of", path: path + ".as_of") else { return nil }
                guard let date = CalendarDate.parseISO(asOfText) else {
                    problem(path + ".as_of", "\(MessageText.quoted(asOfText)) is not a date", "use YYYY-MM-DD")
                    return nil
                }
                guard let topic, let label else { return nil }
                return Manifest.DataDate(topic: topic, label: label, asOf: date)
            }
    }

    private mutating func readCommissioners(_ value: Any?) -> [Manifest.Commissioner] {
        var seen = Set<String>()
        return objects(value, path: "commissioners", missing: "list the public bodies that buy services (id, name, type, role)")
            .compactMap { index, entry in
                let path = "commissioners[\(index)]"
                let id = requiredString(entry, "id", path: path + ".id")
                let name = requiredString(entry, "name", path: path + ".name")
                let type = string(entry, "type", path: path + ".type")
                let role = string(entry, "role", path: path + ".role")
                // Kept while its id is sound even if its name is not (the catalog is refused
                // anyway), so rows that name it are not reported as naming an unknown one.
                guard let id else { return nil }
                if !seen.insert(id).inserted {
                    problem(path + ".id", "\(MessageText.quoted(id)) is listed twice", "give each commissioner its own id")
                }
                return Manifest.Commissioner(id: id, name: name ?? "", type: type ?? "", role: role ?? "")
            }
    }

    private mutating func readServices(_ value: Any?, commissioners: Set<String>) -> [Manifest.Service] {
        objects(value, path: "services", missing: "list the area's public services (id, name, kind, who_buys, citizen_say)")
            .compactMap { index, entry in
                let path = "services[\(index)]"
                let id = requiredString(entry, "id", path: path + ".id")
                let name = requiredString(entry, "name", path: path + ".name")
                let kindText = requiredString(entry, "kind", path: path + ".kind")
                let whoBuys = string(entry, "who_buys", path: path + ".who_buys")
                let citizenSay = string(entry, "citizen_say", path: path + ".citizen_say")
                var buyers: [String] = []
                if let listed = entry["commissioners"] {
                    if let list = listed as? [Any], list.allSatisfy({ $0 is String }) {
                        buyers = list.compactMap { $0 as? String }
                    } else {
                        problem(path + ".commissioners", "is not a list of commissioner ids", "write it like [\"council\", \"icb\"]")
                    }
                }
                for (number, buyer) in buyers.enumerated() where !commissioners.contains(buyer) {
                    problem(path + ".commissioners[\(number)]", "\(MessageText.quoted(buyer)) is not a commissioner in this manifest",
                            "add it to \"commissioners\" or correct the id")
                }
                // Kept without a sound name, like a commissioner (see readCommissioners).
                guard let id, let kindText else { return nil }
                guard let kind = ProviderKind(rawValue: kindText) else {
                    problem(path + ".kind", "\(MessageText.quoted(kindText)) is not a kind of provider", "use school, care, gp or other")
                    return nil
                }
                return Manifest.Service(id: id, name: name ?? "", kind: kind, commissionerIDs: buyers,
                                        whoBuys: whoBuys ?? "", citizenSay: citizenSay ?? "",
                                        citizensChoose: entry["citizens_choose"] as? Bool ?? false)
            }
    }

    private mutating func readFiles(_ value: Any?) -> [ProviderKind: String] {
        guard let files = value as? [String: Any] else {
            problem("files", value == nil ? "is missing" : "is not an object", "name the provider tables, e.g. {\"school\": \"schools.csv\"}")
            return [:]
        }
        var result: [ProviderKind: String] = [:]
        for (key, name) in files.sorted(by: { $0.key < $1.key }) {
            guard let kind = ProviderKind(rawValue: key) else {
                problem("files.\(key)", "\(MessageText.quoted(key)) is not a kind of provider", "use school, care, gp or other")
                continue
            }
            guard let name = name as? String, !name.isEmpty, !name.contains("/"), !name.hasPrefix("."),
                  !name.unicodeScalars.contains(where: { TextSafety.isControl($0) || TextSafety.isInvisibleControl($0) }) else {
                let shown = (name as? String).map { MessageText.quoted($0) + " " } ?? ""
                problem("files.\(key)", "\(shown)is not a file name in the catalog directory",
                        "give a plain name such as \(kind.defaultFileName)")
                continue
            }
            result[kind] = name
        }
        return result
    }

    private mutating func readSources(_ value: Any?) -> [Manifest.DataSource] {
        objects(value, path: "sources", missing: "list where the data comes from (name, publisher, url, licence, used_for)")
            .compactMap { index, entry in
                let path = "sources[\(index)]"
                let name = requiredString(entry, "name", path: path + ".name")
                let publisher = string(entry, "publisher", path: path + ".publisher")
                let url = string(entry, "url", path: path + ".url")
                let licence = string(entry, "licence", path: path + ".licence")
                let usedFor = string(entry, "used_for", path: path + ".used_for")
                guard let name else { return nil }
                return Manifest.DataSource(name: name, publisher: publisher ?? "", url: url ?? "", licence: licence ?? "",
                                           usedFor: usedFor ?? "")
            }
    }

    // MARK: - Fields

    /// Optional text, checked like the tables' text: a value that is not a string, or holds a
    /// control character, is a problem (and treated as absent).
    private mutating func string(_ object: [String: Any], _ key: String, path: String) -> String? {
        guard let raw = object[key] else { return nil }
        guard let value = raw as? String else {
            problem(path, "is not text", "write it in double quotes, or leave it out")
            return nil
        }
        return plain(value, path: path)
    }

    mutating func requiredString(_ object: [String: Any], _ key: String, path: String) -> String? {
        guard let value = object[key] as? String, !value.allSatisfy(\.isWhitespace) else {
            problem(path, "is missing or empty", "give a value for \"\(key)\"")
            return nil
        }
        return plain(value, path: path)
    }

    private mutating func plain(_ value: String, path: String) -> String? {
        if let bad = value.unicodeScalars.first(where: TextSafety.isControl) {
            let hex = String(bad.value, radix: 16, uppercase: true)
            problem(path, "contains a control character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex))",
                    "remove it; catalog text must be plain, printable text")
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
