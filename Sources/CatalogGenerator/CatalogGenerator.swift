import ChoiceKit

/// Deterministic fictional catalogs: the same seed and size give the same bytes, every time.
public enum CatalogGenerator {
    /// The embedded default catalog is exactly `generate(seed: defaultSeed, providers: defaultProviders)`.
    public static let defaultSeed: UInt64 = 2026
    public static let defaultProviders = 160
    public static let minimumProviders = 20

    /// The catalog's files by name: manifest.json and one CSV per kind.
    public static func generate(seed: UInt64, providers total: Int) -> [String: String] {
        let count = max(minimumProviders, total)
        var random = SeededRandom(seed: seed)
        var geographyRandom = random.fork()
        let geography = Geography(providerCount: count, random: &geographyRandom)
        var contractRandom = random.fork()
        let contracts = ContractFactory(geography: geography).make(random: &contractRandom)
        let remaining = count - contracts.count
        let schoolCount = remaining * 44 / 100
        let careCount = remaining * 40 / 100
        let gpCount = remaining - schoolCount - careCount
        var schoolFactory = SchoolFactory(random: random.fork(), geography: geography, count: schoolCount)
        var careFactory = CareFactory(random: random.fork(), geography: geography)
        var gpFactory = GPFactory(random: random.fork(), geography: geography)
        let providers = schoolFactory.make(count: schoolCount, firstURN: 900_001)
            + careFactory.make(count: careCount) + gpFactory.make(count: gpCount) + contracts
        let manifest = ArrangementsFactory.complete(ManifestFactory.make(geography: geography, providerCount: count, seed: seed),
                                                    providers: providers)
        var postcodes: [String: GeoPoint] = [:]
        for entry in geography.postcodes { postcodes[entry.postcode] = entry.location }
        var files = ["manifest.json": ManifestWriter.json(manifest)]
        for kind in ProviderKind.allCases {
            files[kind.defaultFileName] = ProviderTableWriter.csv(kind: kind, providers: providers, postcodes: postcodes)
        }
        return files
    }
}
