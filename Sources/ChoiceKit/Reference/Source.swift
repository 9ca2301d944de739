/// Where a real-world rule or figure comes from. Every figure in `Reference` carries one.
public struct Source: Hashable, Sendable {
    public let publisher: String
    public let title: String
    public let url: String
    /// The year (or financial/academic year) the figure applies to, e.g. "2025/26".
    public let year: String

    public init(publisher: String, title: String, url: String, year: String) {
        self.publisher = publisher
        self.title = title
        self.url = url
        self.year = year
    }

    public var citation: String { "\(publisher), \(title) (\(year))" }
}

/// A figure from the real world together with its source.
public struct ReferenceFigure<Value: Sendable & Hashable>: Hashable, Sendable {
    public let value: Value
    public let source: Source

    public init(_ value: Value, source: Source) {
        self.value = value
        self.source = source
    }
}

/// Every source the reference figures cite, for "about" screens.
public enum ReferenceSources {
    public static var all: [Source] {
        [CQCRating.source, OfstedFacts.source, AdmissionsFacts.code, AdmissionsFacts.coordination,
         AdmissionsFacts.appealsCode, ChildrensWellbeingAndSchoolsAct.source, SchoolAgeFacts.educationAct, BankHolidays.source, ResultsFacts.performanceTables,
         CareCharging.source, DirectPaymentRules.careAct, DirectPaymentRules.regulations, DirectPaymentRules.source,
         DirectPaymentRules.choiceOfAccommodation, NHSNursingCare.source, HomecarePrice.minimumHourly.source,
         GPFacts.registration, GPFacts.contract, GPFacts.survey, MarketConcentration.source, NationalGridFacts.source]
            + ServiceFacts.sources
    }
}
