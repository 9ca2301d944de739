/// Care Act 2014 charging figures for England. The means test itself is in the `CareBudget` library.
public enum CareCharging {
    public static let source = Source(
        publisher: "Department of Health and Social Care",
        title: "Social care charging for local authorities: 2025 to 2026",
        url: "https://www.gov.uk/government/publications/social-care-charging-for-local-authorities-2025-to-2026",
        year: "2025/26")

    /// The financial year these figures are for, and the first day after it. No 2026/27 circular
    /// figures are recorded: an estimate for a later date says it uses 2025/26 figures.
    public static let figuresYear = "2025/26"
    public static let figuresEndBefore = CalendarDate(known: 2026, 4, 6)

    /// Above this, a person pays the full cost of their care.
    public static let upperCapitalLimit = ReferenceFigure(Money(pounds: 23_250), source: source)
    /// Below this, capital is ignored.
    public static let lowerCapitalLimit = ReferenceFigure(Money(pounds: 14_250), source: source)
    /// Between the limits, £1 a week of "tariff income" is assumed for every £250 (or part of £250).
    public static let tariffIncomeStep = ReferenceFigure(Money(pounds: 250), source: source)
    public static let tariffIncomePerStep = ReferenceFigure(Money(pounds: 1), source: source)
    /// What a care-home resident keeps each week for personal spending.
    public static let personalExpensesAllowance = ReferenceFigure(Money(pounds: 30, pence: 65), source: source)

    /// The Minimum Income Guarantee for care at home, working age, 2025/26: the weekly income a
    /// person keeps before they can be charged. The pension-age amount is set in the same circular
    /// but is not recorded here: an estimate for someone over pension age asks for the council's
    /// figure (from the catalog's council policies, or given by the person) instead of guessing.
    public static let minimumIncomeUnder25 = ReferenceFigure(Money(pounds: 89, pence: 15), source: source)
    public static let minimumIncome25ToPensionAge = ReferenceFigure(Money(pounds: 112, pence: 50), source: source)
    public static let disabilityPremium = ReferenceFigure(Money(pounds: 49, pence: 65), source: source)
    public static let enhancedDisabilityPremium = ReferenceFigure(Money(pounds: 24, pence: 25), source: source)

    /// A care-home resident's former home is not counted as capital for their first 12 weeks.
    public static let propertyDisregardWeeks = ReferenceFigure(12, source: Source(
        publisher: "Department of Health and Social Care", title: "Care and support statutory guidance, annex B (treatment of capital)",
        url: "https://www.gov.uk/government/publications/care-act-statutory-guidance/care-and-support-statutory-guidance",
        year: "2014, updated 2024"))
}

/// NHS-funded nursing care: what the NHS pays a nursing home towards a resident's nursing.
public enum NHSNursingCare {
    public static let source = Source(
        publisher: "Department of Health and Social Care", title: "NHS-funded nursing care rate",
        url: "https://www.gov.uk/government/publications/nhs-funded-nursing-care-rate", year: "2025/26 and 2026/27")

    public static let weekly2025 = ReferenceFigure(Money(pounds: 254, pence: 6), source: source)
    public static let weekly2026 = ReferenceFigure(Money(pounds: 267, pence: 68), source: source)
    public static let weekly2026From = CalendarDate(known: 2026, 4, 1)

    /// The rate in force on a day, and the year it belongs to.
    public static func rate(on date: CalendarDate) -> (amount: Money, year: String) {
        date < weekly2026From ? (weekly2025.value, "2025/26") : (weekly2026.value, "2026/27")
    }
}

/// The age from which pension-age charging amounts apply (the Pension Credit qualifying age,
/// which is State Pension age).
public enum StatePensionAge {
    public static let years = ReferenceFigure(66, source: Source(
        publisher: "Department for Work and Pensions", title: "State Pension age timetables",
        url: "https://www.gov.uk/government/publications/state-pension-age-timetables",
        year: "2025/26 (rising to 67 between 2026 and 2028)"))
}

/// The Homecare Association's minimum price for homecare.
public enum HomecarePrice {
    public static let minimumHourly = ReferenceFigure(
        Money(pounds: 32, pence: 14),
        source: Source(publisher: "Homecare Association", title: "Minimum Price for Homecare 2025-26",
                       url: "https://www.homecareassociation.org.uk/resource/minimum-price-for-homecare-2025-26.html",
                       year: "2025/26"))
}
