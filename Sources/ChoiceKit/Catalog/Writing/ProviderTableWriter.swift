import Foundation

/// Writes providers as a catalog table: the exact format `ProviderTableReader` reads back.
public enum ProviderTableWriter {
    public static func csv(kind: ProviderKind, providers: [Provider], postcodes: [String: GeoPoint]) -> String {
        String(decoding: csvBytes(kind: kind, providers: providers, postcodes: postcodes), as: UTF8.self)
    }

    /// The same table as UTF-8 bytes, for writing straight to a file (a national table is tens of
    /// megabytes: no String made of it and checked again).
    public static func csvBytes(kind: ProviderKind, providers: [Provider], postcodes: [String: GeoPoint]) -> [UInt8] {
        let layout = TableLayout.forKind(kind)
        let rows = providers.filter { $0.kind == kind }
        var bytes: [UInt8] = []
        CSVWriter.appendRow(layout.names, to: &bytes)
        // Large tables are written in parts at once, joined in order: several per core, taken as
        // the cores come free (one part each left a core idle whenever the other was shared).
        let parts = max(1, min(maximumParts, rows.count / partRows))
        let written = Slots<[UInt8]>(count: parts, initial: [])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (rows.count * part / parts)..<(rows.count * (part + 1) / parts)
            written.set(part, rowBytes(rows[range], layout: layout, postcodes: postcodes))
        }
        let pieces = written.values
        bytes.reserveCapacity(bytes.count + pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { bytes += piece }
        return bytes
    }

    /// A part's rows, at least: a table of fewer than twice this is written in one piece.
    static let partRows = 2_500
    static let maximumParts = 8

