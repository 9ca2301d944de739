/// National rules of personal budgets and direct payments for adult social care. What a council
/// decides for itself (whether a direct payment may buy the council's own services, how much
/// unspent money a person may keep) is not here: it is in the catalog manifest's council policies.
public enum DirectPaymentRules {
    public static let careAct = Source(
        publisher: "UK Parliament", title: "Care Act 2014, sections 26 and 31 to 33",
        url: "https://www.legislation.gov.uk/ukpga/2014/23/part/1", year: "2014")
    public static let regulations = Source(
        publisher: "UK Parliament", title: "The Care and Support (Direct Payments) Regulations 2014 (SI 2014/2871)",
        url: "https://www.legislation.gov.uk/uksi/2014/2871/contents/made", year: "2014")
    public static let source = Source(
        publisher: "Department of Health and Social Care", title: "Care and support statutory guidance, chapters 11 and 12",
        url: "https://www.gov.uk/government/publications/care-act-statutory-guidance/care-and-support-statutory-guidance",
        year: "2014, updated 2024")
    public static let choiceOfAccommodation = Source(
        publisher: "UK Parliament", title: "The Care and Support and Aftercare (Choice of Accommodation) Regulations 2014 (SI 2014/2670)",
        url: "https://www.legislation.gov.uk/uksi/2014/2670/contents/made", year: "2014")

    public static let longTermResidentialCare = ReferenceFigure(
        "A direct payment cannot pay for long-term residential care; short stays of up to 4 consecutive weeks in any 12 months are allowed, and stays less than 4 weeks apart count together.",
        source: regulations)
    public static let closeRelativeInHousehold = ReferenceFigure(
        "A direct payment cannot pay a close relative who lives in the same household, unless the council agrees it is necessary.",
        source: regulations)
    public static let reviews = ReferenceFigure(
        "The council reviews a direct payment within 6 months, then at least once a year.", source: source)
    public static let surplus = ReferenceFigure(
        "The council may take back money that builds up unspent.", source: source)
    public static let managedBudget = ReferenceFigure(
        "A council-managed budget buys care from the council's approved providers at the council's rates.", source: source)
    public static let individualServiceFund = ReferenceFigure(
        "An individual service fund is held by one provider, chosen by the person, who arranges the care with them.", source: source)
    public static let thirdPartyTopUp = ReferenceFigure(
        "A care home dearer than the personal budget allows needs a written top-up agreement with someone who pays the difference.",
        source: choiceOfAccommodation)

    /// National rules in plain words, for fact screens.
    public static let rules: [ReferenceFigure<String>] = [
        longTermResidentialCare, closeRelativeInHousehold, reviews, surplus,
    ]

    public static let firstReviewMonths = ReferenceFigure(6, source: source)
    public static let laterReviewMonths = ReferenceFigure(12, source: source)
    /// A short stay in residential care paid by direct payment: at most 4 consecutive weeks in any
    /// 12 months; stays less than 4 weeks apart are added together.
    public static let shortStayLimitNights = ReferenceFigure(28, source: regulations)
    public static let shortStayGapDays = ReferenceFigure(28, source: regulations)
}

/// How a personal budget can be received.
public enum BudgetRoute: String, LabelledValue, CaseIterable, Hashable, Sendable, Codable {
    case directPayment, councilManaged, individualServiceFund, mixed

    public var label: String {
        switch self {
        case .directPayment: return "Direct payment"
        case .councilManaged: return "Council-managed (virtual) budget"
        case .individualServiceFund: return "Individual Service Fund"
        case .mixed: return "A mix of these"
        }
    }

    public var explanation: String {
        switch self {
        case .directPayment: return "the council pays money to you and you buy your own care"
        case .councilManaged: return "the council keeps the money and buys care for you from its approved providers"
        case .individualServiceFund: return "a provider you choose holds the money and arranges care with you"
        case .mixed: return "part of the budget one way and part another"
        }
    }
}
