import ChoiceKit

/// Makes care services for older people: large chains beside small firms, charities, social
/// enterprises and the council's own day centre, rated across CQC's whole scale.
struct CareFactory {
    private var random: SeededRandom
    private let geography: Geography
    private var names = UniqueNames()
    private var nextLocation = 1

    private struct Operator {
        let name: String
        let sector: Sector
    }

    private let chains: [Operator]
    private let charities: [Operator]
    private let socialEnterprises: [Operator]
    private let council: Operator

    init(random: SeededRandom, geography: Geography) {
        self.random = random
        self.geography = geography
        let area = geography.districts[0].name
        chains = [Operator(name: "Meadowbank Care Group plc", sector: .privateLargeGroup),
                  Operator(name: "Silverbirch Healthcare Ltd", sector: .privateLargeGroup),
                  Operator(name: "Evergreen Lifecare Holdings Ltd", sector: .privateLargeGroup),
                  Operator(name: "Harbourside Homes Group Ltd", sector: .privateLargeGroup)]
        charities = [Operator(name: "\(area) Age Friends", sector: .voluntaryOrCharity),
                     Operator(name: "St Cuthbert's Care Trust", sector: .voluntaryOrCharity),
                     Operator(name: "The Larchfield Almshouse Charity", sector: .voluntaryOrCharity)]
        socialEnterprises = [Operator(name: "Brightways Community Interest Company", sector: .socialEnterprise),
                             Operator(name: "Care Co-operative \(area) Ltd", sector: .socialEnterprise)]
        council = Operator(name: "\(area) Borough Council", sector: .publicSector)
    }

    mutating func make(count: Int) -> [Provider] {
        var services: [Provider] = []
        for index in 0..<count {
            let fixed: [CareServiceType] = [.careHomeWithoutNursing, .careHomeWithNursing, .homeCare, .dayCentre,
                                            .extraCareHousing, .personalAssistantAgency, .supportedLiving]
            let type = index < fixed.count ? fixed[index]
                : random.weighted([(.careHomeWithoutNursing, 30), (.careHomeWithNursing, 20), (.homeCare, 30),
                                   (.dayCentre, 7), (.extraCareHousing, 5), (.supportedLiving, 4), (.personalAssistantAgency, 4)])
            services.append(make(type: type, index: index))
        }
        return services
    }

    private mutating func chooseOperator(type: CareServiceType, index: Int) -> Operator {
        // The council runs at least one day centre; it never sells care homes to itself.
        if type == .dayCentre, index == 3 || random.percent(35) { return council }
        if type == .homeCare, random.percent(5) { return council }
        return random.weighted([
            (random.pick(chains), 35),
            (Operator(name: "\(random.pick(Words.surnames)) \(random.pick(["Care", "Homecare", "Care Services", "Healthcare"])) Ltd",
                      sector: .privateSmallOrMedium), 32),
            (random.pick(charities), 20), (random.pick(socialEnterprises), 13),
        ])
    }

    private mutating func name(type: CareServiceType, place: String, operatorName: String) -> String {
        var registry = names // the closure below uses self.random, so the registry is claimed from a copy
        defer { names = registry }
        return registry.claim(place: place) { () -> String in
            switch type {
            case .careHomeWithoutNursing:
                return random.pick(["\(random.pick(Words.trees)) House", "\(place) Court", "St \(random.pick(Words.saints))'s Lodge",
                                    "The \(Self.plural(random.pick(Words.trees)))", "\(place) Manor Care Home",
                                    "\(random.pick(Words.streets)) Care Home"])
            case .careHomeWithNursing:
                return random.pick(["\(place) Nursing Home", "\(random.pick(Words.trees)) Grange Nursing Home",
                                    "\(random.pick(Words.surnames)) Park Care Centre", "\(random.pick(Words.streets)) Nursing Home"])
            case .homeCare:
                return operatorName.hasSuffix("Council") ? "\(place) Reablement and Home Care (council)"
                    : random.pick(["\(Self.brand(operatorName)) Home Care (\(place))",
                                   Self.brand(operatorName).contains(place) ? "\(Self.brand(operatorName)) Care at Home"
                                       : "\(Self.brand(operatorName)) Care at Home \(place)"])
            case .dayCentre:
                return operatorName.hasSuffix("Council") ? "\(place) Day Opportunities Centre"
                    : random.pick(["\(place) Day Centre", "\(random.pick(Words.streets)) Day Centre"])
            case .extraCareHousing:
                return random.pick(["\(place) Extra Care Court", "\(random.pick(Words.trees)) Court Extra Care", "\(place) Gardens Extra Care"])
            case .supportedLiving: return random.pick(["\(random.pick(Words.trees)) Supported Living", "\(place) Supported Living"])
            case .personalAssistantAgency:
                return random.pick(["\(place) Personal Assistants", "\(Self.brand(operatorName)) Personal Assistants"])
            case .sharedLives: return random.pick(["\(place) Shared Lives", "\(Self.brand(operatorName)) Shared Lives"])
            }
        }
    }

    static func plural(_ word: String) -> String {
        word.hasSuffix("y") ? word.dropLast() + "ies" : word + "s"
    }

    /// "Hartley Homecare Ltd" -> "Hartley"; "Meadowbank Care Group plc" -> "Meadowbank".
    static func brand(_ operatorName: String) -> String {
        let noise: Set<String> = ["Ltd", "plc", "Care", "Homecare", "Healthcare", "Group", "Holdings", "Services",
                                  "Community", "Interest", "Company", "Lifecare", "The"]
        let words = operatorName.split(separator: " ").filter { !noise.contains(String($0)) }
        return words.isEmpty ? operatorName : words.joined(separator: " ")
    }

