import ChoiceKit

/// One school as read from GIAS, before the area is chosen. A class: tens of thousands are
/// made on several threads and handed on many times, each as one reference.
final class SchoolRecord: Sendable {
    let line: Int
    let urn: Int
    let name: String
    let type: SchoolType
    let funding: SchoolFunding
    let trustType: TrustType?
    let phase: SchoolPhase
    let ages: ClosedRange<Int>
    let gender: SchoolGender
    let religiousCharacter: String?
    let admissionsPolicy: AdmissionsPolicy?
    let hasSixthForm: Bool
    let capacity: Int?
    let pupils: Int?
    let inspection: OfstedInspection
    /// Why no inspection is shown although the file has an inspection date, if so.
    let inspectionLeftOut: InspectionLeftOut?
    let organisation: String
    let address: String
    let town: String
    let postcode: String
    let location: GeoPoint?
    let phone: String?
    let website: String?
    let localAuthority: LocalAuthority
    /// The proprietor, for independent schools (whose sector follows from it).
    let proprietor: String

    init(line: Int, urn: Int, name: String, type: SchoolType, funding: SchoolFunding, trustType: TrustType?,
         phase: SchoolPhase, ages: ClosedRange<Int>, gender: SchoolGender, religiousCharacter: String?,
         admissionsPolicy: AdmissionsPolicy?, hasSixthForm: Bool, capacity: Int?, pupils: Int?,
         inspection: OfstedInspection, inspectionLeftOut: InspectionLeftOut?, organisation: String, address: String,
         town: String, postcode: String, location: GeoPoint?, phone: String?, website: String?,
         localAuthority: LocalAuthority, proprietor: String) {
        self.line = line
        self.urn = urn
        self.name = name
        self.type = type
        self.funding = funding
        self.trustType = trustType
        self.phase = phase
        self.ages = ages
        self.gender = gender
        self.religiousCharacter = religiousCharacter
        self.admissionsPolicy = admissionsPolicy
        self.hasSixthForm = hasSixthForm
        self.capacity = capacity
        self.pupils = pupils
        self.inspection = inspection
        self.inspectionLeftOut = inspectionLeftOut
        self.organisation = organisation
        self.address = address
        self.town = town
        self.postcode = postcode
        self.location = location
        self.phone = phone
        self.website = website
        self.localAuthority = localAuthority
        self.proprietor = proprietor
    }
}

enum InspectionLeftOut: Sendable {
    /// Inspected since report cards began: GIAS does not carry report-card grades.
    case reportCard
    /// An inspection before September 2024 whose grade this file does not carry.
    case gradeNotInFile
}

/// A local authority as GIAS names it: "Kingsmere", 990, E06000990.
struct LocalAuthority: Hashable, Sendable {
    let name: String
    let code: String
    let gss: String
}

/// What a GIAS file gave.
struct GIASRead: Sendable {
    var schools: [SchoolRecord]
    var section: ImportReport.FileSection
    var localAuthorities: Set<LocalAuthority>
    var asOf: CalendarDate?
    var hasOfstedGrades: Bool
    var encoding: TextEncoding
}

/// Reads GIAS's "edubasealldata" CSV: Windows-1252 (or UTF-8 when it says so), columns found by
/// their names, only the few the catalog needs required.
enum GIASReader {
    static let format = "a GIAS edubasealldata file"

