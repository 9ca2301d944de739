/// A care service for older people, in CQC's terms, with its prices and council arrangements.
public struct CareDetails: Hashable, Sendable {
    public var cqcLocationID: String
    /// The service type the provider is listed under (the catalog's `sub_type`).
    public var mainService: CareServiceType
    private var otherServices: EnumSet<CareServiceType>
    private var specialismSet: EnumSet<CareSpecialism>

    /// Every CQC service type registered at this location, the main one first.
    public var serviceTypes: [CareServiceType] { [mainService] + otherServices.elements.filter { $0 != mainService } }
    public var specialisms: [CareSpecialism] { specialismSet.elements }
    public func offers(_ specialism: CareSpecialism) -> Bool { specialismSet.contains(specialism) }
    public var assessment: CQCAssessment
    public var beds: Int?
    public var vacancies: Int?
    /// What someone paying for themselves is charged, per `priceUnit`.
    public var selfFunderPrice: Money?
    public var priceUnit: PriceUnit
    public var onCouncilFramework: Bool?
    /// What the council pays under its framework, per `priceUnit`.
    public var frameworkPrice: Money?
    public var acceptsDirectPayments: Bool?

    public init(cqcLocationID: String, mainService: CareServiceType, serviceTypes: [CareServiceType],
                specialisms: [CareSpecialism], assessment: CQCAssessment, beds: Int?, vacancies: Int?,
                selfFunderPrice: Money?, priceUnit: PriceUnit, onCouncilFramework: Bool?, frameworkPrice: Money?,
                acceptsDirectPayments: Bool?) {
        self.cqcLocationID = cqcLocationID
        self.mainService = mainService
        self.otherServices = EnumSet(serviceTypes)
        self.specialismSet = EnumSet(specialisms)
        self.assessment = assessment
        self.beds = beds
        self.vacancies = vacancies
        self.selfFunderPrice = selfFunderPrice
        self.priceUnit = priceUnit
        self.onCouncilFramework = onCouncilFramework
        self.frameworkPrice = frameworkPrice
        self.acceptsDirectPayments = acceptsDirectPayments
    }

    public var isCareHome: Bool { mainService == .careHomeWithNursing || mainService == .careHomeWithoutNursing }
}

public enum CareServiceType: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case careHomeWithNursing, careHomeWithoutNursing, homeCare, dayCentre, extraCareHousing,
         supportedLiving, personalAssistantAgency, sharedLives

    public var label: String {
        switch self {
        case .careHomeWithNursing: return "Care home with nursing"
        case .careHomeWithoutNursing: return "Care home without nursing"
        case .homeCare: return "Home care"
        case .dayCentre: return "Day centre"
        case .extraCareHousing: return "Extra care housing"
        case .supportedLiving: return "Supported living"
        case .personalAssistantAgency: return "Personal assistant agency"
        case .sharedLives: return "Shared Lives"
        }
    }

    public var shortLabel: String {
        switch self {
        case .careHomeWithNursing: return "Nursing home"
        case .careHomeWithoutNursing: return "Care home"
        case .homeCare: return "Home care"
        case .dayCentre: return "Day centre"
        case .extraCareHousing: return "Extra care"
        case .supportedLiving: return "Supported living"
        case .personalAssistantAgency: return "PA agency"
        case .sharedLives: return "Shared Lives"
        }
    }

    /// The unit its price is usually quoted in.
    public var usualPriceUnit: PriceUnit {
        switch self {
        case .careHomeWithNursing, .careHomeWithoutNursing, .extraCareHousing, .supportedLiving, .sharedLives: return .week
        case .homeCare, .personalAssistantAgency: return .hour
        case .dayCentre: return .day
        }
    }
}

public enum CareSpecialism: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case dementia, physicalDisability, sensoryImpairment, mentalHealth, learningDisability, endOfLifeCare,
         olderPeople

    public var label: String {
        switch self {
        case .dementia: return "Dementia"
        case .physicalDisability: return "Physical disability"
        case .sensoryImpairment: return "Sensory impairment"
        case .mentalHealth: return "Mental health"
        case .learningDisability: return "Learning disability"
        case .endOfLifeCare: return "End of life care"
        case .olderPeople: return "Older people"
        }
    }
}

public enum PriceUnit: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case week, day, hour

    public var label: String { rawValue }
    /// "an hour", "a day", "a week".
    public var per: String { self == .hour ? "an hour" : "a \(rawValue)" }
    public var abbreviation: String {
        switch self {
        case .week: return "/wk"
        case .day: return "/day"
        case .hour: return "/hr"
        }
    }
}

/// A CQC rating, or why there is none.
public enum CQCAssessment: Hashable, Sendable {
    case rated(CQCRatings)
    /// Registered but not yet inspected (new services).
    case notYetRated
    /// The catalog has no rating information for this location.
    case notPublished
    /// Imported from CQC's care directory, which has no ratings, without CQC's location data
    /// for this service: a rating may well exist.
    case notImported

    public var overall: CQCRating? { if case .rated(let ratings) = self { return ratings.overall }; return nil }
    public var ratings: CQCRatings? { if case .rated(let ratings) = self { return ratings }; return nil }

    public var label: String {
        switch self {
        case .rated(let ratings): return ratings.overall.label
        case .notYetRated: return CQCRating.notYetRatedLabel
        case .notPublished: return "not published"
        case .notImported: return "rating not imported"
        }
    }
}

public struct CQCRatings: Hashable, Sendable {
    public var overall: CQCRating
    private var questions: PackedGrades<CQCKeyQuestion>
    public var reportDate: CalendarDate?

    /// `keyQuestions` in `CQCKeyQuestion.allCases` order; nil where CQC gave no rating.
    public init(overall: CQCRating, keyQuestions: [CQCRating?], reportDate: CalendarDate?) {
        self.overall = overall
        self.reportDate = reportDate
        questions = PackedGrades()
        for (question, rating) in zip(CQCKeyQuestion.allCases, keyQuestions) { questions[question] = rating?.rawValue }
    }

    public func rating(for question: CQCKeyQuestion) -> CQCRating? {
        questions[question].flatMap(CQCRating.init(rawValue:))
    }
}
