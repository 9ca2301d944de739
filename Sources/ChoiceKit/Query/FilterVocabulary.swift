/// The choices of the filters whose values come from the catalog rather than from a fixed list:
/// the organisations that run each kind of provider, and the faiths schools have. Worked out once
/// when a filter panel opens or a command reads its options.
public struct FilterVocabulary: Hashable, Sendable {
    /// Organisation names by kind, in alphabetical order; providers that stand alone add none.
    public var organisations: [ProviderKind: [String]]
    /// Schools' religious characters as the catalog writes them ("Roman Catholic"), alphabetical.
    public var faiths: [String]

    public static let empty = FilterVocabulary(organisations: [:], faiths: [])

    public init(organisations: [ProviderKind: [String]], faiths: [String]) {
        self.organisations = organisations
        self.faiths = faiths
    }

    public init(catalog: Catalog) {
        self.init(providers: catalog.providers)
    }

    public init<Providers: Sequence<Provider>>(providers: Providers) {
        var organisations: [ProviderKind: Set<String>] = [:]
        var faiths: Set<String> = []
        for provider in providers {
            if !provider.organisation.isEmpty { organisations[provider.kind, default: []].insert(provider.organisation) }
            if let faith = provider.school?.religiousCharacter, !faith.isEmpty { faiths.insert(faith) }
        }
        self.organisations = organisations.mapValues { $0.sorted(by: Self.alphabetical) }
        self.faiths = faiths.sorted(by: Self.alphabetical)
    }

    private static func alphabetical(_ a: String, _ b: String) -> Bool {
        let (foldedA, foldedB) = (a.lowercased(), b.lowercased())
        return foldedA == foldedB ? a < b : foldedA < foldedB
    }
}
