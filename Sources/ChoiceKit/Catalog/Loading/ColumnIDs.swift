/// Column handles per table, looked up once rather than by name on every row.
struct SchoolColumnIDs: Sendable {
    let urn, trustType, phase, ageLow, ageHigh, gender, religiousCharacter, admissionsPolicy, sixthForm, capacity, pupils, pan, applications, lastDistanceOfferedM, ofstedDate, ofstedGrade, ofstedSafeguarding, ks2RwmExpectedPct, ks4Attainment8, ks4Grade5EngMathsPct, ks4Progress8, subType: ColumnID
    let ofstedAreas: [(area: ReportCardArea, column: ColumnID)]
    let admissions: SchoolAdmissionColumnIDs

    init(_ layout: TableLayout) {
        admissions = SchoolAdmissionColumnIDs(layout)
        urn = layout.column("urn")
        trustType = layout.column("trust_type")
        phase = layout.column("phase")
        ageLow = layout.column("age_low")
        ageHigh = layout.column("age_high")
        gender = layout.column("gender")
        religiousCharacter = layout.column("religious_character")
        admissionsPolicy = layout.column("admissions_policy")
        sixthForm = layout.column("sixth_form")
        capacity = layout.column("capacity")
        pupils = layout.column("pupils")
        pan = layout.column("pan")
        applications = layout.column("applications")
        lastDistanceOfferedM = layout.column("last_distance_offered_m")
        ofstedDate = layout.column("ofsted_date")
        ofstedGrade = layout.column("ofsted_grade")
        ofstedSafeguarding = layout.column("ofsted_safeguarding")
        ks2RwmExpectedPct = layout.column("ks2_rwm_expected_pct")
        ks4Attainment8 = layout.column("ks4_attainment8")
        ks4Grade5EngMathsPct = layout.column("ks4_grade5_eng_maths_pct")
        ks4Progress8 = layout.column("ks4_progress8")
        subType = layout.column("sub_type")
        ofstedAreas = SchoolColumns.ofstedAreaColumns.map { ($0.0, layout.column($0.1)) }
    }
}

struct CareColumnIDs: Sendable {
    let cqcLocationId, subType, serviceTypes, specialisms, beds, vacancies, priceUnit, councilFramework, frameworkPrice, price, acceptsDirectPayments, cqcOverall, cqcReportDate: ColumnID
    let keyQuestions: [(question: CQCKeyQuestion, column: ColumnID)]

    init(_ layout: TableLayout) {
        cqcLocationId = layout.column("cqc_location_id")
        subType = layout.column("sub_type")
        serviceTypes = layout.column("service_types")
        specialisms = layout.column("specialisms")
        beds = layout.column("beds")
        vacancies = layout.column("vacancies")
        priceUnit = layout.column("price_unit")
        councilFramework = layout.column("council_framework")
        frameworkPrice = layout.column("framework_price")
        price = layout.column("price")
        acceptsDirectPayments = layout.column("accepts_direct_payments")
        cqcOverall = layout.column("cqc_overall")
        cqcReportDate = layout.column("cqc_report_date")
        keyQuestions = CareColumns.keyQuestionColumns.map { ($0.0, layout.column($0.1)) }
    }
}

struct GPColumnIDs: Sendable {
    let odsCode, subType, catchmentRadiusM, catchmentPolygon, pcn, listSize, gpFte, acceptingNewPatients, surveyGoodPct, openingHours, onlineServices, cqcOverall, cqcReportDate: ColumnID

    init(_ layout: TableLayout) {
        odsCode = layout.column("ods_code")
        subType = layout.column("sub_type")
        catchmentRadiusM = layout.column("catchment_radius_m")
        catchmentPolygon = layout.column("catchment_polygon")
        pcn = layout.column("pcn")
        listSize = layout.column("list_size")
        gpFte = layout.column("gp_fte")
        acceptingNewPatients = layout.column("accepting_new_patients")
        surveyGoodPct = layout.column("survey_good_pct")
        openingHours = layout.column("opening_hours")
        onlineServices = layout.column("online_services")
        cqcOverall = layout.column("cqc_overall")
        cqcReportDate = layout.column("cqc_report_date")
    }
}

struct ContractColumnIDs: Sendable {
    let subType, service, contractStart, contractEnd, contractValue, contractName, contractValueNote, privateExtras, citizenNote: ColumnID

    init(_ layout: TableLayout) {
        subType = layout.column("sub_type")
        service = layout.column("service")
        contractStart = layout.column("contract_start")
        contractEnd = layout.column("contract_end")
        contractValue = layout.column("contract_value")
        contractName = layout.column("contract_name")
        contractValueNote = layout.column("contract_value_note")
        privateExtras = layout.column("private_extras")
        citizenNote = layout.column("citizen_note")
    }
}