    static let specs: [ColumnSpec] = [
        ColumnSpec("urn", names: ["URN"], required: true),
        ColumnSpec("name", names: ["EstablishmentName"], required: true),
        ColumnSpec("type", names: ["TypeOfEstablishment (name)"], required: true),
        ColumnSpec("status", names: ["EstablishmentStatus (name)"], required: true),
        ColumnSpec("phase", names: ["PhaseOfEducation (name)"], required: true),
        ColumnSpec("low", names: ["StatutoryLowAge"], required: true),
        ColumnSpec("high", names: ["StatutoryHighAge"], required: true),
        ColumnSpec("gender", names: ["Gender (name)"], required: true),
        ColumnSpec("postcode", names: ["Postcode"], required: true),
        ColumnSpec("laName", names: ["LA (name)"]),
        ColumnSpec("laCode", names: ["LA (code)"]),
        ColumnSpec("gss", names: ["GSSLACode (name)", "GSSLACode", "GSSLACode (code)"]),
        ColumnSpec("closeDate", names: ["CloseDate"]),
        ColumnSpec("sixthForm", names: ["OfficialSixthForm (name)"]),
        ColumnSpec("religion", names: ["ReligiousCharacter (name)"]),
        ColumnSpec("admissions", names: ["AdmissionsPolicy (name)"]),
        ColumnSpec("capacity", names: ["SchoolCapacity"]),
        ColumnSpec("pupils", names: ["NumberOfPupils"]),
        ColumnSpec("trustFlag", names: ["TrustSchoolFlag (name)"]),
        ColumnSpec("trust", names: ["Trusts (name)"]),
        ColumnSpec("sponsor", names: ["SchoolSponsors (name)"]),
        ColumnSpec("proprietor", names: ["PropsName"]),
        ColumnSpec("ofstedDate", names: ["OfstedLastInsp"]),
        ColumnSpec("ofstedRating", names: ["OfstedRating (name)"]),
        ColumnSpec("street", names: ["Street"]),
        ColumnSpec("locality", names: ["Locality"]),
        ColumnSpec("address3", names: ["Address3"]),
        ColumnSpec("town", names: ["Town"]),
        ColumnSpec("website", names: ["SchoolWebsite"]),
        ColumnSpec("phone", names: ["TelephoneNum"]),
        ColumnSpec("easting", names: ["Easting"]),
        ColumnSpec("northing", names: ["Northing"]),
        ColumnSpec("changed", names: ["LastChangedDate"]),
    ]

    static let fieldNames: [String: String] = Dictionary(uniqueKeysWithValues: specs.map { ($0.key, $0.shownName) })

    static func read(_ file: ImportFile, includeClosed: Bool, control: ImportControl) throws -> GIASRead {
        let stream = try CSVRecordStream(file, usualEncoding: .windows1252, control: control)
        var section = ImportReport.FileSection(file: file.shown, format: "GIAS edubasealldata")
        var schools: [SchoolRecord] = []
        var authorities = Set<LocalAuthority>()
        var lastAuthority: LocalAuthority?
        var firstLineOfURN: [Int: Int] = [:]
        var newest: CalendarDate?
        let header = try TableScan.runInParallel(stream, specs: specs, format: format, prepare: Columns.init, decode: { record, columns, encoding in
            var row = RowValues(record, columns: nil, encoding: encoding, names: fieldNames)
            let authority = LocalAuthority(name: row.text(columns.laName), code: row.text(columns.laCode), gss: row.text(columns.gss).uppercased())
            let outcome = readRow(&row, columns, authority: authority, includeClosed: includeClosed)
            let changed = row.date(columns.changed, FieldParsing.dayMonthYear, example: "31-08-2019")
            return DecodedRow(outcome: outcome, notes: row.notes, changed: changed, authority: authority)
        }, merge: { record, decoded in
            section.rows += 1
            for note in decoded.notes { section.note(line: record.line, field: note.field, note.text) }
            if let changed = decoded.changed, changed > (newest ?? changed.adding(days: -1)) { newest = changed }
            // Rows of one local authority come together: the set is only asked when it changes.
            let authority = decoded.authority
            if authority != lastAuthority, !authority.name.isEmpty || !authority.gss.isEmpty {
                authorities.insert(authority)
                lastAuthority = authority
            }
            switch decoded.outcome {
            case .skip(let reason, let detail):
                section.skip(line: record.line, reason, detail: detail)
            case .school(let school):
                if let first = firstLineOfURN[school.urn] {
                    section.skip(line: record.line, Reasons.repeatedID, detail: "URN \(school.urn), first on line \(first)")
                    return
                }
                firstLineOfURN[school.urn] = record.line
                schools.append(school)
            }
        })
        let encoding = stream.encoding
        section = ImportReport.FileSection(file: section.file, format: "GIAS edubasealldata, \(encoding.name)\(stream.hadByteOrderMark ? " with a byte-order mark" : "")", copying: section)
        return GIASRead(schools: schools, section: section, localAuthorities: authorities, asOf: newest,
                        hasOfstedGrades: header.has("ofstedRating"), encoding: encoding)
    }

