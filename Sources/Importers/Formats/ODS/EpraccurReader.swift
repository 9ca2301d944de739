import ChoiceKit

/// One GP practice from epraccur, before the area is chosen.
struct PracticeRecord: Sendable {
    let line: Int
    let code: String
    let name: String
    let address: String
    let postcode: String
    let phone: String?
    /// The commissioner's ODS code (an integrated care board, or a CCG in files before July 2022).
    let commissioner: String
}

struct EpraccurRead: Sendable {
    var practices: [PracticeRecord]
    var section: ImportReport.FileSection
    var asOf: CalendarDate?
    var layouts: Set<EpraccurLayout>
}

enum EpraccurLayout: Hashable, Sendable {
    /// NHS Digital's download: status A/C/D/P, column 26 a prescribing setting (4 = GP practice).
    case older
    /// ODS Data Search and Export (2026): status words (ACTIVE), column 26 `|`-separated role ids.
    case report2026
}

/// Reads NHS ODS epraccur: no header, exactly 27 columns, YYYYMMDD dates, in either layout (told
/// apart row by row from the status and the last-but-one column).
enum EpraccurReader {
    static let columns = 27

    /// 0-based positions of the columns used.
    enum Column {
        static let code = 0, name = 1, region = 3, address = 4...8, postcode = 9, opened = 10, closed = 11, status = 12,
                   commissioner = 14, phone = 17, setting = 25
    }

    /// The roles of the 2026 layout, as ODS names them.
    static let roles: [String: String] = [
        "RO76": "GP practice", "RO87": "walk-in centre", "RO80": "out of hours service", "RO82": "prison service",
        "RO246": "care home service", "RO72": "other prescribing service",
    ]

    /// The prescribing settings of the older layout.
    static let settings: [Int: String] = [
        0: "other", 1: "walk-in centre", 2: "out of hours service", 3: "walk-in centre and out of hours service",
        4: "GP practice", 8: "public health service", 9: "community health service", 10: "hospital service",
        11: "optometry service", 12: "urgent and emergency care", 13: "hospice", 14: "care home service",
        15: "border force", 16: "young offender institution", 17: "secure training centre", 18: "secure children's home",
        19: "immigration removal centre", 20: "court", 21: "police custody", 22: "sexual assault referral centre",
        24: "other justice estate", 25: "prison",
    ]

    static let fieldNames: [String: String] = [
        "\(Column.code)": "organisation code", "\(Column.name)": "name", "\(Column.postcode)": "postcode",
        "\(Column.opened)": "open date", "\(Column.closed)": "close date", "\(Column.status)": "status code",
        "\(Column.setting)": "prescribing setting", "\(Column.phone)": "telephone",
    ]

    static func read(_ file: ImportFile, includeClosed: Bool, control: ImportControl) throws -> EpraccurRead {
        let stream = try CSVRecordStream(file, usualEncoding: .utf8, control: control)
        var section = ImportReport.FileSection(file: file.shown, format: "NHS ODS epraccur")
        var practices: [PracticeRecord] = []
        var firstLine: [String: Int] = [:]
        var shapes = RowShapes()
        var newest: CalendarDate?
        var layouts = Set<EpraccurLayout>()
        var first = true
        try stream.forEachRecord { record in
            if record.isBlank { return true }
            guard record.count == columns else {
                if first && !record.cutShort {
                    throw ImportFailure.at(file, line: record.line, "has \(record.count) fields, but epraccur rows have exactly \(columns) and no header",
                                           "this does not look like NHS ODS epraccur; give epraccur.csv as published")
                }
                try shapes.wrongWidth(record, expected: columns, file: file)
                return true
            }
            first = false
            section.rows += 1
            var row = RowValues(record, columns: nil, encoding: stream.encoding, names: fieldNames)
            for key in [Column.opened, Column.closed] {
                if let date = row.date("\(key)", FieldParsing.compact, example: "20171031"), date > (newest ?? date.adding(days: -1)) {
                    newest = date
                }
            }
            switch readRow(&row, includeClosed: includeClosed, layouts: &layouts) {
            case .skip(let reason, let detail):
                section.skip(line: record.line, reason, detail: detail)
            case .practice(let practice):
                if let earlier = firstLine[practice.code] {
                    section.skip(line: record.line, Reasons.repeatedID, detail: "\(practice.code), first on line \(earlier)")
                } else {
                    firstLine[practice.code] = record.line
                    practices.append(practice)
                }
            }
            for note in row.notes { section.note(line: record.line, field: note.field, note.text) }
            return true
        }
        try shapes.check(file: file, expected: columns, what: "of every epraccur row")
        let described = layouts.sorted { $0 == .older && $1 == .report2026 }
            .map { $0 == .older ? "older layout" : "2026 layout" }.joined(separator: " and ")
        section.format = "NHS ODS epraccur, \(described.isEmpty ? "no rows" : described), \(stream.encoding.name)\(stream.hadByteOrderMark ? " with a byte-order mark" : "")"
        return EpraccurRead(practices: practices, section: section, asOf: newest, layouts: layouts)
    }

