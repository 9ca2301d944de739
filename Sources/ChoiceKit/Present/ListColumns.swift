/// The columns a list of providers shows, chosen to fit the kind. Shared by the terminal UI and
/// the command line so both show the same thing.
public struct ListColumn: Sendable {
    public let key: String
    public let title: String
    /// Preferred width in terminal columns; the name column takes what is left.
    public let width: Int
    public let alignRight: Bool
    public let value: @Sendable (Provider, Catalog) -> String

    public init(key: String, title: String, width: Int, alignRight: Bool = false,
                value: @escaping @Sendable (Provider, Catalog) -> String) {
        self.key = key
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.value = value
    }
}

public enum ListColumns {
    public static let name = ListColumn(key: "name", title: "Name", width: 30) { provider, _ in provider.name }

    public static func forKind(_ kind: ProviderKind?) -> [ListColumn] {
        switch kind {
        case .school:
            // Most telling first: narrow windows drop columns from the right.
            return [
                name,
                ListColumn(key: "ofsted", title: "Ofsted", width: 20) { provider, _ in
                    provider.school.map { ShortText.ofsted($0.inspection) } ?? ""
                },
                ListColumn(key: "results", title: "Results", width: 10) { provider, _ in
                    provider.school.map(ShortText.results) ?? ""
                },
                ListColumn(key: "phase", title: "Phase", width: 11) { provider, _ in provider.school?.phase.label ?? "" },
                ListColumn(key: "type", title: "Type", width: 18) { provider, _ in provider.subType },
            ]
        case .care:
            return [
                name,
                ListColumn(key: "service", title: "Service", width: 13) { provider, _ in provider.care?.mainService.shortLabel ?? "" },
                ListColumn(key: "cqc", title: "CQC", width: 14) { provider, _ in provider.care?.assessment.label ?? "" },
                ListColumn(key: "price", title: "Price", width: 10, alignRight: true) { provider, _ in
                    provider.care.map(ShortText.price) ?? ""
                },
                ListColumn(key: "framework", title: "Council", width: 7) { provider, _ in
                    ShortText.yesNo(provider.care?.onCouncilFramework)
                },
                ListColumn(key: "vacancies", title: "Vacancies", width: 9) { provider, _ in
                    provider.care.map(ShortText.vacancies) ?? ""
                },
            ]
        case .gp:
            return [
                name,
                ListColumn(key: "accepting", title: "Accepting", width: 9) { provider, _ in
                    ShortText.yesNo(provider.gp?.acceptingNewPatients)
                },
                ListColumn(key: "list_size", title: "Patients", width: 8, alignRight: true) { provider, _ in
                    ShortText.count(provider.gp?.listSize)
                },
                ListColumn(key: "survey", title: "Survey", width: 6, alignRight: true) { provider, _ in
                    provider.gp?.surveyGoodExperience?.percentText ?? ShortText.notPublished
                },
                ListColumn(key: "cqc", title: "CQC", width: 14) { provider, _ in provider.gp?.assessment.label ?? "" },
            ]
        case .other:
            return [
                name,
                ListColumn(key: "service", title: "Service", width: 28) { provider, _ in provider.subType },
                ListColumn(key: "provider", title: "Delivered by", width: 26) { provider, _ in provider.organisation },
                ListColumn(key: "buyer", title: "Bought by", width: 24) { provider, catalog in
                    catalog.commissionerName(provider.commissionerID)
                },
            ]
        case nil:
            return [
                name,
                ListColumn(key: "kind", title: "Kind", width: 12) { provider, _ in provider.kind.singular },
                ListColumn(key: "sub_type", title: "Type", width: 22) { provider, _ in provider.subType },
                ListColumn(key: "town", title: "Town", width: 14) { provider, _ in provider.town },
            ]
        }
    }
}
