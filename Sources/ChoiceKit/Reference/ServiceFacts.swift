/// How each service citizens choose is bought, and what a person may add at their own cost: the
/// national arrangements, for the service pages. Local contracts come from the catalog instead.
public enum ServiceFacts {
    public static let academyFunding = Source(
        publisher: "Department for Education", title: "Academy trust handbook and model funding agreements",
        url: "https://www.gov.uk/government/collections/academy-trust-handbook", year: "2025")
    public static let schoolVAT = Source(
        publisher: "HM Revenue & Customs", title: "VAT on private school fees",
        url: "https://www.gov.uk/government/publications/applying-vat-to-private-school-fees", year: "2025")
    public static let breakfastClubs = Source(
        publisher: "Department for Education", title: "Free breakfast clubs in state-funded primary schools",
        url: "https://www.gov.uk/government/publications/breakfast-clubs-early-adopters-guidance-for-schools", year: "2025")
    public static let careAct = Source(
        publisher: "Department of Health and Social Care", title: "Care and support statutory guidance (Care Act 2014), chapters 8 and 10–12",
        url: "https://www.gov.uk/government/publications/care-act-statutory-guidance/care-and-support-statutory-guidance", year: "2025")
    public static let gpContracts = Source(
        publisher: "NHS England", title: "Primary medical care policy and guidance manual (GMS, PMS and APMS contracts)",
        url: "https://www.england.nhs.uk/publication/primary-medical-care-policy-and-guidance-manual-pgm/", year: "2024")

    /// How the public body buys the service, in plain words.
    public static func howItIsBought(_ kind: ProviderKind) -> [ReferenceFigure<String>] {
        switch kind {
        case .school:
            return [
                ReferenceFigure("Academies and free schools are paid for by the Department for Education under a funding agreement with their academy trust; the council pays the schools it maintains from the schools grant.", source: academyFunding),
                ReferenceFigure("There is no contract per school to compare: a school is funded for each pupil it takes, so parents' choices move the money.", source: academyFunding),
            ]
        case .care:
            return [
                ReferenceFigure("The council buys care for people it assesses as eligible, from providers on its approved list and at its own rates, or gives a direct payment for the person to buy their own.", source: careAct),
                ReferenceFigure("People who pay for themselves buy from any provider at the provider's own price.", source: careAct),
            ]
        case .gp:
            return [
                ReferenceFigure("The integrated care board holds each practice's contract: GMS (the national contract), PMS (agreed locally) or APMS (open to any provider, for a fixed term).", source: gpContracts),
                ReferenceFigure("Practices are paid mostly per registered patient, so registering with a practice is how patients choose.", source: gpContracts),
            ]
        case .other:
            return []
        }
    }

    /// What a person may add at their own cost.
    public static func privateExtras(_ kind: ProviderKind) -> [ReferenceFigure<String>] {
        switch kind {
        case .school:
            return [
                ReferenceFigure("Fee-paying independent schools, at your own cost; VAT has been charged on their fees since 1 January 2025.", source: schoolVAT),
                ReferenceFigure("After-school clubs and holiday care; breakfast clubs in state-funded primary schools are being made free.", source: breakfastClubs),
            ]
        case .care:
            return [
                ReferenceFigure("Paying for your own care in full, from any provider, when the council's assessment finds you above the capital limit (\(CareCharging.upperCapitalLimit.value.formattedShort)).", source: CareCharging.upperCapitalLimit.source),
                ReferenceFigure("A top-up to choose a care home dearer than the council's rate, paid by you (in limited cases) or by a relative or friend.", source: careAct),
                ReferenceFigure("Extra hours of home care or other support bought privately alongside what the council arranges.", source: careAct),
            ]
        case .gp:
            return [
                ReferenceFigure("Services the NHS does not cover, such as some travel vaccines, medical reports and certificates, for which practices may charge; and private GP appointments elsewhere.", source: gpContracts),
            ]
        case .other:
            return []
        }
    }

    public static let sources = [academyFunding, schoolVAT, breakfastClubs, careAct, gpContracts]
}