    private mutating func make(type: CareServiceType, index: Int) -> Provider {
        let district = random.below(geography.districts.count)
        let place = geography.districts[district].name
        let owner = chooseOperator(type: type, index: index)
        let serviceName = name(type: type, place: place, operatorName: owner.name)
        let isHome = type == .careHomeWithNursing || type == .careHomeWithoutNursing
        var types = [type]
        if type == .careHomeWithNursing, random.percent(40) { types.append(.careHomeWithoutNursing) }
        if type == .extraCareHousing { types.append(.homeCare) }
        var specialisms: [CareSpecialism] = [.olderPeople]
        if isHome || type == .dayCentre || type == .homeCare, random.percent(60) { specialisms.append(.dementia) }
        if random.percent(30) { specialisms.append(.physicalDisability) }
        if random.percent(15) { specialisms.append(.sensoryImpairment) }
        if random.percent(10) { specialisms.append(.mentalHealth) }
        if type == .careHomeWithNursing || (type == .homeCare && random.percent(30)) { specialisms.append(.endOfLifeCare) }
        let assessment = assessmentFor(index: index)
        let beds = isHome ? random.int(18...110) : nil
        let vacancies = beds.map { _ in random.weighted([(0, 30), (random.int(1...3), 50), (random.int(4...9), 20)]) }
        let unit = type.usualPriceUnit
        let price = random.percent(8) ? nil : selfFunderPrice(type)
        let framework = owner.sector == .publicSector ? true : random.percent(6) ? nil : random.percent(65)
        let frameworkPrice = framework == true && owner.sector != .publicSector && !random.percent(10) ? frameworkRate(type) : nil
        let directPayments: Bool? = random.percent(7) ? nil
            : isHome ? false : owner.sector == .publicSector ? false : random.percent(85)
        let commissioner = type == .careHomeWithNursing && random.percent(20) ? "icb" : "council"
        let entry = geography.postcode(in: district, random: &random)
        let locationID = String(nextLocation)
        nextLocation += 1
        let details = CareDetails(
            cqcLocationID: "1-9" + String(repeating: "0", count: max(0, 9 - locationID.count)) + locationID,
            mainService: type, serviceTypes: types, specialisms: specialisms, assessment: assessment, beds: beds,
            vacancies: vacancies, selfFunderPrice: price, priceUnit: unit, onCouncilFramework: framework,
            frameworkPrice: frameworkPrice, acceptsDirectPayments: directPayments)
        return Provider(
            id: "C\(index + 1)", name: serviceName, sector: owner.sector, organisation: owner.name,
            commissionerID: commissioner, address: "\(random.int(1...240)) \(random.pick(Words.streets))",
            town: entry.town, postcode: entry.postcode,
            location: random.percent(85) ? geography.nearby(entry, random: &random) : entry.location,
            phone: random.percent(95) ? Contacts.phone(&random) : nil,
            website: random.percent(80) ? Contacts.website(for: serviceName) : nil, details: .care(details))
    }

    private mutating func assessmentFor(index: Int) -> CQCAssessment {
        // The first few cover the whole scale, so even a small catalog shows every rating.
        let fixed: [CQCRating?] = [.outstanding, .good, .requiresImprovement, .inadequate, nil]
        let overall: CQCRating?
        if index < fixed.count {
            overall = fixed[index]
        } else {
            if random.percent(2) { return .notPublished }
            overall = random.weighted([(CQCRating.outstanding as CQCRating?, 5), (.good, 70), (.requiresImprovement, 17),
                                       (.inadequate, 3), (nil, 5)])
        }
        guard let overall else { return .notYetRated }
        var questions: [CQCRating?] = []
        for _ in CQCKeyQuestion.allCases {
            let shift = random.weighted([(-1, 12), (0, 76), (1, 12)])
            questions.append(CQCRating(rawValue: max(1, min(4, overall.rawValue + shift))))
        }
        let date = random.date(from: KnownDates.day(2018, 3, 1), to: KnownDates.day(2026, 9, 30))
        return .rated(CQCRatings(overall: overall, keyQuestions: questions, reportDate: date))
    }

    private mutating func selfFunderPrice(_ type: CareServiceType) -> Money {
        switch type {
        case .careHomeWithoutNursing: return Money(pence: Int64(random.int(190...290)) * 500)
        case .careHomeWithNursing: return Money(pence: Int64(random.int(250...390)) * 500)
        case .homeCare: return Money(pence: Int64(random.int(570...720)) * 5)
        case .dayCentre: return Money(pence: Int64(random.int(11...19)) * 500)
        case .extraCareHousing: return Money(pence: Int64(random.int(36...84)) * 500)
        case .supportedLiving: return Money(pence: Int64(random.int(120...240)) * 500)
        case .personalAssistantAgency: return Money(pence: Int64(random.int(340...440)) * 5)
        case .sharedLives: return Money(pence: Int64(random.int(80...120)) * 500)
        }
    }

    private mutating func frameworkRate(_ type: CareServiceType) -> Money {
        switch type {
        case .careHomeWithoutNursing: return Money(pence: Int64(random.int(156...196)) * 500)
        case .careHomeWithNursing: return Money(pence: Int64(random.int(190...230)) * 500)
        case .homeCare: return Money(pence: Int64(random.int(496...550)) * 5)
        case .dayCentre: return Money(pence: Int64(random.int(9...12)) * 500)
        case .extraCareHousing: return Money(pence: Int64(random.int(30...60)) * 500)
        case .supportedLiving: return Money(pence: Int64(random.int(110...200)) * 500)
        case .personalAssistantAgency: return Money(pence: Int64(random.int(330...380)) * 5)
        case .sharedLives: return Money(pence: Int64(random.int(70...100)) * 500)
        }
    }
}
