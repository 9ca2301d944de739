enum GPFactSections {
    static func sections(_ gp: GPDetails, catalog: Catalog, provider: Provider, origin: GeoPoint?) -> [FactSection] {
        var catchment: String?
        switch gp.catchment {
        case .radius(_, let metres)?: catchment = "within \(DistanceText.format(metres: Double(metres))) of the practice"
        case .polygon?: catchment = "a drawn boundary around the practice"
        case nil: catchment = nil
        }
        let isWalkIn = gp.practiceType == .walkInCentre
        var facts = [
            Fact(key: "ods_code", label: "ODS code", text: gp.odsCode),
        ]
        if gp.practiceType != .practice {
            facts.append(Fact(key: "practice_type", label: "What it is", text: gp.practiceType.label, note: gp.practiceType.explanation))
        }
        facts += [
            Fact(key: "pcn", label: "Primary care network", text: gp.primaryCareNetwork),
            Fact(key: "accepting_new_patients", label: "Taking new patients", measure: ProviderMeasures.accepting(gp),
                 note: isWalkIn ? nil : GPFacts.refusalRule.value),
        ]
        if !isWalkIn {
            facts.append(Fact(key: "catchment", label: "Catchment area", text: catchment))
            if let origin, let area = gp.catchment {
                facts.append(Fact(key: "covers_home", label: "Covers your home",
                                  measure: .yesNo(area.contains(origin), tone: { $0 ? .good : .fair })))
            }
        }
        facts.append(Fact(key: "icb", label: "Integrated care board", text: catalog.commissionerName(provider.commissionerID),
                          note: "the NHS body that commissions the practice"))
        facts += [
            Fact(key: "list_size", label: "Registered patients",
                 measure: isWalkIn && gp.listSize == nil ? .missing(.notApplicable("none: a walk-in centre has no list")) : .count(gp.listSize)),
            Fact(key: "gp_fte", label: "Full-time GPs", text: gp.gpFullTimeEquivalent?.text,
                 note: gp.patientsPerGP.map { "about \(ShortText.count($0)) patients per full-time GP" }),
            Fact(key: "opening_hours", label: "Opening hours", text: gp.openingHours),
            Fact(key: "online_services", label: "Online", text: gp.onlineServices.isEmpty ? nil : gp.onlineServices.joined(separator: ", ")),
        ]
        let national = GPFacts.nationalGoodExperienceTenths
        let survey = FactSection(title: "What patients say (\(ProviderFacts.asOf("gp_survey", catalog) ?? "latest"))", facts: [
            Fact(key: "survey_good_pct", label: "Good overall experience", measure: ProviderMeasures.survey(gp),
                 note: "GP Patient Survey: patients saying very or fairly good; England \(Tenths(tenths: Int32(national.value)).percentText) (\(national.source.year))"),
        ])
        return [FactSection(title: "Practice", facts: facts), survey, CareFactSections.ratings(gp.assessment, catalog: catalog, topic: "gp")]
    }

    /// Without a home postcode the answer cannot be given: say how to get it, and the rights that hold anyway.
    static func registrationWithoutHome() -> FactSection {
        FactSection(title: "Registering", facts: [
            Fact(key: "can_register", label: "Can I register here?",
                 text: "Give your home postcode to find out: whether it is inside this practice's area and the list is open."),
            Fact(key: "registration_rights", label: "Your rights", text: RegistrationAnswer.rights.joined(separator: " ")),
        ])
    }

    /// "Can I register here?" for the person's home, with the rules behind the answer.
    static func registration(_ practice: Provider, home: Manifest.PostcodeEntry, catalog: Catalog) -> FactSection {
        let answer = GPRegistration.answer(practice, home: home, in: catalog)
        var facts = [Fact(key: "can_register", label: "Can I register here?",
                          measure: Measure(.text(answer.headline), short: answer.headline, tone: answer.tone),
                          note: answer.reason)]
        if !answer.alternatives.isEmpty {
            let names = answer.alternatives.map { "\($0.provider.name) (\(DistanceText.format(metres: $0.metres)))" }
            facts.append(Fact(key: "register_instead", label: "Open and covering your home",
                              text: names.joined(separator: "; "), note: "the nearest practices that should take you"))
        }
        facts.append(Fact(key: "registration_rights", label: "Your rights", text: RegistrationAnswer.rights.joined(separator: " ")))
        return FactSection(title: "Registering from \(home.postcode)", facts: facts)
    }
}

enum ContractFactSections {
    static func sections(_ contract: ContractDetails, catalog: Catalog) -> [FactSection] {
        let service = catalog.manifest.service(id: contract.serviceID)
        var term: String?
        if let start = contract.start, let end = contract.end { term = "\(start.long) to \(end.long)" }
        var contractFacts = [Fact(key: "service", label: "Service", text: service?.name ?? contract.serviceID)]
        if contract.contractName == nil, contract.start == nil, contract.value == nil {
            // Not bought from anyone: one clear statement instead of a row of "not published".
            contractFacts.append(Fact(key: "contract_name", label: "Contract",
                                      measure: .missing(.notApplicable(contract.valueNote ?? "none: the public body runs it itself"))))
        } else {
            contractFacts += [
                Fact(key: "contract_name", label: "Contract", text: contract.contractName),
                Fact(key: "contract_term", label: "Term", text: term),
                Fact(key: "contract_value", label: "Value", measure: .money(contract.value, per: nil), note: contract.valueNote),
            ]
        }
        return [
            FactSection(title: "Contract", facts: contractFacts),
            FactSection(title: "What you can do", facts: [
                Fact(key: "who_buys", label: "Who buys it", text: service?.whoBuys),
                Fact(key: "citizen_say", label: "Your say", text: contract.citizenNote ?? service?.citizenSay),
                Fact(key: "private_extras", label: "Extras you can buy",
                     text: contract.privateExtras.isEmpty ? "none" : contract.privateExtras.joined(separator: "; ")),
            ]),
        ]
    }
}
