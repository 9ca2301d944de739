import ChoiceKit

/// One care service from the CQC care directory, before the area is chosen.
struct CareRecord: Sendable {
    let line: Int
    let locationID: String
    let name: String
    let address: String
    let town: String
    let postcode: String
    let phone: String?
    let website: String?
    let mainService: CareServiceType
    let serviceTypes: [CareServiceType]
    let specialisms: [CareSpecialism]
    let lastCheck: CalendarDate?
    let providerName: String
    let providerID: String
    let localAuthority: String
}

struct CQCDirectoryRead: Sendable {
    var services: [CareRecord]
    var section: ImportReport.FileSection
    /// How many locations each provider has in the whole directory (for its sector).
    var locationsByProvider: [String: Int]
    var asOf: CalendarDate?
}

/// Reads CQC's care directory CSV: preamble lines before the header (the header is found by its
/// column names), `|`-separated lists, dates in two styles, phone numbers without their 0.
enum CQCDirectoryReader {
    static let format = "the CQC care directory (CSV)"

    static let specs: [ColumnSpec] = [
        ColumnSpec("name", names: ["Name"], required: true),
        ColumnSpec("postcode", names: ["Postcode"], required: true),
        ColumnSpec("location", names: ["CQC Location ID (for office use only)", "CQC Location ID", "Location ID"],
                   prefixes: ["cqc location id"], required: true),
        ColumnSpec("types", names: ["Service types"], required: true),
        ColumnSpec("address", names: ["Address"]),
        ColumnSpec("phone", names: ["Phone number"]),
        ColumnSpec("website", names: ["Service's website (if available)"], prefixes: ["service's website", "service’s website", "website"]),
        ColumnSpec("checked", names: ["Date of latest check"]),
        ColumnSpec("specialisms", names: ["Specialisms/services", "Specialisms"]),
        ColumnSpec("provider", names: ["Provider name"]),
        ColumnSpec("authority", names: ["Local authority"]),
        ColumnSpec("providerID", names: ["CQC Provider ID (for office use only)", "CQC Provider ID", "Provider ID"],
                   prefixes: ["cqc provider id"]),
    ]

    static let fieldNames: [String: String] = Dictionary(uniqueKeysWithValues: specs.map { ($0.key, $0.shownName) })

    static func read(_ file: ImportFile, control: ImportControl) throws -> CQCDirectoryRead {
        let stream = try CSVRecordStream(file, usualEncoding: .utf8, control: control)
        var section = ImportReport.FileSection(file: file.shown, format: "CQC care directory")
        var services: [CareRecord] = []
        var counts: [String: Int] = [:]
        var firstLine: [String: Int] = [:]
        var asOf: CalendarDate?
        var preamble: [String] = []
        try TableScan.run(stream, specs: specs, format: format) { record, columns in
            section.rows += 1
            var row = RowValues(record, columns: columns, encoding: stream.encoding, names: fieldNames)
            let providerID = row.text("providerID")
            if !providerID.isEmpty { counts[providerID, default: 0] += 1 }
            switch readRow(&row) {
            case .skip(let reason, let detail):
                section.skip(line: record.line, reason, detail: detail)
            case .service(let service):
                if let first = firstLine[service.locationID] {
                    section.skip(line: record.line, Reasons.repeatedID, detail: "\(service.locationID), first on line \(first)")
                    return
                }
                firstLine[service.locationID] = record.line
                services.append(service)
            }
            for note in row.notes { section.note(line: record.line, field: note.field, note.text) }
        } before: { record in
            if record.count > 0 { preamble.append(record.text(0, stream.encoding).text) }
        }
        asOf = preamble.lazy.compactMap(producedOn).first
        section.format = "CQC care directory, \(stream.encoding.name)"
        return CQCDirectoryRead(services: services, section: section, locationsByProvider: counts, asOf: asOf)
    }

    /// "This data was produced on 16 September 2026" → 2026-09-16.
    static func producedOn(_ line: String) -> CalendarDate? {
        guard let range = line.range(of: "produced on ", options: .caseInsensitive) else { return nil }
        let words = line[range.upperBound...].split(separator: " ").prefix(3).map(String.init)
        guard words.count == 3, let day = Int(words[0]), let year = Int(words[2].prefix(4)),
              let month = CalendarDate.monthNumber(words[1]) else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    enum Outcome {
        case service(CareRecord)
        case skip(ImportReport.Reason, String?)
    }

    private static func readRow(_ row: inout RowValues) -> Outcome {
        let locationID = row.text("location")
        guard CQCTerms.isLocationID(locationID) else {
            return .skip(Reasons.unreadable("CQC Location ID"), MessageText.quoted(locationID))
        }
        let typeNames = split(row.text("types"))
        let types = typeNames.compactMap(CQCTerms.serviceType)
        guard let main = types.first else {
            return .skip(Reasons.notCare, typeNames.isEmpty ? "no service type" : typeNames.joined(separator: ", "))
        }
        let specialismNames = split(row.text("specialisms"))
        var specialisms: [CareSpecialism] = []
        for name in specialismNames {
            if let specialism = CQCTerms.specialisms[name.lowercased()], !specialisms.contains(specialism) { specialisms.append(specialism) }
        }
        guard CQCTerms.servesOlderPeople(specialisms) else {
            return .skip(Reasons.notOlderPeople, specialismNames.isEmpty ? "no specialisms listed" : specialismNames.joined(separator: ", "))
        }
        let name = row.text("name")
        guard !name.isEmpty else { return .skip(Reasons.empty("Name"), nil) }
        let postcodeText = row.text("postcode")
        guard let postcode = PostcodeText.canonical(postcodeText) else {
            return .skip(Reasons.noPostcode, postcodeText.isEmpty ? "empty" : MessageText.quoted(postcodeText))
        }
        // "12 Oakwood Road,Kingsmere": the last part is the town.
        var parts = row.text("address").split(separator: ",").map { $0.trimming(" ") }.filter { !$0.isEmpty }.map(String.init)
        let town = parts.count > 1 ? parts.removeLast() : ""
        let website = row.text("website")
        return .service(CareRecord(
            line: row.record.line, locationID: locationID, name: name, address: parts.joined(separator: ", "), town: town,
            postcode: postcode, phone: CQCTerms.phone(row.text("phone")), website: website.isEmpty ? nil : website,
            mainService: main, serviceTypes: types, specialisms: specialisms,
            lastCheck: row.date("checked", FieldParsing.cqcDirectory, example: "09/Jan/2018 - 00:00"),
            providerName: row.text("provider"), providerID: row.text("providerID"), localAuthority: row.text("authority")))
    }

    static func split(_ list: String) -> [String] {
        list.split(separator: "|").map { String($0.trimming(" ")) }.filter { !$0.isEmpty }
    }
}

extension CalendarDate {
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// "September" or "Sep" → 9.
    static func monthNumber(_ word: String) -> Int? {
        let lowered = word.lowercased()
        guard lowered.count >= 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(lowered) }.map { $0 + 1 }
    }
}
