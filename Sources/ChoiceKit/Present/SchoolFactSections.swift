enum SchoolFactSections {
    static func sections(_ school: SchoolDetails, catalog: Catalog) -> [FactSection] {
        [details(school, catalog), ofsted(school, catalog), results(school, catalog), admissions(school, catalog), day(school)]
    }

    private static func details(_ school: SchoolDetails, _ catalog: Catalog) -> FactSection {
        FactSection(title: "School", facts: [
            Fact(key: "urn", label: "URN", text: String(school.urn), note: "unique reference number in Get Information About Schools"),
            Fact(key: "school_type", label: "Type of school", text: school.type.label, note: school.type.explanation),
            Fact(key: "trust_type", label: "Trust", text: school.trustType?.label ?? (school.type.isAcademy ? nil : "not an academy")),
            Fact(key: "phase", label: "Phase", text: school.phase.label),
            Fact(key: "ages", label: "Ages", text: "\(school.statutoryAges.lowerBound) to \(school.statutoryAges.upperBound)"),
            Fact(key: "gender", label: "Pupils", text: school.gender == .mixed ? "boys and girls" : "\(school.gender.label.lowercased()) only"),
            Fact(key: "religious_character", label: "Religious character", text: school.religiousCharacter ?? "none"),
            Fact(key: "admissions_policy", label: "Admissions policy", text: school.admissionsPolicy?.label),
            Fact(key: "sixth_form", label: "Sixth form", text: school.hasSixthForm ? "yes" : "no"),
            Fact(key: "capacity", label: "Places", measure: .count(school.capacity)),
            Fact(key: "pupils", label: "Pupils on roll", measure: .count(school.pupils),
                 note: ProviderFacts.asOf("schools", catalog)),
        ])
    }

    private static func ofsted(_ school: SchoolDetails, _ catalog: Catalog) -> FactSection {
        var facts: [Fact] = []
        switch school.inspection {
        case .reportCard(let card):
            facts.append(Fact(key: "ofsted_date", label: "Report card", text: card.date.long,
                              note: "Ofsted report cards grade each area; there is no single overall grade"))
            for area in ReportCardArea.allCases {
                guard let grade = card.grade(for: area) else { continue }
                facts.append(Fact(key: "ofsted_\(area.rawValue.snakeCased)", label: area.label,
                                  measure: Measure(.grade(grade.label, rank: grade.rawValue), short: grade.label,
                                                   tone: Quality.tone(grade), sortKey: Int64(grade.rawValue)),
                                  note: grade.meaning))
            }
            facts.append(Fact(key: "ofsted_safeguarding", label: "Safeguarding",
                              measure: .yesNo(card.safeguardingMet, tone: Quality.tone(safeguardingMet:)).relabelled(card.safeguardingMet ? "met" : "not met"),
                              note: OfstedFacts.safeguardingExplanation))
        case .historical(let grade, let date):
            facts.append(Fact(key: "ofsted_historical_grade", label: "Last overall grade",
                              measure: Measure(.grade(grade.label, rank: grade.rawValue), short: "\(grade.label) (historical)",
                                               tone: Quality.tone(grade), sortKey: Int64(grade.rawValue)),
                              note: "given on \(date.long), before Ofsted stopped single-word grades in September 2024; it may not describe the school today"))
        case .ungraded(let date):
            facts.append(Fact(key: "ofsted_date", label: "Last inspection", text: date.long,
                              note: "inspected between September 2024 and November 2025, when Ofsted gave no overall grade"))
        case .notYetInspected:
            facts.append(Fact(key: "ofsted_date", label: "Inspection", text: "not yet inspected",
                              note: "new schools are usually inspected within their first three years"))
        }
        return FactSection(title: "Ofsted (\(ProviderFacts.asOf("ofsted", catalog) ?? "latest"))", facts: facts)
    }

    private static func results(_ school: SchoolDetails, _ catalog: Catalog) -> FactSection {
        var facts: [Fact] = []
        if school.phase.takesKS2 || school.ks2ExpectedStandard != nil {
            facts.append(Fact(key: "ks2_rwm_expected_pct", label: "KS2 expected standard",
                              measure: school.ks2ExpectedStandard.map { Measure(.percentTenths($0.tenths), short: $0.percentText, sortKey: Int64($0.tenths)) }
                                ?? .missing(.notPublished),
                              note: ResultsFacts.ks2Measure.value + averages(.ks2ExpectedStandard, catalog)))
        }
        if school.phase.takesKS4 || school.ks4Attainment8 != nil {
            facts.append(Fact(key: "ks4_attainment8", label: "Attainment 8",
                              measure: school.ks4Attainment8.map { Measure(.tenths($0.tenths), short: $0.text, sortKey: Int64($0.tenths)) }
                                ?? .missing(.notPublished),
                              note: ResultsFacts.attainment8Measure.value + averages(.attainment8, catalog)))
            facts.append(Fact(key: "ks4_grade5_eng_maths_pct", label: "Grade 5+ English and maths",
                              measure: school.ks4Grade5EnglishMaths.map { Measure(.percentTenths($0.tenths), short: $0.percentText, sortKey: Int64($0.tenths)) }
                                ?? .missing(.notPublished),
                              note: ResultsFacts.grade5Measure.value + averages(.grade5EnglishMaths, catalog)))
            facts.append(Fact(key: "ks4_progress8", label: "Progress 8", text: school.ks4Progress8?.text,
                              note: school.ks4Progress8 == nil ? ResultsFacts.progress8NotPublished.value : nil))
        }
        if facts.isEmpty {
            facts.append(Fact(key: "results", label: "Results", text: nil, note: "no national test results are published for this kind of school"))
        }
        let dates = [ProviderFacts.asOf("ks2", catalog), ProviderFacts.asOf("ks4", catalog)].compactMap { $0 }
        return FactSection(title: "Results (2024/25, \(dates.first ?? "latest"))", facts: facts)
    }

    private static func admissions(_ school: SchoolDetails, _ catalog: Catalog) -> FactSection {
        let lastOffer: String?
        let lastOfferNote: String?
        switch school.lastOffer {
        case .distance(let metres):
            lastOffer = DistanceText.format(metres: Double(metres))
            lastOfferNote = "the furthest a child lived and still got a place on distance last year; it changes every year"
        case .allApplicantsOffered:
            lastOffer = "everyone who applied was offered a place"
            lastOfferNote = nil
        case .notPublished:
            lastOffer = nil
            lastOfferNote = school.isFaithSchool ? "faith schools often admit by other criteria first" : nil
        }
        var facts = [
            Fact(key: "pan", label: "Places in the starting year", measure: .count(school.publishedAdmissionNumber),
                 note: "the published admission number (PAN)"),
            Fact(key: "applications", label: "Applications last round", measure: .count(school.applicationsLastRound),
                 note: school.applicationsPerPlaceText),
            Fact(key: "last_distance_offered", label: "Last distance offered", text: lastOffer, note: lastOfferNote),
        ] + arrangementFacts(school)
        if school.type == .independent {
            facts = [Fact(key: "admissions", label: "Admissions", text: "by the school", note: "independent schools charge fees and run their own admissions")]
        }
        return FactSection(title: "Admissions (\(ProviderFacts.asOf("admissions", catalog) ?? "latest"))", facts: facts)
    }
}

extension String {
    /// "curriculumAndTeaching" -> "curriculum_and_teaching".
    var snakeCased: String {
        var out = ""
        for character in self {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }
}
