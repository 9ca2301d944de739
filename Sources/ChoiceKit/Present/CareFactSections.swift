enum CareFactSections {
    static func sections(_ care: CareDetails, catalog: Catalog) -> [FactSection] {
        let service = FactSection(title: "Service", facts: [
            Fact(key: "cqc_location_id", label: "CQC location id", text: care.cqcLocationID),
            Fact(key: "service_types", label: "Services", text: care.serviceTypes.map(\.label).joined(separator: ", ")),
            Fact(key: "specialisms", label: "Specialisms",
                 measure: .text(care.specialisms.isEmpty ? nil : care.specialisms.map(\.label).joined(separator: ", "),
                                missing: .notApplicable("none listed"))),
            Fact(key: "beds", label: "Beds", measure: care.isCareHome ? .count(care.beds) : .missing(.notApplicable("not a care home"))),
            Fact(key: "vacancies", label: "Vacancies", measure: ProviderMeasures.vacancies(care),
                 note: care.isCareHome ? ProviderFacts.asOf("care", catalog) : nil),
        ])
        // Ratings imported from CQC's location data carry their own date, apart from the directory's.
        let ratingsTopic = catalog.manifest.dataDate("cqc_ratings") != nil ? "cqc_ratings" : "care"
        return [service, ratings(care.assessment, catalog: catalog, topic: ratingsTopic), money(care, catalog: catalog)]
    }

    static func ratings(_ assessment: CQCAssessment, catalog: Catalog, topic: String) -> FactSection {
        var facts: [Fact] = []
        switch assessment {
        case .rated(let ratings):
            let overall = ProviderMeasures.cqc(assessment, asOf: catalog.asOf(topic))
            facts.append(Fact(key: "cqc_overall", label: "Overall", measure: overall.relabelled(ratings.overall.label),
                              note: ratings.overall.meaning))
            for question in CQCKeyQuestion.allCases {
                guard let rating = ratings.rating(for: question) else { continue }
                facts.append(Fact(key: "cqc_\(question.rawValue.snakeCased)", label: question.label,
                                  measure: Measure(.grade(rating.label, rank: rating.rawValue), short: rating.label,
                                                   tone: Quality.tone(rating), sortKey: Int64(rating.rawValue)),
                                  note: question.question))
            }
            var dateNote: String?
            if let date = ratings.reportDate, ProviderMeasures.isStale(date, asOf: catalog.asOf(topic)) {
                dateNote = "over \(Quality.staleRatingYears.value) years old: it may not describe the service today; ask what has changed since"
            }
            facts.append(Fact(key: "cqc_report_date", label: "Report published", measure: .date(ratings.reportDate), note: dateNote))
        case .notYetRated:
            facts.append(Fact(key: "cqc_overall", label: "Overall", measure: .missing(.notYet(CQCRating.notYetRatedLabel.lowercased())),
                              note: "registered with CQC but not inspected yet"))
        case .notPublished:
            facts.append(Fact(key: "cqc_overall", label: "Overall", measure: .missing(.notPublished)))
        case .notImported:
            facts.append(Fact(key: "cqc_overall", label: "Overall", measure: .missing(.notImported),
                              note: "not in the national data this catalog was imported from; the CQC website has it"))
        }
        // A date says when the figures were true; ratings the data never held have none to give.
        if case .notImported = assessment { return FactSection(title: "CQC rating", facts: facts) }
        return FactSection(title: "CQC rating (\(ProviderFacts.asOf(topic, catalog) ?? "latest"))", facts: facts)
    }

    private static func money(_ care: CareDetails, catalog: Catalog) -> FactSection {
        var facts = [
            Fact(key: "price", label: "Price if you pay yourself", measure: ProviderMeasures.price(care)),
            Fact(key: "council_framework", label: "On the council's list", measure: .yesNo(care.onCouncilFramework),
                 note: "the council's approved framework: providers it buys from for the people it funds"),
        ]
        if care.onCouncilFramework == true {
            facts.append(Fact(key: "framework_price", label: "Council rate", measure: .money(care.frameworkPrice, per: care.priceUnit)))
        }
        var paymentNote: String?
        if care.isCareHome { paymentNote = DirectPaymentRules.longTermResidentialCare.value }
        facts.append(Fact(key: "accepts_direct_payments", label: "Takes direct payments", measure: .yesNo(care.acceptsDirectPayments),
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