    /// Where each column is in this file, found once from its header.
    struct Columns: Sendable {
        let urn: RowValues.Column
        let name: RowValues.Column
        let type: RowValues.Column
        let status: RowValues.Column
        let phase: RowValues.Column
        let low: RowValues.Column
        let high: RowValues.Column
        let gender: RowValues.Column
        let postcode: RowValues.Column
        let laName: RowValues.Column
        let laCode: RowValues.Column
        let gss: RowValues.Column
        let closeDate: RowValues.Column
        let sixthForm: RowValues.Column
        let religion: RowValues.Column
        let admissions: RowValues.Column
        let capacity: RowValues.Column
        let pupils: RowValues.Column
        let trustFlag: RowValues.Column
        let trust: RowValues.Column
        let sponsor: RowValues.Column
        let proprietor: RowValues.Column
        let ofstedDate: RowValues.Column
        let ofstedRating: RowValues.Column
        let street: RowValues.Column
        let locality: RowValues.Column
        let address3: RowValues.Column
        let town: RowValues.Column
        let website: RowValues.Column
        let phone: RowValues.Column
        let easting: RowValues.Column
        let northing: RowValues.Column
        let changed: RowValues.Column

        init(_ header: HeaderColumns) {
            func column(_ key: String) -> RowValues.Column { RowValues.Column(position: header[key], label: key) }
            urn = column("urn")
            name = column("name")
            type = column("type")
            status = column("status")
            phase = column("phase")
            low = column("low")
            high = column("high")
            gender = column("gender")
            postcode = column("postcode")
            laName = column("laName")
            laCode = column("laCode")
            gss = column("gss")
            closeDate = column("closeDate")
            sixthForm = column("sixthForm")
            religion = column("religion")
            admissions = column("admissions")
            capacity = column("capacity")
            pupils = column("pupils")
            trustFlag = column("trustFlag")
            trust = column("trust")
            sponsor = column("sponsor")
            proprietor = column("proprietor")
            ofstedDate = column("ofstedDate")
            ofstedRating = column("ofstedRating")
            street = column("street")
            locality = column("locality")
            address3 = column("address3")
            town = column("town")
            website = column("website")
            phone = column("phone")
            easting = column("easting")
            northing = column("northing")
            changed = column("changed")
        }
    }

    /// One row as read on any thread, before it is counted.
    struct DecodedRow {
        let outcome: Outcome
        let notes: [(field: String, text: String)]
        let changed: CalendarDate?
        let authority: LocalAuthority
    }

    enum Outcome {
        case school(SchoolRecord)
        case skip(ImportReport.Reason, String?)
    }

