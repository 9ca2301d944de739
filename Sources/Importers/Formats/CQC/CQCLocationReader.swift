import ChoiceKit
import Foundation

/// What the CQC API says about one location: whether it is still registered, its current ratings,
/// its beds and where it is.
struct LocationRatings: Sendable {
    let line: Int
    let locationID: String
    let isDeregistered: Bool
    let deregisteredOn: CalendarDate?
    let assessment: CQCAssessment
    let beds: Int?
    let location: GeoPoint?
    let name: String
}

struct CQCLocationsRead: Sendable {
    var locations: [String: LocationRatings]
    var section: ImportReport.FileSection

    /// The newest report date among the ratings: how current the file is, at least.
    var newestReport: CalendarDate? { locations.values.compactMap { $0.assessment.ratings?.reportDate }.max() }
}

/// Reads CQC API `/locations/{id}` responses: one object, an array of them, or one per line.
/// `currentRatings` may be `{}` (not yet rated). The file is read whole; it holds one object per
/// location, a few kilobytes each.
enum CQCLocationReader {
    static let largestFile = 1 << 30

    /// Whether a file's first non-space character opens JSON (`{` or `[`): how `import cqc`
    /// tells the API's JSON from the directory's CSV.
    static func looksLikeJSON(_ file: ImportFile) -> Bool {
        // Named as JSON: read as JSON, so a broken one is reported as such.
        if file.path.lowercased().hasSuffix(".json") { return true }
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        var bytes = [UInt8](head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return false }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    static func read(_ file: ImportFile, control: ImportControl) throws -> CQCLocationsRead {
        try control.checkCancelled()
        let blocks = try FileBlocks(file)
        guard blocks.size <= Int64(largestFile) else {
            throw ImportFailure("\(file.shown) is \(blocks.size >> 20) MB; a CQC location file may be at most \(largestFile >> 20) MB — split it, one object per line")
        }
        var data = [UInt8](repeating: 0, count: Int(blocks.size) + 1)
        let count = try data.withUnsafeMutableBytes { try blocks.read(into: $0) }
        data.removeSubrange(count...)
        control.progress(ImportProgress(file: file.path, bytesDone: Int64(count), bytesTotal: Int64(count), rows: 0))
        guard !data.isEmpty else { throw ImportFailure("\(file.shown) is empty — download the file again, or give the right one") }
        if data.contains(0) {
            throw ImportFailure("\(file.shown) is not a text file (it has a zero byte) — give the CQC API's JSON as saved")
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        var section = ImportReport.FileSection(file: file.shown, format: "CQC API location data, JSON")
        var objects: [(line: Int, object: [String: Any])] = []
        if let whole = try? JSONSerialization.jsonObject(with: Data(data)) {
            if let object = whole as? [String: Any] {
                objects = [(1, object)]
            } else if let list = whole as? [Any] {
                let lines = topLevelItemLines(data)
                for (index, item) in list.enumerated() {
                    let line = index < lines.count ? lines[index] : 1
                    guard let object = item as? [String: Any] else {
                        throw ImportFailure("\(file.shown):\(line): this item of the list is not a location object — give CQC API location responses")
                    }
                    objects.append((line, object))
                }
                section.format = "CQC API location data, JSON list"
            } else {
                throw ImportFailure("\(file.shown) is JSON but not a location object or a list of them — give CQC API location responses")
            }
        } else {
            // One object per line (JSON Lines).
            var lineNumber = 0
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                lineNumber += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                    throw ImportFailure("\(file.shown):\(lineNumber): is not valid JSON — give CQC API location responses as saved (one object, a list, or one object per line); if the file was cut short, download it again")
                }
                objects.append((lineNumber, object))
            }
            section.format = "CQC API location data, one JSON object per line"
        }
        // An empty list (or a file of blank lines) says nothing; taken as a ratings file, it would
        // date the catalog's ratings today and, beside a care directory, leave every service unrated.
        guard !objects.isEmpty else {
            throw ImportFailure("\(file.shown) holds no locations — give CQC API location responses (one object, a list, or one object per line); if the file was cut short, download it again")
        }
        var locations: [String: LocationRatings] = [:]
        for (number, object) in objects {
            section.rows += 1
            guard let id = object["locationId"] as? String, CQCTerms.isLocationID(id) else {
                section.skip(line: number, ImportReport.Reason("no CQC location id (locationId)", isProblem: true), detail: nil)
                continue
            }
            if locations[id] != nil {
                section.skip(line: number, Reasons.repeatedID, detail: id)
                continue
            }
            var notes: [(String, String)] = []
            locations[id] = ratings(id: id, line: number, object, notes: &notes)
            for (field, text) in notes { section.note(line: number, field: field, text) }
        }
        return CQCLocationsRead(locations: locations, section: section)
    }

    /// The line each item of a top-level JSON list starts on, so the report can name it.
    static func topLevelItemLines(_ data: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0
        var inString = false, escaped = false
        for byte in data {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 1 { lines.append(line) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            default: break
            }
        }
        return lines
    }

    private static func ratings(id: String, line: Int, _ object: [String: Any], notes: inout [(String, String)]) -> LocationRatings {
        let status = (object["registrationStatus"] as? String ?? "").lowercased()
        let deregisteredOn = (object["deregistrationDate"] as? String).flatMap(FieldParsing.iso)
        var assessment = CQCAssessment.notYetRated
        if let current = object["currentRatings"] as? [String: Any], let overall = current["overall"] as? [String: Any] {
            let text = (overall["rating"] as? String ?? "").lowercased()
            if let rating = CQCTerms.ratings[text] {
                var questions = [CQCRating?](repeating: nil, count: CQCKeyQuestion.allCases.count)
                for entry in overall["keyQuestionRatings"] as? [[String: Any]] ?? [] {
                    guard let name = (entry["name"] as? String)?.lowercased(), let question = CQCTerms.keyQuestions[name],
                          let index = CQCKeyQuestion.allCases.firstIndex(of: question) else { continue }
                    questions[index] = CQCTerms.ratings[(entry["rating"] as? String ?? "").lowercased()]
                }
                let date = (overall["reportDate"] as? String ?? current["reportDate"] as? String).flatMap(FieldParsing.iso)
                assessment = .rated(CQCRatings(overall: rating, keyQuestions: questions, reportDate: date))
            } else if !CQCTerms.notRated.contains(text) {
                notes.append(("currentRatings.overall.rating", "\(MessageText.quoted(text)) is not a CQC rating — read as not yet rated"))
            }
        }
        var beds: Int?
        if let number = object["numberOfBeds"] as? NSNumber {
            let value = number.doubleValue
            if value.isFinite, value >= 0, value <= 1_000, value.rounded() == value { beds = Int(value) } else {
                notes.append(("numberOfBeds", "\(number) is not a number of beds from 0 to 1,000 — left out"))
            }
        }
        var location: GeoPoint?
        if let latitude = (object["onspdLatitude"] as? NSNumber)?.doubleValue, let longitude = (object["onspdLongitude"] as? NSNumber)?.doubleValue {
            if GeoPoint.isValid(latitude: latitude, longitude: longitude) { location = GeoPoint(latitude: latitude, longitude: longitude) }
        }
        return LocationRatings(line: line, locationID: id, isDeregistered: status == "deregistered", deregisteredOn: deregisteredOn, assessment: assessment, beds: beds,
                               location: location, name: object["name"] as? String ?? "")
    }
}
