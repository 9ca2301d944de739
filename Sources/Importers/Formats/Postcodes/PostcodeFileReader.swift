import ChoiceKit

/// A live postcode with a location.
struct PostcodeRow: Sendable {
    let postcode: String
    let location: GeoPoint
    let line: Int
}

/// Which postcodes to keep.
enum PostcodeSelection: Sendable {
    /// Those of one local authority, by its GSS code (E06000990).
    case localAuthority(String)
    /// Those within `metres` of a point.
    case within(GeoPoint, metres: Double)
    /// Only this one (to find the centre of an area chosen by distance); reading stops there.
    case only(String)
}

enum PostcodeLayout: Sendable {
    /// ONS's National Statistics Postcode Lookup or ONS Postcode Directory (a header row; old or
    /// 2025–2026 column names).
    case onsLookup(directory: Bool)
    /// Ordnance Survey's Code-Point Open: no header (or the short one), eastings and northings only.
    case codePointOpen
}

struct PostcodesRead: Sendable {
    var postcodes: [PostcodeRow]
    var section: ImportReport.FileSection
    var layout: PostcodeLayout
    var asOf: CalendarDate?
    /// How many coordinates came from the grid reference (the file had no latitude and longitude).
    var convertedFromGrid: Int
}

/// Reads NSPL, ONSPD or Code-Point Open a block at a time, keeping only the postcodes selected:
/// the national file (2.7 million rows, over a gigabyte) is never held whole. Terminated
/// postcodes and those with no location are skipped and counted. Where a row has ONS's latitude
/// and longitude they are used; otherwise its grid reference is converted (`NationalGrid`).
enum PostcodeFileReader {
    static let specs: [ColumnSpec] = [
        ColumnSpec("pcds", names: ["pcds"]),
        ColumnSpec("pcd", names: ["pcd", "pcd7", "pcd8", "pcd2"]),
        ColumnSpec("doterm", names: ["doterm"]),
        ColumnSpec("introduced", names: ["dointr"]),
        ColumnSpec("east", names: ["oseast1m", "east1m"]),
        ColumnSpec("north", names: ["osnrth1m", "north1m"]),
        ColumnSpec("grid", names: ["osgrdind", "gridind"]),
        ColumnSpec("lat", names: ["lat"]),
        ColumnSpec("long", names: ["long"]),
        ColumnSpec("la", names: ["laua", "oslaua", "ladcd", "lad"], yearSuffixed: ("lad", "cd")),
    ]

    /// Column positions of one file.
    struct Layout {
        var postcode: Int, terminated: Int?, introduced: Int?, east: Int?, north: Int?, grid: Int?
        var latitude: Int?, longitude: Int?, localAuthority: Int?, quality: Int?
        var width: Int
        var kind: PostcodeLayout
    }

