/// A GP practice's own fields: registration, size, the patient survey and CQC.
enum GPRecordFields {
    private static func field(_ key: String, _ type: FieldType, _ about: String,
                              _ read: @escaping @Sendable (GPDetails) -> FieldValue) -> RecordField {
        RecordField(key, type, about) { provider, _ in provider.gp.map(read) ?? .null }
    }

    static func all(near: Bool) -> [RecordField] {
        var fields = [
            field("ods_code", .text, "the NHS organisation code") { .text($0.odsCode) },
            field("pcn", .text, "primary care network") { .text($0.primaryCareNetwork) },
            field("accepting_new_patients", .boolean, "whether its list is open; null for walk-in centres and when not published") { gp in
                gp.practiceType == .walkInCentre ? .null : .boolean(gp.acceptingNewPatients)
            },
            field("catchment_radius_m", .integer, "catchment as a radius around the practice; null for a drawn boundary") { gp in
                if case .radius(_, let metres)? = gp.catchment { return .integer(metres) }
                return .null
            },
            field("catchment_boundary", .boolean, "whether the catchment is a drawn boundary") { gp in
                guard let catchment = gp.catchment else { return .null }
                if case .polygon = catchment { return .boolean(true) }
                return .boolean(false)
            },
        ]
        if near {
            fields.append(RecordField("covers_home", .boolean, "whether its catchment covers --near (only with --near)") { provider, context in
                guard let origin = context.origin, let gp = provider.gp else { return .null }
                return .boolean(GPRegistration.covers(gp, origin))
            })
        }
        fields += [
            field("list_size", .integer, "registered patients") { .integer($0.listSize) },
            field("gp_fte", .number, "full-time-equivalent GPs") { .tenths($0.gpFullTimeEquivalent) },
            field("patients_per_gp", .integer, "registered patients per full-time GP") { .integer($0.patientsPerGP) },
            field("survey_good_pct", .number, "GP Patient Survey: % with a good overall experience") { .tenths($0.surveyGoodExperience) },
        ]
        fields += CQCRecordFields.fields { $0.gp?.assessment }
        fields += [
            field("opening_hours", .text, "opening hours") { .text($0.openingHours) },
            field("online_services", .list, "online services, e.g. NHS App") { .list($0.onlineServices) },
        ]
        return fields
    }
}

/// A contracted public service's own fields: the contract and what a citizen can do.
enum ContractRecordFields {
    private static func field(_ key: String, _ type: FieldType, _ about: String,
                              _ read: @escaping @Sendable (ContractDetails, Catalog) -> FieldValue) -> RecordField {
        RecordField(key, type, about) { provider, context in provider.contract.map { read($0, context.catalog) } ?? .null }
    }

    static let all: [RecordField] = [
        field("service", .text, "the service's id in the catalog: waste, probation, employment…") { contract, _ in .text(contract.serviceID) },
        field("service_name", .text, "the service's name") { contract, catalog in .text(catalog.manifest.service(id: contract.serviceID)?.name) },
        field("contract_name", .text, "the contract; null when the public body runs it itself") { contract, _ in .text(contract.contractName) },
        field("contract_start", .date, "when the contract started") { contract, _ in .date(contract.start) },
        field("contract_end", .date, "when the contract ends") { contract, _ in .date(contract.end) },
        field("contract_value_pence", .integer, "the contract's value in pence") { contract, _ in .pence(contract.value) },
        field("contract_value_note", .text, "what the value covers, or why there is none") { contract, _ in .text(contract.valueNote) },
        field("who_buys", .text, "who buys the service") { contract, catalog in .text(catalog.manifest.service(id: contract.serviceID)?.whoBuys) },
        field("citizen_say", .text, "how you can have your say") { contract, catalog in
            .text(contract.citizenNote ?? catalog.manifest.service(id: contract.serviceID)?.citizenSay)
        },
        field("private_extras", .list, "extras you can buy") { contract, _ in .list(contract.privateExtras) },
    ]
}
