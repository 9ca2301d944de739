/// Rules and figures for choosing a GP practice in England.
public enum GPFacts {
    public static let registration = Source(
        publisher: "NHS England", title: "How to register with a GP surgery",
        url: "https://www.nhs.uk/nhs-services/gps/how-to-register-with-a-gp-surgery/", year: "2025")
    public static let survey = Source(
        publisher: "NHS England / Ipsos", title: "GP Patient Survey 2025 national results",
        url: "https://www.gp-patient.co.uk/", year: "2025")

    public static let contract = Source(
        publisher: "NHS England", title: "Patient registration standard operating principles for primary medical care",
        url: "https://www.england.nhs.uk/publication/patient-registration-standard-operating-principles-for-primary-medical-care/",
        year: "2019, updated 2025")

    public static let refusalRule = ReferenceFigure(
        "A practice with an open list can refuse you only on reasonable grounds, such as living outside its area, and must tell you why in writing.",
        source: contract)
    public static let outOfArea = ReferenceFigure(
        "Since January 2015 practices may register patients from outside their area without home visits, but do not have to.",
        source: registration)
    public static let noProofNeeded = ReferenceFigure(
        "You do not need proof of address, identity, immigration status or an NHS number to register.",
        source: registration)
    /// Share of patients describing their overall experience as very or fairly good, nationally.
    public static let nationalGoodExperienceTenths = ReferenceFigure(754, source: survey)
}