    static func read(_ file: ImportFile, selecting selection: PostcodeSelection, control: ImportControl) throws -> PostcodesRead {
        let stream = try CSVRecordStream(file, usualEncoding: .utf8, control: control)
        var section = ImportReport.FileSection(file: file.shown, format: "postcodes")
        var layout: Layout?
        var kept: [PostcodeRow] = []
        var firstLine: [String: Int] = [:]
        var shapes = RowShapes()
        var newestMonth = 0
        var converted = 0
        let target: [UInt8]? = {
            if case .localAuthority(let code) = selection { return Array(code.uppercased().utf8) }
            return nil
        }()
        let wanted: String? = {
            if case .only(let postcode) = selection { return postcode }
            return nil
        }()
        let within: (centre: UnitVector, chord: Double)? = {
            if case .within(let centre, let metres) = selection { return (centre.unitVector, UnitVector.chordSquared(metres: metres)) }
            return nil
        }()
        try stream.forEachRecord { record in
            if record.isBlank { return true }
            guard let columns = layout else {
                let found = try detect(record, file: file)
                layout = found
                if target != nil, found.localAuthority == nil {
                    throw ImportFailure("\(file.shown) has no local authority column (laua, lad25cd, …) — choose the area by distance instead: --within KM --of POSTCODE")
                }
                // A Code-Point Open file without a header starts with data.
                if case .codePointOpen = found.kind, found.terminated == nil, isCodePointData(record) {
                    return try handle(record, found)
                }
                return true
            }
            return try handle(record, columns)
        }

        func handle(_ record: CSVRecord, _ columns: Layout) throws -> Bool {
            guard record.count == columns.width else {
                try shapes.wrongWidth(record, expected: columns.width, file: file)
                return true
            }
            section.rows += 1
            if let target, let index = columns.localAuthority {
                let same = record.withTrimmedField(index) { bytes in
                    bytes.count == target.count && zip(bytes, target).allSatisfy { ($0 >= 97 && $0 <= 122 ? $0 - 32 : $0) == $1 }
                }
                if !same {
                    section.skip(line: record.line, Reasons.outsideArea)
                    return true
                }
            }
            // The release is not named in the rows: the newest month a postcode of the area was
            // introduced or terminated dates it (a lower bound; read for the area's rows alone, as
            // reading it on every row of a national file costs a second).
            for index in [columns.introduced, columns.terminated].compactMap({ $0 }) {
                let month = record.withTrimmedField(index) { FieldParsing.wholeNumber($0, in: 190_001...299_912) } ?? 0
                if month > newestMonth { newestMonth = month }
            }
            if let index = columns.terminated, !record.isEmpty(index) {
                section.skip(line: record.line, Reasons.terminated)
                return true
            }
            let location: GeoPoint, fromGrid: Bool
            switch readLocation(record, columns) {
            case .none:
                section.skip(line: record.line, Reasons.noLocation)
                return true
            case .wrong(let detail):
                section.skip(line: record.line, Reasons.wrongLocation, detail: detail)
                return true
            case .found(let point, let converted):
                (location, fromGrid) = (point, converted)
            }
            if let within, location.unitVector.chordSquared(to: within.centre) > within.chord {
                section.skip(line: record.line, Reasons.outsideArea)
                return true
            }
            let raw = record.text(columns.postcode, stream.encoding).text
            guard let postcode = PostcodeText.canonical(raw) else {
                section.skip(line: record.line, Reasons.unreadable("the postcode"), detail: MessageText.quoted(raw))
                return true
            }
            if let wanted {
                guard postcode == wanted else { return true }
                kept.append(PostcodeRow(postcode: postcode, location: location, line: record.line))
                return false
            }
            if let earlier = firstLine[postcode] {
                section.skip(line: record.line, Reasons.repeatedID, detail: "\(postcode), first on line \(earlier)")
                return true
            }
            firstLine[postcode] = record.line
            if fromGrid { converted += 1 }
            kept.append(PostcodeRow(postcode: postcode, location: location, line: record.line))
            section.imported += 1
            return true
        }

        guard let layout else { throw ImportFailure("\(file.shown) has no rows — download the file again, or give the right one") }
        try shapes.check(file: file, expected: layout.width, what: layout.terminated == nil && layout.latitude == nil ? "of every Code-Point Open row" : "its header names")
        switch layout.kind {
        case .onsLookup(let directory): section.format = directory ? "ONS Postcode Directory" : "National Statistics Postcode Lookup"
        case .codePointOpen: section.format = "Code-Point Open"
        }
        let asOf = newestMonth > 0 ? CalendarDate(year: newestMonth / 100, month: newestMonth % 100, day: 1) : nil
        return PostcodesRead(postcodes: kept, section: section, layout: layout.kind, asOf: asOf, convertedFromGrid: converted)
    }

    /// Where a row puts its postcode.
    enum RowLocation {
        /// ONS's latitude and longitude, or (`converted`) the grid reference made into them.
        case found(GeoPoint, converted: Bool)
        /// The file says it has no location (grid indicator 9, Code-Point quality 90, no figures).
        case none
        /// Figures that cannot be right: off the National Grid, or outside the United Kingdom.
        case wrong(String)
    }

