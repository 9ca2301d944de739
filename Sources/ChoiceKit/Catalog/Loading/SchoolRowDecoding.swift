extension ProviderRowDecoder {
    static let schoolColumns = SchoolColumnIDs(SchoolColumns.layout)
    private static let schoolTypes = LabelTable<SchoolType>(extra: [
        "Academy sponsor led": .sponsorLedAcademy, "Free schools": .freeSchool, "Community": .community,
        "Foundation": .foundation, "Voluntary aided": .voluntaryAided, "Voluntary controlled": .voluntaryControlled,
    ])
    private static let trustTypes = LabelTable<TrustType>()
    private static let phases = LabelTable<SchoolPhase>()
    private static let genders = LabelTable<SchoolGender>()
    private static let policies = LabelTable<AdmissionsPolicy>()
    private static let reportGrades = LabelTable<ReportCardGrade>()
    private static let historicalGrades = LabelTable<HistoricalOfstedGrade>()

    func decodeSchool(_ row: inout RowDecoder) -> SchoolDetails? {
        let urn = row.int(Self.schoolColumns.urn, in: 100_000...999_999, example: "990001")
        if row.isEmpty(Self.schoolColumns.urn) { row.problem("urn", "is empty", "give the school's unique reference number (6 digits)") }
        let type = requiredLabel(&row, Self.schoolColumns.subType, Self.schoolTypes)
        let trustType = row.label(Self.schoolColumns.trustType, Self.trustTypes)
        let phase = requiredLabel(&row, Self.schoolColumns.phase, Self.phases)
        let low = row.int(Self.schoolColumns.ageLow, in: 0...25, example: "4")
        let high = row.int(Self.schoolColumns.ageHigh, in: 0...25, example: "11")
        if row.isEmpty(Self.schoolColumns.ageLow) || row.isEmpty(Self.schoolColumns.ageHigh) {
            row.problem(row.isEmpty(Self.schoolColumns.ageLow) ? "age_low" : "age_high", "is empty",
                        "give the statutory age range, e.g. 4 and 11")
        }
        if let low, let high, low > high {
            row.problem("age_high", "\(high) is below age_low \(low)", "check the age range")
        }
        let gender = requiredLabel(&row, Self.schoolColumns.gender, Self.genders)
        var faith = row.sharedText(Self.schoolColumns.religiousCharacter)
        if let value = faith, ["none", "does not apply", "no religious character"].contains(value.lowercased()) { faith = nil }
        let policy = row.label(Self.schoolColumns.admissionsPolicy, Self.policies)
        let sixthForm = row.yesNo(Self.schoolColumns.sixthForm) ?? ((high ?? 0) >= 18)
        let lastOffer = decodeLastOffer(&row, Self.schoolColumns.lastDistanceOfferedM)
        let inspection = decodeInspection(&row)
        let details = SchoolDetails(
            urn: urn ?? 0, type: type ?? .community, trustType: trustType, phase: phase ?? .notApplicable,
            statutoryAges: (low ?? 0)...max(low ?? 0, high ?? 0), gender: gender ?? .mixed, religiousCharacter: faith,
            admissionsPolicy: policy, hasSixthForm: sixthForm,
            capacity: row.int(Self.schoolColumns.capacity, in: 0...10_000, example: "420"),
            pupils: row.int(Self.schoolColumns.pupils, in: 0...10_000, example: "398"),
            publishedAdmissionNumber: row.int(Self.schoolColumns.pan, in: 0...2_000, example: "60"),
            applicationsLastRound: row.int(Self.schoolColumns.applications, in: 0...100_000, example: "143"),
            lastOffer: lastOffer, inspection: inspection ?? .notYetInspected,
            ks2ExpectedStandard: row.tenths(Self.schoolColumns.ks2RwmExpectedPct, in: 0...1000, example: "61.5"),
            ks4Attainment8: row.tenths(Self.schoolColumns.ks4Attainment8, in: 0...900, example: "46.3"),
            ks4Grade5EnglishMaths: row.tenths(Self.schoolColumns.ks4Grade5EngMathsPct, in: 0...1000, example: "45.2"),
            ks4Progress8: row.hundredths(Self.schoolColumns.ks4Progress8, in: -500...500, example: "-0.23"),
            arrangements: decodeArrangements(&row, faith: faith, policy: policy), day: decodeSchoolDay(&row))
        guard urn != nil, type != nil, phase != nil, low != nil, high != nil, gender != nil, inspection != nil else { return nil }
        return details
    }

    private func decodeLastOffer(_ row: inout RowDecoder, _ column: ColumnID) -> LastOffer {
        if row.isEmpty(column) { return .notPublished }
        if let text = row.text(column), text.lowercased() == "all" { return .allApplicantsOffered }
        guard let metres = row.int(column, in: 0...100_000, example: "1450 (metres), or \"all\" if every applicant got a place") else {
            return .notPublished
        }
        return .distance(metres: metres)
    }

    /// Report card (areas graded since 10 November 2025), an older single-word grade, an ungraded
    /// inspection from the year between, or none. Nil when the row's inspection columns contradict.
    private func decodeInspection(_ row: inout RowDecoder) -> OfstedInspection? {
        let date = row.date(Self.schoolColumns.ofstedDate)
        let dateBroken = date == nil && !row.isEmpty(Self.schoolColumns.ofstedDate)
        let historical = row.label(Self.schoolColumns.ofstedGrade, Self.historicalGrades)
        var grades: [ReportCard.AreaGrade] = []
        for (area, column) in Self.schoolColumns.ofstedAreas {
            if let grade = row.label(column, Self.reportGrades) {
                grades.append(ReportCard.AreaGrade(area: area, grade: grade))
            }
        }
        let safeguardingText = row.text(Self.schoolColumns.ofstedSafeguarding)?.lowercased()
        if dateBroken { return nil }
        let began = OfstedFacts.reportCardsBegan.value, ended = OfstedFacts.overallGradesEnded.value
        if !grades.isEmpty {
            if historical != nil {
                row.problem("ofsted_grade", "a school has either report card grades or a single-word grade, not both",
                            "leave ofsted_grade empty for an inspection since \(began.long)")
                return nil
            }
            guard let date else {
                row.problem("ofsted_date", "is empty but report card grades are given", "give the inspection date (YYYY-MM-DD)")
                return nil
            }
            if date < began {
                row.problem("ofsted_date", "\(date.iso) is before report cards began on \(began.long)",
                            "check the date, or give the single-word grade of that inspection in ofsted_grade instead")
                return nil
            }
            let missing = ReportCardArea.allCases.filter { $0.isCore && !grades.map(\.area).contains($0) }
            if !missing.isEmpty {
                row.problem(SchoolColumns.ofstedAreaColumns.first { $0.0 == missing[0] }?.1 ?? "ofsted_inclusion",
                            "is empty, but a report card grades all six core areas",
                            "give a grade: \(ReportCardGrade.labelList)")
                return nil
            }
            let safeguarding: Bool
            switch safeguardingText {
            case "met": safeguarding = true
            case "not met": safeguarding = false
            default:
                row.problem("ofsted_safeguarding", safeguardingText.map { "\(MessageText.quoted($0)) is not met or not met" } ?? "is empty",
                            "write met or not met")
                return nil
            }
            return .reportCard(ReportCard(date: date, grades: grades, safeguardingMet: safeguarding))
        }
        if let historical {
            guard let date else {
                row.problem("ofsted_date", "is empty but a grade is given", "give the inspection date (YYYY-MM-DD)")
                return nil
            }
            if date >= ended {
                row.problem("ofsted_grade", "a single-word grade dated \(date.iso), but Ofsted stopped them on \(ended.long)",
                            "check the date, or use the report card columns for inspections since \(began.long)")
                return nil
            }
            return .historical(grade: historical, date: date)
        }
        if let date {
            if date >= began {
                row.problem("ofsted_inclusion", "is empty for an inspection on \(date.iso), after report cards began",
                            "give the report card grades, or check the date")
                return nil
            }
            return .ungraded(date: date)
        }
        return .notYetInspected
    }
}
