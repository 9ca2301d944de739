/// Writes providers as a catalog table: the exact format `ProviderTableReader` reads back.
public enum ProviderTableWriter {
    public static func csv(kind: ProviderKind, providers: [Provider], postcodes: [String: GeoPoint]) -> String {
        let layout = TableLayout.forKind(kind)
        var text = CSVWriter.row(layout.names)
        for provider in providers where provider.kind == kind {
            var cells = commonCells(provider, postcodes: postcodes)
            switch provider.details {
            case .school(let school): cells.merge(schoolCells(school)) { $1 }
            case .care(let care): cells.merge(careCells(care)) { $1 }
            case .gp(let gp): cells.merge(gpCells(gp, location: provider.location)) { $1 }
            case .other(let contract): cells.merge(contractCells(contract)) { $1 }
            }
            text += CSVWriter.row(layout.names.map { cells[$0] ?? "" })
        }
        return text
    }

    /// Coordinates are written only where they differ from the postcode's.
    private static func commonCells(_ provider: Provider, postcodes: [String: GeoPoint]) -> [String: String] {
        var cells: [String: String] = [
            "id": provider.id, "name": provider.name, "sub_type": provider.subType, "sector": provider.sector.label,
            "organisation": provider.organisation, "commissioner": provider.commissionerID, "address": provider.address,
            "town": provider.town, "postcode": provider.postcode, "phone": provider.phone ?? "",
            "website": provider.website ?? "",
        ]
        if postcodes[provider.postcode] != provider.location {
            cells["latitude"] = degrees(provider.location.latitude)
            cells["longitude"] = degrees(provider.location.longitude)
        }
        return cells
    }

    /// Five decimal places: about a metre, as precise as any address needs.
    public static func degrees(_ value: Double) -> String {
        let scaled = Int64((value * 100_000).rounded())
        return FixedPoint.format(scaled, places: 5)
    }

    private static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }

    private static func schoolCells(_ school: SchoolDetails) -> [String: String] {
        var cells: [String: String] = [
            "urn": String(school.urn), "trust_type": school.trustType?.label ?? "", "phase": school.phase.label,
            "age_low": String(school.statutoryAges.lowerBound), "age_high": String(school.statutoryAges.upperBound),
            "gender": school.gender.label, "religious_character": school.religiousCharacter ?? "",
            "admissions_policy": school.admissionsPolicy?.label ?? "", "sixth_form": yesNo(school.hasSixthForm),
            "capacity": school.capacity.map(String.init) ?? "", "pupils": school.pupils.map(String.init) ?? "",
            "pan": school.publishedAdmissionNumber.map(String.init) ?? "",
            "applications": school.applicationsLastRound.map(String.init) ?? "",
            "ks2_rwm_expected_pct": school.ks2ExpectedStandard?.text ?? "",
            "ks4_attainment8": school.ks4Attainment8?.text ?? "",
            "ks4_grade5_eng_maths_pct": school.ks4Grade5EnglishMaths?.text ?? "",
            "ks4_progress8": school.ks4Progress8.map { FixedPoint.format(Int64($0.hundredths), places: 2) } ?? "",
        ]
        cells.merge(admissionCells(school)) { $1 }
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
        return cells
    }

    private static func assessmentCells(_ assessment: CQCAssessment, keyQuestions: [(CQCKeyQuestion, String)]) -> [String: String] {
        switch assessment {
        case .notPublished: return [:]
        case .notYetRated: return ["cqc_overall": CQCRating.notYetRatedLabel]
        case .rated(let ratings):
            var cells = ["cqc_overall": ratings.overall.label, "cqc_report_date": ratings.reportDate?.iso ?? ""]
            for (question, column) in keyQuestions { cells[column] = ratings.rating(for: question)?.label ?? "" }
            return cells
        }
    }

    private static func careCells(_ care: CareDetails) -> [String: String] {
        var cells: [String: String] = [
            "cqc_location_id": care.cqcLocationID,
            "service_types": care.serviceTypes.map(\.label).joined(separator: "|"),
            "specialisms": care.specialisms.map(\.label).joined(separator: "|"),
            "beds": care.beds.map(String.init) ?? "", "vacancies": care.vacancies.map(String.init) ?? "",
            "price": care.selfFunderPrice?.plainText ?? "", "price_unit": care.priceUnit.label,
            "council_framework": yesNo(care.onCouncilFramework), "framework_price": care.frameworkPrice?.plainText ?? "",
            "accepts_direct_payments": yesNo(care.acceptsDirectPayments),
        ]
        cells.merge(assessmentCells(care.assessment, keyQuestions: CareColumns.keyQuestionColumns)) { $1 }
        return cells
    }

    private static func gpCells(_ gp: GPDetails, location: GeoPoint) -> [String: String] {
        var cells: [String: String] = [
            "ods_code": gp.odsCode, "pcn": gp.primaryCareNetwork ?? "", "list_size": gp.listSize.map(String.init) ?? "",
            "gp_fte": gp.gpFullTimeEquivalent?.text ?? "", "accepting_new_patients": yesNo(gp.acceptingNewPatients),
            "survey_good_pct": gp.surveyGoodExperience?.text ?? "", "opening_hours": gp.openingHours ?? "",
            "online_services": gp.onlineServices.joined(separator: "|"),
        ]
        switch gp.catchment {
        case .radius(_, let metres)?: cells["catchment_radius_m"] = String(metres)
        case .polygon(let corners)?:
            cells["catchment_polygon"] = corners.map { "\(degrees($0.latitude)) \(degrees($0.longitude))" }.joined(separator: "|")
        case nil: break
        }
        cells.merge(assessmentCells(gp.assessment, keyQuestions: [])) { $1 }
        return cells
    }

    private static func contractCells(_ contract: ContractDetails) -> [String: String] {
        [
            "service": contract.serviceID, "contract_name": contract.contractName ?? "",
            "contract_start": contract.start?.iso ?? "", "contract_end": contract.end?.iso ?? "",
            "contract_value": contract.value?.plainText ?? "", "contract_value_note": contract.valueNote ?? "",
            "private_extras": contract.privateExtras.joined(separator: "|"), "citizen_note": contract.citizenNote ?? "",
        ]
    }
}
