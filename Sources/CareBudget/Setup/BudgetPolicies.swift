import ChoiceKit

/// The council's policies as a budget uses them: the manifest's when published, otherwise said
/// plainly to be unknown (with the assumption Agora makes, where it must make one).
public struct BudgetPolicies: Hashable, Sendable {
    public let councilName: String
    /// nil for a catalog that publishes no policies (format version 1, or none given).
    public let published: CouncilPolicies?

    /// Most councils pay direct payments every four weeks; used, and said, when not published.
    public static let assumedPaymentIntervalWeeks = 4

    public init(councilName: String, published: CouncilPolicies?) {
        self.councilName = councilName
        self.published = published
    }

    /// The policies of a catalog's manifest.
    public init(manifest: Manifest) {
        let policies = manifest.councilPolicies
        let name = policies.flatMap { manifest.commissioner(id: $0.councilID)?.name }
            ?? (manifest.area.localAuthority.isEmpty ? "the council" : manifest.area.localAuthority)
        self.init(councilName: name, published: policies)
    }

    /// The source to cite for a council policy.
    public var source: Source {
        published?.source(councilName: councilName)
            ?? Source(publisher: councilName, title: "Council policies: not published in this catalog", url: "", year: "not published")
    }

    public var paymentIntervalWeeks: Int { published?.paymentIntervalWeeks ?? Self.assumedPaymentIntervalWeeks }
    public var paymentIntervalIsPublished: Bool { published?.paymentIntervalWeeks != nil }
    public var contingencyWeeks: Int? { published?.contingencyWeeks }
    public var directPaymentsMayBuyCouncilServices: Bool? { published?.directPaymentsMayBuyCouncilServices }
    public var standardDisabilityRelatedExpenditure: Money? { published?.standardDisabilityRelatedExpenditure }
    public var charging: CouncilPolicies.ChargingFigures { published?.charging ?? CouncilPolicies.ChargingFigures() }
    public var councilID: String? { published?.councilID }

    /// One line per policy for "show" screens: what the council decided, or that it has not said.
    public var summary: [(label: String, value: String)] {
        let notPublished = "not published"
        return [
            ("Council", councilName),
            ("Direct payments paid", paymentIntervalIsPublished ? "every \(paymentIntervalWeeks) weeks"
                : "\(notPublished) (Agora assumes every \(paymentIntervalWeeks) weeks)"),
            ("Unspent money you may keep", contingencyWeeks.map { "\($0) weeks of payments" } ?? "\(notPublished) (the council may reclaim any surplus)"),
            ("Direct payments for the council's own services", directPaymentsMayBuyCouncilServices.map { $0 ? "allowed" : "not allowed" }
                ?? "\(notPublished) (ask the council first)"),
            ("Standard disability-related expenditure", standardDisabilityRelatedExpenditure.map { "\($0.formatted) a week" } ?? notPublished),
        ]
    }
}
