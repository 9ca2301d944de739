import ChoiceKit

/// The reasons rows are skipped, worded once so the report counts like with like.
enum Reasons {
    // Left out by choice.
    static let closed = ImportReport.Reason("closed (--include-closed keeps them)")
    static let notOpen = ImportReport.Reason("not open (--include-closed keeps them)")
    static let otherEstablishment = ImportReport.Reason("a kind of establishment parents do not choose between")
    static let outsideArea = ImportReport.Reason("outside the area")
    static let notCare = ImportReport.Reason("not a kind of care Agora lists")
    static let notOlderPeople = ImportReport.Reason("not a service for older people")
    static let notPractice = ImportReport.Reason("not a GP practice")
    static let deregistered = ImportReport.Reason("deregistered, by the CQC API location data")
    static let terminated = ImportReport.Reason("terminated")
    static let noLocation = ImportReport.Reason("no location (grid indicator 9)")

    // Problems with the row.
    static let repeatedID = ImportReport.Reason("listed again (the first is kept)", isProblem: true)
    static let noAgeRange = ImportReport.Reason("no statutory age range", isProblem: true)
    static let noPostcode = ImportReport.Reason("no postcode that can be read", isProblem: true)
    static let wrongLocation = ImportReport.Reason("a location that cannot be right", isProblem: true)
    static let strayLocation = ImportReport.Reason("a location far from the rest of its local authority's postcodes", isProblem: true)
    static let postcodeNotInCatalog = ImportReport.Reason("postcode not among the area's (the postcode file may be older than this one)", isProblem: true)
    static let idTaken = ImportReport.Reason("its id is already used by another provider in the catalog", isProblem: true)

    static func unreadable(_ field: String) -> ImportReport.Reason {
        ImportReport.Reason("\(field) cannot be read", isProblem: true)
    }

    static func empty(_ field: String) -> ImportReport.Reason {
        ImportReport.Reason("\(field) is empty", isProblem: true)
    }
}
