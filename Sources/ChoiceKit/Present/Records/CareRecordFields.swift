/// A care service's own fields: CQC, services, beds and money.
enum CareRecordFields {
    private static func field(_ key: String, _ type: FieldType, _ about: String,
                              _ read: @escaping @Sendable (CareDetails) -> FieldValue) -> RecordField {
        RecordField(key, type, about) { provider, _ in provider.care.map(read) ?? .null }
    }

    static let all: [RecordField] = [
        field("cqc_location_id", .text, "CQC location id") { .text($0.cqcLocationID) },
        field("service_types", .list, "every service it offers, the main one first") { .list($0.serviceTypes.map(\.label)) },
        field("specialisms", .list, "specialisms such as Dementia; empty when none are listed") { .list($0.specialisms.map(\.label)) },
        field("beds", .integer, "beds (care homes)") { .integer($0.isCareHome ? $0.beds : nil) },
        field("vacancies", .integer, "free beds (care homes)") { .integer($0.isCareHome ? $0.vacancies : nil) },
    ] + CQCRecordFields.fields { $0.care?.assessment } + [
        field("price_pence", .integer, "price if you pay yourself, in pence per price_unit") { .pence($0.selfFunderPrice) },
        field("price_unit", .text, "hour, day or week") { .text($0.priceUnit.rawValue) },
        field("price_text", .text, "the price as people read it, e.g. £29.00 an hour") { care in
            care.selfFunderPrice.map { .text($0.formatted + " " + care.priceUnit.per) } ?? .null
        },
        field("weekly_cost_pence", .integer, "the cost of a stated week of care, as --sort cost compares it") { .pence(WeeklyCost.of($0)) },
        field("council_framework", .boolean, "on the council's list (its approved framework)") { .boolean($0.onCouncilFramework) },
        field("framework_price_pence", .integer, "the council's rate, in pence per price_unit") { .pence($0.onCouncilFramework == true ? $0.frameworkPrice : nil) },
        field("accepts_direct_payments", .boolean, "whether it takes direct payments") { .boolean($0.acceptsDirectPayments) },
    ]
}

/// CQC's overall rating, its five key questions and the report date, for care services and GP practices.
enum CQCRecordFields {
    static func fields(_ assessment: @escaping @Sendable (Provider) -> CQCAssessment?) -> [RecordField] {
        [
            RecordField("cqc_overall", .text, "Outstanding, Good, Requires improvement, Inadequate or Not yet rated; empty when not published or not imported") { provider, _ in
                switch assessment(provider) {
                case .rated(let ratings)?: return .text(ratings.overall.label)
                case .notYetRated?: return .text(CQCRating.notYetRatedLabel)
                case .notPublished?, .notImported?, nil: return .null
                }
            },
        ] + CQCKeyQuestion.allCases.map { question in
            RecordField("cqc_\(question.rawValue.snakeCased)", .text, "CQC rating for \(question.label.lowercased())") { provider, _ in
                .text(assessment(provider)?.ratings?.rating(for: question)?.label)
            }
        } + [
            RecordField("cqc_report_date", .date, "when the CQC report was published") { provider, _ in
                .date(assessment(provider)?.ratings?.reportDate)
            },
        ]
    }
}
