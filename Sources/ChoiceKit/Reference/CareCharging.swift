/// Care Act 2014 charging figures for England, 2025/26. The means test itself lives in `Charging/`.
public enum CareCharging {
    public static let source = Source(
        publisher: "Department of Health and Social Care",
        title: "Social care charging for local authorities: 2025 to 2026",
        url: "https://www.gov.uk/government/publications/social-care-charging-for-local-authorities-2025-to-2026",
        year: "2025/26")

    /// Above this, a person pays the full cost of their care.
    public static let upperCapitalLimit = ReferenceFigure(Money(pounds: 23_250), source: source)
    /// Below this, capital is ignored.
    public static let lowerCapitalLimit = ReferenceFigure(Money(pounds: 14_250), source: source)
    /// Between the limits, £1 a week of "tariff income" is assumed for every £250 (or part of £250).
    public static let tariffIncomeStep = ReferenceFigure(Money(pounds: 250), source: source)
    public static let tariffIncomePerStep = ReferenceFigure(Money(pounds: 1), source: source)
    /// What a care-home resident keeps each week for personal spending.
    public static let personalExpensesAllowance = ReferenceFigure(Money(pounds: 30, pence: 65), source: source)
}

/// The Homecare Association's minimum price for homecare.
public enum HomecarePrice {
    public static let minimumHourly = ReferenceFigure(
        Money(pounds: 32, pence: 14),
        source: Source(publisher: "Homecare Association", title: "Minimum Price for Homecare 2025-26",
                       url: "https://www.homecareassociation.org.uk/resource/minimum-price-for-homecare-2025-26.html",
                       year: "2025/26"))
}

/// Rules of direct payments for adult social care (Care and Support (Direct Payments) Regulations 2014
/// and the Care and Support Statutory Guidance, chapter 12).
public enum DirectPaymentRules {
    public static let source = Source(
        publisher: "Department of Health and Social Care", title: "Care and support statutory guidance, chapter 12",
        url: "https://www.gov.uk/government/publications/care-act-statutory-guidance/care-and-support-statutory-guidance",
        year: "2014, updated 2024")

    public static let rules: [ReferenceFigure<String>] = [
        ReferenceFigure("A direct payment cannot pay for long-term residential care.", source: source),
        ReferenceFigure("A direct payment cannot buy services run by the council itself.", source: source),
        ReferenceFigure("A direct payment cannot pay a close relative who lives in the same household, unless the council agrees it is necessary.", source: source),
        ReferenceFigure("The council reviews a direct payment within 6 months, then at least once a year.", source: source),
        ReferenceFigure("The council may take back money that builds up unspent.", source: source),
    ]

    public static let firstReviewMonths = ReferenceFigure(6, source: source)
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
