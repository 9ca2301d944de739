/// The columns a list of providers shows, chosen to fit the kind, most telling first (narrow
/// windows keep the first ones). Shared by the terminal UI and the command line so both show the
/// same thing.
public struct ListColumn: Sendable {
    public let key: String
    public let title: String
    /// The widest this column grows; its content decides below that.
    public let maxWidth: Int
    public let alignRight: Bool
    public let measure: @Sendable (Provider, Catalog) -> Measure

    public init(key: String, title: String, maxWidth: Int, alignRight: Bool = false,
                measure: @escaping @Sendable (Provider, Catalog) -> Measure) {
        self.key = key
        self.title = title
        self.maxWidth = maxWidth
        self.alignRight = alignRight
        self.measure = measure
    }

    /// The short text of the value, as tables show it.
    public func value(_ provider: Provider, _ catalog: Catalog) -> String { measure(provider, catalog).short }
}

public enum ListColumns {
    /// A provider's name, with its town when another provider in the catalog has the same name.
    public static let name = ListColumn(key: "name", title: "Name", maxWidth: 46) { provider, catalog in
        .text(catalog.hasNamesake(provider) ? "\(provider.name) (\(provider.town))" : provider.name)
    }

    public static func forKind(_ kind: ProviderKind?) -> [ListColumn] {
        switch kind {
        case .school:
            return [
                name,
                ListColumn(key: "ofsted", title: "Ofsted", maxWidth: 27) { provider, _ in
                    provider.school.map { ProviderMeasures.ofsted($0.inspection) } ?? .missing(.notPublished)
                },
                ListColumn(key: "results", title: "Results", maxWidth: 10) { provider, _ in
                    provider.school.map(ProviderMeasures.results) ?? .missing(.notPublished)
                },
                ListColumn(key: "phase", title: "Phase", maxWidth: 14) { provider, _ in .text(provider.school?.phase.label) },
                ListColumn(key: "type", title: "Type", maxWidth: 26) { provider, _ in .text(provider.subType) },
            ]
        case .care:
            return [
                name,
                ListColumn(key: "service", title: "Service", maxWidth: 16) { provider, _ in .text(provider.care?.mainService.shortLabel) },
                ListColumn(key: "cqc", title: "CQC", maxWidth: 27) { provider, catalog in
                    provider.care.map { ProviderMeasures.cqc($0.assessment, asOf: catalog.asOf("care")) } ?? .missing(.notPublished)
                },
                ListColumn(key: "price", title: "Price", maxWidth: 12, alignRight: true) { provider, _ in
                    provider.care.map(ProviderMeasures.price) ?? .missing(.notPublished)
                },
                ListColumn(key: "framework", title: "Council", maxWidth: 7) { provider, _ in
                    .yesNo(provider.care?.onCouncilFramework)
                },
                ListColumn(key: "vacancies", title: "Vacancies", maxWidth: 9) { provider, _ in
                    provider.care.map(ProviderMeasures.vacancies) ?? .missing(.notPublished)
                },
            ]
        case .gp:
            return [
                name,
                ListColumn(key: "accepting", title: "Accepting", maxWidth: 9) { provider, _ in
                    provider.gp.map(ProviderMeasures.accepting) ?? .missing(.notPublished)
                },
                ListColumn(key: "list_size", title: "Patients", maxWidth: 8, alignRight: true) { provider, _ in
                    .count(provider.gp?.listSize)
                },
                ListColumn(key: "survey", title: "Survey", maxWidth: 6, alignRight: true) { provider, _ in
                    provider.gp.map(ProviderMeasures.survey) ?? .missing(.notPublished)
                },
                ListColumn(key: "cqc", title: "CQC", maxWidth: 27) { provider, catalog in
                    provider.gp.map { ProviderMeasures.cqc($0.assessment, asOf: catalog.asOf("gp")) } ?? .missing(.notPublished)
                },
            ]
        case .other:
            return [
                name,
                ListColumn(key: "service", title: "Service", maxWidth: 40) { provider, _ in .text(provider.subType) },
                ListColumn(key: "provider", title: "Delivered by", maxWidth: 40) { provider, _ in .text(provider.organisation) },
                ListColumn(key: "buyer", title: "Bought by", maxWidth: 36) { provider, catalog in
                    .text(catalog.commissionerName(provider.commissionerID))
                },
            ]
        case nil:
            return [
                name,
                ListColumn(key: "kind", title: "Kind", maxWidth: 14) { provider, _ in .text(provider.kind.singular) },
                ListColumn(key: "sub_type", title: "Type", maxWidth: 26) { provider, _ in .text(provider.subType) },
                ListColumn(key: "town", title: "Town", maxWidth: 16) { provider, _ in .text(provider.town) },
            ]
        }
    }
}

extension Catalog {
    /// The date a part of the data is as of, from the manifest.
    public func asOf(_ topic: String) -> CalendarDate? { manifest.dataDate(topic)?.asOf }
}
