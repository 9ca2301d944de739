enum CareFactSections {
    static func sections(_ care: CareDetails, catalog: Catalog) -> [FactSection] {
        let service = FactSection(title: "Service", facts: [
            Fact(key: "cqc_location_id", label: "CQC location id", text: care.cqcLocationID),
            Fact(key: "service_types", label: "Services", text: care.serviceTypes.map(\.label).joined(separator: ", ")),
            Fact(key: "specialisms", label: "Specialisms", text: care.specialisms.isEmpty ? nil : care.specialisms.map(\.label).joined(separator: ", ")),
            Fact(key: "beds", label: "Beds", text: care.isCareHome ? care.beds.map(String.init) : "not a care home"),
            Fact(key: "vacancies", label: "Vacancies", text: care.isCareHome ? care.vacancies.map(String.init) : "not a care home",
                 note: care.isCareHome ? ProviderFacts.asOf("care", catalog) : nil),
        ])
        return [service, ratings(care.assessment, catalog: catalog), money(care, catalog: catalog)]
    }

    static func ratings(_ assessment: CQCAssessment, catalog: Catalog) -> FactSection {
        var facts: [Fact] = []
        switch assessment {
        case .rated(let ratings):
            facts.append(Fact(key: "cqc_overall", label: "Overall", text: ratings.overall.label, note: ratings.overall.meaning))
            for question in CQCKeyQuestion.allCases {
                guard let rating = ratings.rating(for: question) else { continue }
                facts.append(Fact(key: "cqc_\(question.rawValue.snakeCased)", label: question.label, text: rating.label,
                                  note: question.question))
            }
            facts.append(Fact(key: "cqc_report_date", label: "Report published", text: ratings.reportDate?.long))
        case .notYetRated:
            facts.append(Fact(key: "cqc_overall", label: "Overall", text: CQCRating.notYetRatedLabel,
                              note: "registered with CQC but not inspected yet"))
        case .notPublished:
            facts.append(Fact(key: "cqc_overall", label: "Overall", text: nil))
        }
        return FactSection(title: "CQC rating (\(ProviderFacts.asOf("care", catalog) ?? "latest"))", facts: facts)
    }

    private static func money(_ care: CareDetails, catalog: Catalog) -> FactSection {
        let per = care.priceUnit.per
        var facts = [
            Fact(key: "price", label: "Price if you pay yourself", text: care.selfFunderPrice.map { "\($0.formatted) \(per)" }),
            Fact(key: "council_framework", label: "On the council's list", text: ProviderFacts.yesNo(care.onCouncilFramework),
                 note: "the council's approved framework: providers it buys from for the people it funds"),
        ]
        if care.onCouncilFramework == true {
            facts.append(Fact(key: "framework_price", label: "Council rate", text: care.frameworkPrice.map { "\($0.formatted) \(per)" }))
        }
        var paymentNote: String? = nil
        if care.isCareHome { paymentNote = DirectPaymentRules.longTermResidentialCare.value }
        facts.append(Fact(key: "accepts_direct_payments", label: "Takes direct payments", text: ProviderFacts.yesNo(care.acceptsDirectPayments),
                          note: paymentNote))
        if care.priceUnit == .hour, let price = care.selfFunderPrice {
            let minimum = HomecarePrice.minimumHourly
            if price < minimum.value {
                facts.append(Fact(key: "minimum_price_note", label: "Note", text: "below the Homecare Association's minimum price",
                                  note: "\(minimum.value.formatted) an hour (\(minimum.source.year)); ask how it pays its care workers"))
            }
        }
        return FactSection(title: "Money (\(ProviderFacts.asOf("prices", catalog) ?? "latest"))", facts: facts)
    }
}
