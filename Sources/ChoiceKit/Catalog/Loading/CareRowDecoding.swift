extension ProviderRowDecoder {
    static let careColumns = CareColumnIDs(CareColumns.layout)
    private static let serviceTypes = LabelTable<CareServiceType>()
    private static let specialisms = LabelTable<CareSpecialism>()
    private static let units = LabelTable<PriceUnit>(extra: ["weekly": .week, "daily": .day, "hourly": .hour])
    private static let ratings = LabelTable<CQCRating>()

    func decodeCare(_ row: inout RowDecoder) -> CareDetails? {
        let locationID = row.requiredText(Self.careColumns.cqcLocationId, fix: "give the CQC location id, e.g. 1-123456789")
        if let locationID, !Self.isCQCLocationID(locationID) {
            row.problem("cqc_location_id", "\(MessageText.quoted(locationID)) is not a CQC location id", "CQC ids look like 1-123456789")
        }
        let main = requiredLabel(&row, Self.careColumns.subType, Self.serviceTypes)
        var types = row.labels(Self.careColumns.serviceTypes, Self.serviceTypes)
        if let main, !types.contains(main) { types.insert(main, at: 0) }
        let specialisms = row.labels(Self.careColumns.specialisms, Self.specialisms)
        let assessment = decodeAssessment(&row, overall: Self.careColumns.cqcOverall, reportDate: Self.careColumns.cqcReportDate,
                                          keyQuestions: Self.careColumns.keyQuestions)
        let beds = row.int(Self.careColumns.beds, in: 0...1_000, example: "42")
        let vacancies = row.int(Self.careColumns.vacancies, in: 0...1_000, example: "3")
        if let beds, let vacancies, vacancies > beds {
            row.problem("vacancies", "\(vacancies) is more than the \(beds) beds", "check both figures")
        }
        let unit = row.label(Self.careColumns.priceUnit, Self.units) ?? main?.usualPriceUnit ?? .week
        let framework = row.yesNo(Self.careColumns.councilFramework)
        let frameworkPrice = row.money(Self.careColumns.frameworkPrice)
        if frameworkPrice != nil, framework == false {
            row.problem("framework_price", "is given but council_framework is no",
                        "set council_framework to yes, or leave framework_price empty")
        }
        guard let locationID, let main, let assessment else { return nil }
        return CareDetails(
            cqcLocationID: locationID, mainService: main, serviceTypes: types, specialisms: specialisms,
            assessment: assessment, beds: beds, vacancies: vacancies, selfFunderPrice: row.money(Self.careColumns.price),
            priceUnit: unit, onCouncilFramework: framework, frameworkPrice: frameworkPrice,
            acceptsDirectPayments: row.yesNo(Self.careColumns.acceptsDirectPayments))
    }

    /// `cqc_overall` plus optional key-question columns and report date. Shared with GP practices.
    func decodeAssessment(_ row: inout RowDecoder, overall overallColumn: ColumnID, reportDate: ColumnID,
                          keyQuestions: [(question: CQCKeyQuestion, column: ColumnID)]) -> CQCAssessment? {
        let date = row.date(reportDate)
        var questions: [CQCRating?] = []
        for (_, column) in keyQuestions { questions.append(row.label(column, Self.ratings)) }
        let anyQuestion = questions.contains { $0 != nil }
        guard let text = row.text(overallColumn) else {
            if anyQuestion {
                row.problem("cqc_overall", "is empty but key questions are rated", "give the overall rating too")
                return nil
            }
            return .notPublished
        }
        if text.lowercased() == CQCRating.notYetRatedLabel.lowercased() {
            if anyQuestion {
                row.problem("cqc_overall", "is \"Not yet rated\" but key questions are rated", "give the overall rating")
                return nil
            }
            return .notYetRated
        }
        if text.lowercased() == CQCRating.notImportedLabel.lowercased() {
            if anyQuestion {
                row.problem("cqc_overall", "is \"\(CQCRating.notImportedLabel)\" but key questions are rated", "give the overall rating")
                return nil
            }
            return .notImported
        }
        guard let overall = Self.ratings.value(for: text) else {
            row.problem("cqc_overall", "\(MessageText.quoted(text)) is not a CQC rating",
                        "use one of \(CQCRating.labelList), \"\(CQCRating.notYetRatedLabel)\" or \"\(CQCRating.notImportedLabel)\"")
            return nil
        }
        let padded = questions + [CQCRating?](repeating: nil, count: CQCKeyQuestion.allCases.count - questions.count)
        return .rated(CQCRatings(overall: overall, keyQuestions: padded, reportDate: date))
    }

    /// `1-` followed by 5 to 12 digits.
    static func isCQCLocationID(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (7...14).contains(bytes.count), bytes.starts(with: [49, 45]) else { return false }
        return bytes.dropFirst(2).allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
