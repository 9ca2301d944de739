/// Every field of a provider as labelled, plain-English facts, grouped in sections. The detail
/// screen, `agora show` and its JSON all read from here, so they always agree.
public struct Fact: Hashable, Sendable {
    /// Stable snake_case key for JSON.
    public let key: String
    public let label: String
    /// The value with its meaning (tone, why it is missing).
    public let measure: Measure
    /// A sentence explaining the value (what a rating means, why something is missing).
    public let note: String?

    public init(key: String, label: String, measure: Measure, note: String? = nil) {
        self.key = key
        self.label = label
        self.measure = measure
        self.note = note
    }

    /// A plain text fact; nil means not published.
    public init(key: String, label: String, text: String?, note: String? = nil) {
        self.init(key: key, label: label, measure: .text(text), note: note)
    }

    /// What to show: the value in words, or why it is missing.
    public var text: String { measure.long }
    /// True when the value is missing from the data.
    public var missing: Bool { measure.isMissing }
}

public struct FactSection: Hashable, Sendable {
    public let title: String
    public let facts: [Fact]
}

public enum ProviderFacts {
    public static let notPublished = "not published"

    /// With a home postcode, distances are given and a GP practice says whether you can register.
    public static func sections(for provider: Provider, in catalog: Catalog, home: Manifest.PostcodeEntry?) -> [FactSection] {
        var sections = sections(for: provider, in: catalog, origin: home?.location)
        if provider.kind == .gp {
            // The question a resident comes with, answered first (or how to get the answer).
            sections.insert(home.map { GPFactSections.registration(provider, home: $0, catalog: catalog) }
                            ?? GPFactSections.registrationWithoutHome(), at: 0)
        }
        return sections
    }

    public static func sections(for provider: Provider, in catalog: Catalog, origin: GeoPoint? = nil) -> [FactSection] {
        var sections = [overview(provider, catalog, origin: origin)]
        switch provider.details {
        case .school(let school): sections += SchoolFactSections.sections(school, catalog: catalog)
        case .care(let care): sections += CareFactSections.sections(care, catalog: catalog)
        case .gp(let gp): sections += GPFactSections.sections(gp, catalog: catalog, provider: provider, origin: origin)
        case .other(let contract): sections += ContractFactSections.sections(contract, catalog: catalog)
        }
        return sections
    }

    private static func overview(_ provider: Provider, _ catalog: Catalog, origin: GeoPoint?) -> FactSection {
        var facts = [
            Fact(key: "id", label: "Catalog id", text: provider.id),
            Fact(key: "kind", label: "Kind", text: provider.kind.singular),
            Fact(key: "sub_type", label: "Type", text: provider.subType),
            Fact(key: "sector", label: "Sector", text: provider.sector.label, note: sectorNote(provider.sector)),
            Fact(key: "organisation", label: organisationLabel(provider),
                 text: provider.organisation.isEmpty ? "on its own: not part of a larger group, trust or chain" : provider.organisation),
            Fact(key: "commissioner", label: "Paid for by", text: catalog.commissionerName(provider.commissionerID),
                 note: catalog.manifest.commissioner(id: provider.commissionerID)?.role),
            Fact(key: "address", label: "Address", text: [provider.address, provider.town, provider.postcode]
                .filter { !$0.isEmpty }.joined(separator: ", ")),
            Fact(key: "phone", label: "Phone", text: provider.phone),
            Fact(key: "website", label: "Website", text: provider.website),
        ]
        if let origin {
            let metres = origin.distance(to: provider.location)
            facts.append(Fact(key: "distance", label: "Distance", measure: .metres(metres),
                              note: "in a straight line from your home postcode"))
        }
        return FactSection(title: "About", facts: facts)
    }

    private static func organisationLabel(_ provider: Provider) -> String {
        switch provider.kind {
        case .school: return provider.school?.type.isAcademy == true ? "Academy trust" : "Run by"
        case .care: return "Operator"
        case .gp: return "Run by"
        case .other: return "Delivered by"
        }
    }

    private static func sectorNote(_ sector: Sector) -> String {
        switch sector {
        case .privateLargeGroup: return "a company that is part of a large group"
        case .privateSmallOrMedium: return "a small or medium-sized private business or partnership"
        case .voluntaryOrCharity: return "a charity or not-for-profit body"
        case .socialEnterprise: return "a business that reinvests its profits for a social purpose"
        case .publicSector: return "run by a public body"
        }
    }

    static func asOf(_ topic: String, _ catalog: Catalog) -> String? {
        catalog.manifest.dataDate(topic).map { "as of \($0.asOf.long)" }
    }

}
