/// A loaded, checked catalog: the manifest and every provider, indexed for search. Immutable.
public struct Catalog: Sendable {
    public let manifest: Manifest
    public let providers: ProviderTable
    public let index: CatalogIndex
    /// Warnings found while loading (unknown columns…); errors stop loading instead.
    public let warnings: [CatalogProblem]

    /// Providers read from the files; the index is built here (noting any duplicate ids), with the
    /// names' order keys if the reading made them.
    init(manifest: Manifest, providers: [Provider], warnings: [CatalogProblem], nameKeys: NameKeys? = nil) {
        self.manifest = manifest
        self.providers = ProviderTable(providers)
        self.index = CatalogIndex(providers: providers, postcodes: manifest.postcodes, nameKeys: nameKeys)
        self.warnings = warnings
    }

    /// Read back from a snapshot: providers decoded as they are asked for, the index as stored.
    init(manifest: Manifest, providers: ProviderTable, index: CatalogIndex, warnings: [CatalogProblem]) {
        self.manifest = manifest
        self.providers = providers
        self.index = index
        self.warnings = warnings
    }

    /// Loads and checks a catalog; throws every problem found if any is an error.
    public static func load(from source: any CatalogSource) throws(CatalogError) -> Catalog {
        let report = CatalogLoader.check(source)
        guard let catalog = report.catalog else { throw CatalogError(problems: report.problems) }
        return catalog
    }

    /// The manifest with no providers and no postcodes yet: enough for the full-screen program's
    /// home page while the rest loads in the background. Problems in what is read are thrown as
    /// usual; the postcode list is checked by the full load.
    public static func manifestOnly(from source: any CatalogSource) throws(CatalogError) -> Catalog {
        let (manifest, problems) = CatalogLoader.readManifest(source, skippingPostcodes: true)
        guard let manifest, !problems.contains(where: { $0.severity == .error }) else { throw CatalogError(problems: problems) }
        return Catalog(manifest: manifest, providers: [], warnings: [])
    }

    public func provider(id: String) -> Provider? {
        index.position(ofID: id).map { providers[$0] }
    }

    public func providers(of kind: ProviderKind) -> [Provider] { index.positions(of: kind).map { providers[Int($0)] } }

    public func count(of kind: ProviderKind) -> Int { index.positions(of: kind).count }

    public func postcode(_ text: String) -> Manifest.PostcodeEntry? { index.postcode(PostcodeFormat.normalise(text)) }

    public func commissionerName(_ id: String) -> String { manifest.commissioner(id: id)?.name ?? id }

    /// Whether another provider in the catalog has exactly this provider's name.
    public func hasNamesake(_ provider: Provider) -> Bool {
        index.position(ofID: provider.id).map(index.hasNamesake) ?? false
    }
}

extension Catalog {
    /// How many providers of a kind each sector runs: the shape of the local market.
    public func sectorCounts(of kind: ProviderKind) -> [Sector: Int] {
        // Counted by number first: a hundred thousand dictionary updates would take milliseconds.
        let sectors = Sector.allCases
        var byNumber = [Int](repeating: 0, count: sectors.count)
        let numbers = index.columns.sector
        for position in index.positions(of: kind) {
            let number = Int(numbers[Int(position)])
            if number < byNumber.count { byNumber[number] += 1 }
        }
        var counts: [Sector: Int] = [:]
        for (number, count) in byNumber.enumerated() where count > 0 { counts[sectors[number]] = count }
        return counts
    }
}