    private static func readRow(_ row: inout RowValues, _ c: Columns, authority: LocalAuthority, includeClosed: Bool) -> Outcome {
        guard let urn = row.withBytes(c.urn, { FieldParsing.wholeNumber($0, in: 100_000...999_999) }) ?? nil else {
            return .skip(Reasons.unreadable("URN"), "\(MessageText.quoted(row.text(c.urn))) is not a six-digit number")
        }
        var nameSuffix = ""
        switch row.value(c.status, in: GIASTypes.statuses) {
        case .open?: break
        case .closed?:
            guard includeClosed else { return .skip(Reasons.closed, nil) }
            let closed = row.date(c.closeDate, FieldParsing.dayMonthYear, example: "31-08-2019")
            nameSuffix = closed.map { " (closed \($0.long))" } ?? " (closed)"
        case nil:
            let status = row.text(c.status)
            guard includeClosed else { return .skip(Reasons.notOpen, status) }
            nameSuffix = " (\(status.lowercased()))"
        }
        guard let (type, funding) = row.value(c.type, in: GIASTypes.byName) else {
            return .skip(Reasons.otherEstablishment, row.text(c.type))
        }
        let name = row.text(c.name)
        guard !name.isEmpty else { return .skip(Reasons.empty("EstablishmentName"), nil) }
        guard let phase = row.value(c.phase, in: GIASTypes.phases) else {
            return .skip(Reasons.unreadable("PhaseOfEducation (name)"), MessageText.quoted(row.text(c.phase)))
        }
        let low = row.withBytes(c.low) { FieldParsing.wholeNumber($0, in: 0...25) } ?? nil
        let high = row.withBytes(c.high) { FieldParsing.wholeNumber($0, in: 0...25) } ?? nil
        guard let low, let high, low <= high else {
            return .skip(Reasons.noAgeRange, "\(MessageText.quoted(row.text(c.low))) to \(MessageText.quoted(row.text(c.high)))")
        }
        guard let gender = row.value(c.gender, in: GIASTypes.genders) else {
            return .skip(Reasons.unreadable("Gender (name)"), MessageText.quoted(row.text(c.gender)))
        }
        let postcodeText = row.text(c.postcode)
        guard let postcode = PostcodeText.canonical(postcodeText) else {
            return .skip(Reasons.noPostcode, postcodeText.isEmpty ? "empty" : MessageText.quoted(postcodeText))
        }
        let religion = row.text(c.religion)
        let sixthForm = row.value(c.sixthForm, in: GIASTypes.sixthForms) ?? (high >= 18)
        let trustFlag = row.text(c.trustFlag).lowercased()
        let trustType: TrustType? = funding != .academy ? nil
            : PlainText.has(trustFlag, "multi-academy trust") ? .multiAcademyTrust
            : PlainText.has(trustFlag, "single-academy trust") ? .singleAcademyTrust : nil
        let proprietor = row.text(c.proprietor)
        let organisation: String
        switch funding {
        case .academy:
            let trust = row.text(c.trust)
            organisation = trust.isEmpty ? row.text(c.sponsor) : trust
        case .maintained:
            organisation = authority.name.isEmpty ? "" : "\(authority.name) (local authority)"
        case .nonMaintainedSpecial, .independent, .independentSpecial:
            organisation = proprietor
        }
        let (inspection, leftOut) = readInspection(&row, c)
        let address = [c.street, c.locality, c.address3].map { row.text($0) }.filter { !$0.isEmpty }.joined(separator: ", ")
        var location: GeoPoint?
        if let easting = row.decimal(c.easting), let northing = row.decimal(c.northing) {
            location = NationalGrid.wgs84(easting: easting, northing: northing)
            if location == nil { row.note(c.easting, "\(Int(easting)), \(Int(northing)) is not on the National Grid — the postcode's location is used") }
        }
        let phone = row.text(c.phone), website = row.text(c.website)
        return .school(SchoolRecord(
            line: row.record.line, urn: urn, name: name + nameSuffix, type: type, funding: funding, trustType: trustType,
            phase: phase, ages: low...high, gender: gender,
            religiousCharacter: GIASTypes.noFaith.contains(religion.lowercased()) ? nil : religion,
            admissionsPolicy: row.value(c.admissions, in: GIASTypes.admissionsPolicies), hasSixthForm: sixthForm,
            capacity: row.wholeNumber(c.capacity, in: 0...10_000), pupils: row.wholeNumber(c.pupils, in: 0...10_000),
            inspection: inspection, inspectionLeftOut: leftOut, organisation: organisation, address: address,
            town: row.text(c.town), postcode: postcode, location: location, phone: phone.isEmpty ? nil : phone,
            website: website.isEmpty ? nil : website, localAuthority: authority, proprietor: proprietor))
    }

    /// GIAS's last inspection date and single-word grade, within what the catalog can say: a grade
    /// only for inspections before September 2024, no grade for those between then and report
    /// cards (November 2025); report-card grades are not in GIAS at all.
    private static func readInspection(_ row: inout RowValues, _ c: Columns) -> (OfstedInspection, InspectionLeftOut?) {
        guard let date = row.date(c.ofstedDate, FieldParsing.dayMonthYear, example: "19-04-2013") else { return (.notYetInspected, nil) }
        let grade = row.value(c.ofstedRating, in: GIASTypes.ofstedGrades)
        if grade == nil, case let gradeText = row.text(c.ofstedRating), !gradeText.isEmpty, gradeText.lowercased() != "not applicable" {
            row.note(c.ofstedRating, "\(MessageText.quoted(gradeText)) is not an Ofsted grade — left out")
        }
        if date >= OfstedFacts.reportCardsBegan.value { return (.notYetInspected, .reportCard) }
        if date >= OfstedFacts.overallGradesEnded.value { return (.ungraded(date: date), nil) }
        guard let grade else { return (.notYetInspected, .gradeNotInFile) }
        return (.historical(grade: grade, date: date), nil)
    }
}

extension ImportReport.FileSection {
    /// The same counts under a new description of the file's format.
    init(file: String, format: String, copying other: ImportReport.FileSection) {
        self = other
        self.format = format
    }
}
