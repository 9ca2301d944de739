extension ProviderRowDecoder {
    private static let serviceTypes = LabelTable<CareServiceType>()
    private static let specialisms = LabelTable<CareSpecialism>()
    private static let units = LabelTable<PriceUnit>(extra: ["weekly": .week, "daily": .day, "hourly": .hour])
    private static let ratings = LabelTable<CQCRating>()

    func decodeCare(_ row: inout RowDecoder) -> CareDetails? {
        let column = layout.column
        let locationID = row.requiredText(column("cqc_location_id"), fix: "give the CQC location id, e.g. 1-123456789")
        if let locationID, !Self.isCQCLocationID(locationID) {
            row.problem("cqc_location_id", "\"\(locationID)\" is not a CQC location id", "CQC ids look like 1-123456789")
        }
        let main = requiredLabel(&row, column("sub_type"), Self.serviceTypes)
        var types = row.labels(column("service_types"), Self.serviceTypes)
        if let main, !types.contains(main) { types.insert(main, at: 0) }
        let specialisms = row.labels(column("specialisms"), Self.specialisms)
        let assessment = decodeAssessment(&row, keyQuestions: CareColumns.keyQuestionColumns)
        let beds = row.int(column("beds"), in: 0...1_000, example: "42")
        let vacancies = row.int(column("vacancies"), in: 0...1_000, example: "3")
        if let beds, let vacancies, vacancies > beds {
            row.problem("vacancies", "\(vacancies) is more than the \(beds) beds", "check both figures")
        }
        let unit = row.label(column("price_unit"), Self.units) ?? main?.usualPriceUnit ?? .week
        let framework = row.yesNo(column("council_framework"))
        let frameworkPrice = row.money(column("framework_price"))
        if frameworkPrice != nil, framework == false {
            row.problem("framework_price", "is given but council_framework is no",
                        "set council_framework to yes, or leave framework_price empty")
        }
        guard let locationID, let main, let assessment else { return nil }
        return CareDetails(
            cqcLocationID: locationID, mainService: main, serviceTypes: types, specialisms: specialisms,
            assessment: assessment, beds: beds, vacancies: vacancies, selfFunderPrice: row.money(column("price")),
            priceUnit: unit, onCouncilFramework: framework, frameworkPrice: frameworkPrice,
            acceptsDirectPayments: row.yesNo(column("accepts_direct_payments")))
    }

    /// `cqc_overall` plus optional key-question columns and report date. Shared with GP practices.
    func decodeAssessment(_ row: inout RowDecoder, keyQuestions: [(CQCKeyQuestion, String)]) -> CQCAssessment? {
        let column = layout.column
        let overallColumn = column("cqc_overall")
        let date = row.date(column("cqc_report_date"))
        var questions: [CQCRating?] = []
        for (_, name) in keyQuestions { questions.append(row.label(column(name), Self.ratings)) }
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
        guard let overall = Self.ratings.value(for: text) else {
            row.problem("cqc_overall", "\"\(text)\" is not a CQC rating",
                        "use one of \(CQCRating.labelList), or \"\(CQCRating.notYetRatedLabel)\"")
            return nil
        }
        let padded = questions + [CQCRating?](repeating: nil, count: CQCKeyQuestion.allCases.count - questions.count)
        return .rated(CQCRatings(overall: overall, keyQuestions: padded, reportDate: date))
    }

    static func isCQCLocationID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0] == "1" && (5...12).contains(parts[1].count)
            && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
