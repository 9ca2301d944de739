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
        // Large tables are written in parts at once, one per core, and joined in order.
        let parts = rows.count >= partRows ? ProcessInfo.processInfo.activeProcessorCount : 1
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

    /// Below this many rows a table is written in one piece.
    static let partRows = 5_000

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
            CSVWriter.appendRow(cells.values, to: &bytes)
        }
        return bytes
    }

    /// One row's cells in the table's column order, set by column name; a name the table does not
    /// have is ignored.
    struct RowCells {
        private let positions: [String: Int]
        private(set) var values: [String]
        /// The columns the first row set, in order, with their positions: rows set much the same
        /// columns in the same order, so a name is matched by comparing it with the one set at the
        /// same step (the same string constant) instead of hashing it; otherwise it is looked up.
        private var steps: [(column: String, position: Int?)] = []
        private var step = 0

        init(_ layout: TableLayout) {
            var positions: [String: Int] = [:]
            for (index, name) in layout.names.enumerated() { positions[name] = index }
            self.positions = positions
            values = Array(repeating: "", count: layout.names.count)
        }

        mutating func clear() {
            for index in values.indices { values[index] = "" }
            step = 0
        }

        private mutating func position(_ column: String) -> Int? {
            defer { step += 1 }
            if step < steps.count, steps[step].column == column { return steps[step].position }
            let position = positions[column]
            if step == steps.count { steps.append((column, position)) }
            return position
        }

        subscript(column: String) -> String {
            get { positions[column].map { values[$0] } ?? "" }
            set { if let index = position(column) { values[index] = newValue } }
        }
    }

    /// Coordinates are written only where they differ from the postcode's.
    private static func commonCells(_ provider: Provider, postcodes: [String: GeoPoint], into cells: inout RowCells) {
        cells["id"] = provider.id
        cells["name"] = provider.name
        cells["sub_type"] = provider.subType
        cells["sector"] = provider.sector.label
        cells["organisation"] = provider.organisation
        cells["commissioner"] = provider.commissionerID
        cells["address"] = provider.address
        cells["town"] = provider.town
        cells["postcode"] = provider.postcode
        cells["phone"] = provider.phone ?? ""
        cells["website"] = provider.website ?? ""
        if postcodes[provider.postcode] != provider.location {
            cells["latitude"] = degrees(provider.location.latitude)
            cells["longitude"] = degrees(provider.location.longitude)
        }
    }

    /// Five decimal places: about a metre, as precise as any address needs.
    public static func degrees(_ value: Double) -> String {
        let scaled = Int64((value * 100_000).rounded())
        return FixedPoint.format(scaled, places: 5)
    }

    private static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }

    private static func schoolCells(_ school: SchoolDetails, into cells: inout RowCells) {
        cells["urn"] = String(school.urn)
        cells["trust_type"] = school.trustType?.label ?? ""
        cells["phase"] = school.phase.label
        cells["age_low"] = String(school.statutoryAges.lowerBound)
        cells["age_high"] = String(school.statutoryAges.upperBound)
        cells["gender"] = school.gender.label
        cells["religious_character"] = school.religiousCharacter ?? ""
        cells["admissions_policy"] = school.admissionsPolicy?.label ?? ""
        cells["sixth_form"] = yesNo(school.hasSixthForm)
        cells["capacity"] = school.capacity.map(String.init) ?? ""
        cells["pupils"] = school.pupils.map(String.init) ?? ""
        cells["pan"] = school.publishedAdmissionNumber.map(String.init) ?? ""
        cells["applications"] = school.applicationsLastRound.map(String.init) ?? ""
        cells["ks2_rwm_expected_pct"] = school.ks2ExpectedStandard?.text ?? ""
        cells["ks4_attainment8"] = school.ks4Attainment8?.text ?? ""
        cells["ks4_grade5_eng_maths_pct"] = school.ks4Grade5EnglishMaths?.text ?? ""
        cells["ks4_progress8"] = school.ks4Progress8.map { FixedPoint.format(Int64($0.hundredths), places: 2) } ?? ""
        admissionCells(school, into: &cells)
        switch school.lastOffer {
        case .distance(let metres): cells["last_distance_offered_m"] = String(metres)
        case .allApplicantsOffered: cells["last_distance_offered_m"] = "all"
        case .notPublished: break
        }
        switch school.inspection {
        case .reportCard(let card):
            cells["ofsted_date"] = card.date.iso
            for (area, column) in SchoolColumns.ofstedAreaColumns {
                if let grade = card.grade(for: area) { cells[column] = grade.label }
            }
            cells["ofsted_safeguarding"] = card.safeguardingMet ? "met" : "not met"
        case .historical(let grade, let date):
            cells["ofsted_date"] = date.iso
            cells["ofsted_grade"] = grade.label
        case .ungraded(let date):
            cells["ofsted_date"] = date.iso
        case .notYetInspected:
            break
        }
    }

    private static func assessmentCells(_ assessment: CQCAssessment, keyQuestions: [(CQCKeyQuestion, String)], into cells: inout RowCells) {
        switch assessment {
        case .notPublished: break
        case .notYetRated: cells["cqc_overall"] = CQCRating.notYetRatedLabel
        case .notImported: cells["cqc_overall"] = CQCRating.notImportedLabel
        case .rated(let ratings):
            cells["cqc_overall"] = ratings.overall.label
            cells["cqc_report_date"] = ratings.reportDate?.iso ?? ""
            for (question, column) in keyQuestions { cells[column] = ratings.rating(for: question)?.label ?? "" }
        }
    }

    private static func careCells(_ care: CareDetails, into cells: inout RowCells) {
        cells["cqc_location_id"] = care.cqcLocationID
        cells["service_types"] = care.serviceTypes.map(\.label).joined(separator: "|")
        cells["specialisms"] = care.specialisms.map(\.label).joined(separator: "|")
        cells["beds"] = care.beds.map(String.init) ?? ""
        cells["vacancies"] = care.vacancies.map(String.init) ?? ""
        cells["price"] = care.selfFunderPrice?.plainText ?? ""
        cells["price_unit"] = care.priceUnit.label
        cells["council_framework"] = yesNo(care.onCouncilFramework)
        cells["framework_price"] = care.frameworkPrice?.plainText ?? ""
        cells["accepts_direct_payments"] = yesNo(care.acceptsDirectPayments)
        assessmentCells(care.assessment, keyQuestions: CareColumns.keyQuestionColumns, into: &cells)
    }

    private static func gpCells(_ gp: GPDetails, into cells: inout RowCells) {
        cells["ods_code"] = gp.odsCode
        cells["pcn"] = gp.primaryCareNetwork ?? ""
        cells["list_size"] = gp.listSize.map(String.init) ?? ""
        cells["gp_fte"] = gp.gpFullTimeEquivalent?.text ?? ""
        cells["accepting_new_patients"] = yesNo(gp.acceptingNewPatients)
        cells["survey_good_pct"] = gp.surveyGoodExperience?.text ?? ""
        cells["opening_hours"] = gp.openingHours ?? ""
        cells["online_services"] = gp.onlineServices.joined(separator: "|")
        switch gp.catchment {
        case .radius(_, let metres)?: cells["catchment_radius_m"] = String(metres)
        case .polygon(let corners)?:
            cells["catchment_polygon"] = corners.map { "\(degrees($0.latitude)) \(degrees($0.longitude))" }.joined(separator: "|")
        case nil: break
        }
        assessmentCells(gp.assessment, keyQuestions: [], into: &cells)
    }

    private static func contractCells(_ contract: ContractDetails, into cells: inout RowCells) {
        cells["service"] = contract.serviceID
        cells["contract_name"] = contract.contractName ?? ""
        cells["contract_start"] = contract.start?.iso ?? ""
        cells["contract_end"] = contract.end?.iso ?? ""
        cells["contract_value"] = contract.value?.plainText ?? ""
        cells["contract_value_note"] = contract.valueNote ?? ""
        cells["private_extras"] = contract.privateExtras.joined(separator: "|")
        cells["citizen_note"] = contract.citizenNote ?? ""
    }
}