    enum Outcome {
        case practice(PracticeRecord)
        case skip(ImportReport.Reason, String?)
    }

    private static func readRow(_ row: inout RowValues, includeClosed: Bool, layouts: inout Set<EpraccurLayout>) -> Outcome {
        let code = row.text("\(Column.code)")
        guard isPracticeCode(code) else {
            return .skip(Reasons.unreadable("organisation code"), MessageText.quoted(code))
        }
        let setting = row.text("\(Column.setting)")
        let status = row.text("\(Column.status)").uppercased()
        let isGPPractice: Bool
        let serviceName: String
        if let number = Int(setting) {
            layouts.insert(.older)
            isGPPractice = number == 4
            serviceName = settings[number] ?? "prescribing setting \(number)"
        } else {
            layouts.insert(.report2026)
            let ids = setting.split(separator: "|").map { $0.trimming(" ").uppercased() }
            isGPPractice = ids.contains("RO76")
            serviceName = ids.isEmpty ? "no role" : ids.map { roles[$0] ?? $0 }.joined(separator: " and ")
        }
        guard isGPPractice else { return .skip(Reasons.notPractice, serviceName) }
        var suffix = ""
        switch status {
        case "A", "ACTIVE": break
        default:
            let state: String
            switch status {
            case "C", "INACTIVE", "CLOSED": state = "closed"
            case "D", "DORMANT": state = "dormant"
            case "P", "PROPOSED": state = "proposed"
            default: state = status.isEmpty ? "no status" : "status \(status.lowercased())"
            }
            guard includeClosed else { return .skip(state == "closed" ? Reasons.closed : Reasons.notOpen, state == "closed" ? nil : state) }
            let closed = row.date("\(Column.closed)", FieldParsing.compact, example: "20171031")
            suffix = state == "closed" ? closed.map { " (closed \($0.long))" } ?? " (closed)" : " (\(state))"
        }
        let name = row.text("\(Column.name)")
        guard !name.isEmpty else { return .skip(Reasons.empty("name"), nil) }
        let postcodeText = row.text("\(Column.postcode)")
        guard let postcode = PostcodeText.canonical(postcodeText) else {
            return .skip(Reasons.noPostcode, postcodeText.isEmpty ? "empty" : MessageText.quoted(postcodeText))
        }
        // The first address line is often the practice's name again.
        // ODS keeps names and addresses in capitals; they are shown as names are written.
        let address = Column.address.map { row.text("\($0)") }.filter { !$0.isEmpty && $0 != name }
            .map(CapitalsText.readable).joined(separator: ", ")
        let phone = row.text("\(Column.phone)")
        var commissioner = row.text("\(Column.commissioner)")
        if commissioner.isEmpty { commissioner = row.text("\(Column.region)") }
        return .practice(PracticeRecord(line: row.record.line, code: code, name: CapitalsText.readable(name) + suffix, address: address,
                                        postcode: postcode, phone: phone.isEmpty ? nil : phone, commissioner: commissioner))
    }

    /// A letter and five letters or digits, as the catalog accepts.
    static func isPracticeCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 6 && (65...90).contains(bytes[0])
            && bytes.dropFirst().allSatisfy { (48...57).contains($0) || (65...90).contains($0) }
    }
}