    /// ONS's latitude and longitude where given (99.999999 means none), else the grid reference
    /// converted. A location outside the lands the lookups cover is wrong, not used.
    static func readLocation(_ record: CSVRecord, _ columns: Layout) -> RowLocation {
        let extent = NationalGridFacts.postcodeExtent.value
        var wrongLatitude: String?
        if let latIndex = columns.latitude, let longIndex = columns.longitude,
           let latitude = record.withTrimmedField(latIndex, FieldParsing.decimal),
           let longitude = record.withTrimmedField(longIndex, FieldParsing.decimal),
           latitude != 99.999999 {
            if GeoPoint.isValid(latitude: latitude, longitude: longitude),
               extent.contains(GeoPoint(latitude: latitude, longitude: longitude)) {
                return .found(GeoPoint(latitude: latitude, longitude: longitude), converted: false)
            }
            wrongLatitude = "lat \(Self.shown(latitude)), long \(Self.shown(longitude)) is not in the United Kingdom"
        }
        if let grid = columns.grid, record.withTrimmedField(grid, { $0.count == 1 && $0[0] == UInt8(ascii: "9") }) {
            return wrongLatitude.map { .wrong($0) } ?? .none
        }
        if let quality = columns.quality, record.withTrimmedField(quality, { FieldParsing.wholeNumber($0, in: 0...99) }) == 90 { return .none }
        guard let eastIndex = columns.east, let northIndex = columns.north,
              !record.isEmpty(eastIndex) || !record.isEmpty(northIndex) else {
            return wrongLatitude.map { .wrong($0) } ?? .none
        }
        let easting = record.withTrimmedField(eastIndex, FieldParsing.decimal)
        let northing = record.withTrimmedField(northIndex, FieldParsing.decimal)
        guard let easting, let northing else {
            return .wrong(wrongLatitude ?? "the grid reference cannot be read as two numbers of metres")
        }
        if easting == 0 && northing == 0 { return wrongLatitude.map { .wrong($0) } ?? .none }
        guard let point = NationalGrid.wgs84(easting: easting, northing: northing), extent.contains(point) else {
            return .wrong(wrongLatitude ?? "easting \(Self.shown(easting)), northing \(Self.shown(northing)) is not a place in the United Kingdom on the National Grid")
        }
        return .found(point, converted: true)
    }

    /// A number read from a row, as short as it can be shown.
    private static func shown(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? "\(value)" : "not a number" }
        if value == value.rounded() { return String(Int64(value)) }
        return "\(value)"
    }

    /// Works out the layout from the first row.
    private static func detect(_ record: CSVRecord, file: ImportFile) throws -> Layout {
        let names = (0..<record.count).map { index in
            record.withTrimmedField(index) { String(decoding: $0, as: UTF8.self) }.lowercased()
        }
        func find(_ key: String) -> Int? {
            guard let spec = specs.first(where: { $0.key == key }) else { return nil }
            return names.firstIndex(where: spec.matches)
        }
        if let postcode = find("pcds") ?? find("pcd") {
            let layout = Layout(postcode: postcode, terminated: find("doterm"), introduced: find("introduced"), east: find("east"),
                                north: find("north"), grid: find("grid"), latitude: find("lat"), longitude: find("long"),
                                localAuthority: find("la"), quality: nil, width: record.count,
                                kind: .onsLookup(directory: file.path.lowercased().contains("onspd")))
            guard (layout.latitude != nil && layout.longitude != nil) || (layout.east != nil && layout.north != nil) else {
                throw ImportFailure.at(file, line: record.line, "the header has neither lat and long nor a grid reference (oseast1m and osnrth1m, or east1m and north1m)",
                                       "give the NSPL or ONSPD file as published")
            }
            return layout
        }
        if names.count >= 4, names[0] == "pc", names.contains("ea"), names.contains("no") {
            return Layout(postcode: 0, terminated: nil, introduced: nil, east: names.firstIndex(of: "ea"), north: names.firstIndex(of: "no"),
                          grid: nil, latitude: nil, longitude: nil, localAuthority: names.firstIndex(of: "dc"),
                          quality: names.firstIndex(of: "pq"), width: record.count, kind: .codePointOpen)
        }
        if isCodePointData(record) {
            return Layout(postcode: 0, terminated: nil, introduced: nil, east: 2, north: 3, grid: nil, latitude: nil, longitude: nil,
                          localAuthority: record.count > 8 ? 8 : nil, quality: 1, width: record.count, kind: .codePointOpen)
        }
        throw ImportFailure.at(file, line: record.line, "this is not a postcode file: its first row names no postcode column (pcds, pcd or pcd7) and is not a Code-Point Open row",
                               "give ONS's NSPL or ONSPD CSV, or Ordnance Survey's Code-Point Open CSV")
    }

    /// A Code-Point Open row: a postcode, a quality number, an easting and a northing.
    private static func isCodePointData(_ record: CSVRecord) -> Bool {
        guard record.count >= 4 else { return false }
        let postcode = record.withTrimmedField(0) { String(decoding: $0, as: UTF8.self) }
        return PostcodeText.canonical(postcode) != nil
            && record.withTrimmedField(2, { FieldParsing.wholeNumber($0, in: 0...9_999_999) }) != nil
            && record.withTrimmedField(3, { FieldParsing.wholeNumber($0, in: 0...9_999_999) }) != nil
    }
}