    private static func rowBytes(_ providers: ArraySlice<Provider>, layout: TableLayout, postcodes: [String: GeoPoint]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256 * providers.count)
        var cells = RowCells(layout)
        for provider in providers {
            cells.clear()
            commonCells(provider, postcodes: postcodes, into: &cells)
            switch provider.details {
            case .school(let school): schoolCells(school, into: &cells)
            case .care(let care): careCells(care, into: &cells)
            case .gp(let gp): gpCells(gp, into: &cells)
            case .other(let contract): contractCells(contract, into: &cells)
            }
            cells.appendRow(to: &bytes)
        }
        return bytes
    }

    /// One row's cells in the table's column order, set by column name; a name the table does not
    /// have is ignored. Each cell is kept as the bytes the file will hold (quoted where needed), in
    /// one buffer the rows reuse: no String per cell is kept or freed.
    struct RowCells {
        private let positions: [String: Int]
        /// Each column's bytes in `written`; an empty range for an empty cell.
        private var starts: [Int]
        private var ends: [Int]
        private var written: [UInt8] = []
        /// The columns the first row set, in order, with their positions: rows set much the same
        /// columns in the same order, so a name is matched by comparing it with the one set at the
        /// same step (the same string constant) instead of hashing it; otherwise it is looked up.
        private var steps: [(column: String, position: Int?)] = []
        private var step = 0

        init(_ layout: TableLayout) {
            var positions: [String: Int] = [:]
            for (index, name) in layout.names.enumerated() { positions[name] = index }
            self.positions = positions
            starts = Array(repeating: 0, count: layout.names.count)
            ends = starts
        }

        mutating func clear() {
            written.removeAll(keepingCapacity: true)
            for index in starts.indices {
                starts[index] = 0
                ends[index] = 0
            }
            step = 0
        }

        private mutating func position(_ column: String) -> Int? {
            defer { step += 1 }
            if step < steps.count, steps[step].column == column { return steps[step].position }
            let position = positions[column]
            if step == steps.count { steps.append((column, position)) }
            return position
        }

        private mutating func set(_ column: String, _ write: (inout [UInt8]) -> Void) {
            guard let index = position(column) else { return }
            starts[index] = written.count
            write(&written)
            ends[index] = written.count
        }

        mutating func set(_ column: String, _ value: String) {
            set(column) { CSVWriter.appendField(value, to: &$0) }
        }

        mutating func set(_ column: String, _ value: Int?) {
            set(column) { bytes in if let value { CSVWriter.appendField(value, to: &bytes) } }
        }

        /// The row, cells in column order, added to `bytes`.
        func appendRow(to bytes: inout [UInt8]) {
            written.withUnsafeBufferPointer { cells in
                for index in starts.indices {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    if ends[index] > starts[index] {
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: cells[starts[index]..<ends[index]]))
                    }
                }
            }
            bytes.append(0x0A)
        }
    }

    /// Coordinates are written only where they differ from the postcode's.
    private static func commonCells(_ provider: Provider, postcodes: [String: GeoPoint], into cells: inout RowCells) {
        cells.set("id", provider.id)
        cells.set("name", provider.name)
        cells.set("sub_type", provider.subType)
        cells.set("sector", provider.sector.label)
        cells.set("organisation", provider.organisation)
        cells.set("commissioner", provider.commissionerID)
        cells.set("address", provider.address)
        cells.set("town", provider.town)
        cells.set("postcode", provider.postcode)
        cells.set("phone", provider.phone ?? "")
        cells.set("website", provider.website ?? "")
        if postcodes[provider.postcode] != provider.location {
            cells.set("latitude", degrees(provider.location.latitude))
            cells.set("longitude", degrees(provider.location.longitude))
        }
    }

    /// Five decimal places: about a metre, as precise as any address needs.
    public static func degrees(_ value: Double) -> String {
        let scaled = Int64((value * 100_000).rounded())
        return FixedPoint.format(scaled, places: 5)
    }

    private static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }

    private static func schoolCells(_ school: SchoolDetails, into cells: inout RowCells) {
        cells.set("urn", school.urn)
        cells.set("trust_type", school.trustType?.label ?? "")
        cells.set("phase", school.phase.label)
        cells.set("age_low", school.statutoryAges.lowerBound)
        cells.set("age_high", school.statutoryAges.upperBound)
        cells.set("gender", school.gender.label)
        cells.set("religious_character", school.religiousCharacter ?? "")
        cells.set("admissions_policy", school.admissionsPolicy?.label ?? "")
        cells.set("sixth_form", yesNo(school.hasSixthForm))
        cells.set("capacity", school.capacity)
        cells.set("pupils", school.pupils)
        cells.set("pan", school.publishedAdmissionNumber)
        cells.set("applications", school.applicationsLastRound)
        cells.set("ks2_rwm_expected_pct", school.ks2ExpectedStandard?.text ?? "")
        cells.set("ks4_attainment8", school.ks4Attainment8?.text ?? "")
        cells.set("ks4_grade5_eng_maths_pct", school.ks4Grade5EnglishMaths?.text ?? "")
        cells.set("ks4_progress8", school.ks4Progress8.map { FixedPoint.format(Int64($0.hundredths), places: 2) } ?? "")
        admissionCells(school, into: &cells)
        switch school.lastOffer {
        case .distance(let metres): cells.set("last_distance_offered_m", metres)
        case .allApplicantsOffered: cells.set("last_distance_offered_m", "all")
        case .notPublished: break
        }
        switch school.inspection {
        case .reportCard(let card):
            cells.set("ofsted_date", card.date.iso)
            for (area, column) in SchoolColumns.ofstedAreaColumns {
                if let grade = card.grade(for: area) { cells.set(column, grade.label) }
            }
            cells.set("ofsted_safeguarding", card.safeguardingMet ? "met" : "not met")
        case .historical(let grade, let date):
            cells.set("ofsted_date", date.iso)
            cells.set("ofsted_grade", grade.label)
        case .ungraded(let date):
            cells.set("ofsted_date", date.iso)
        case .notYetInspected:
            break
        }
    }

    private static func assessmentCells(_ assessment: CQCAssessment, keyQuestions: [(CQCKeyQuestion, String)], into cells: inout RowCells) {
        switch assessment {
        case .notPublished: break
        case .notYetRated: cells.set("cqc_overall", CQCRating.notYetRatedLabel)
        case .notImported: cells.set("cqc_overall", CQCRating.notImportedLabel)
        case .rated(let ratings):
            cells.set("cqc_overall", ratings.overall.label)
            cells.set("cqc_report_date", ratings.reportDate?.iso ?? "")
            for (question, column) in keyQuestions { cells.set(column, ratings.rating(for: question)?.label ?? "") }
        }
    }

    private static func careCells(_ care: CareDetails, into cells: inout RowCells) {
        cells.set("cqc_location_id", care.cqcLocationID)
        cells.set("service_types", care.serviceTypes.map(\.label).joined(separator: "|"))
        cells.set("specialisms", care.specialisms.map(\.label).joined(separator: "|"))
        cells.set("beds", care.beds)
        cells.set("vacancies", care.vacancies)
        cells.set("price", care.selfFunderPrice?.plainText ?? "")
        cells.set("price_unit", care.priceUnit.label)
        cells.set("council_framework", yesNo(care.onCouncilFramework))
        cells.set("framework_price", care.frameworkPrice?.plainText ?? "")
        cells.set("accepts_direct_payments", yesNo(care.acceptsDirectPayments))
        assessmentCells(care.assessment, keyQuestions: CareColumns.keyQuestionColumns, into: &cells)
    }

    private static func gpCells(_ gp: GPDetails, into cells: inout RowCells) {
        cells.set("ods_code", gp.odsCode)
        cells.set("pcn", gp.primaryCareNetwork ?? "")
        cells.set("list_size", gp.listSize)
        cells.set("gp_fte", gp.gpFullTimeEquivalent?.text ?? "")
        cells.set("accepting_new_patients", yesNo(gp.acceptingNewPatients))
        cells.set("survey_good_pct", gp.surveyGoodExperience?.text ?? "")
        cells.set("opening_hours", gp.openingHours ?? "")
        cells.set("online_services", gp.onlineServices.joined(separator: "|"))
        switch gp.catchment {
        case .radius(_, let metres)?: cells.set("catchment_radius_m", metres)
        case .polygon(let corners)?:
            cells.set("catchment_polygon", corners.map { "\(degrees($0.latitude)) \(degrees($0.longitude))" }.joined(separator: "|"))
        case nil: break
        }
        assessmentCells(gp.assessment, keyQuestions: [], into: &cells)
    }

    private static func contractCells(_ contract: ContractDetails, into cells: inout RowCells) {
        cells.set("service", contract.serviceID)
        cells.set("contract_name", contract.contractName ?? "")
        cells.set("contract_start", contract.start?.iso ?? "")
        cells.set("contract_end", contract.end?.iso ?? "")
        cells.set("contract_value", contract.value?.plainText ?? "")
        cells.set("contract_value_note", contract.valueNote ?? "")
        cells.set("private_extras", contract.privateExtras.joined(separator: "|"))
        cells.set("citizen_note", contract.citizenNote ?? "")
    }
}
