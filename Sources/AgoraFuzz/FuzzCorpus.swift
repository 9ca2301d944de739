import CatalogGenerator
import ChoiceKit

/// The sound inputs mutations start from: small generated catalogs (their manifests trimmed to the
/// postcodes they use, so a case costs little) and the snapshots of them. Built once per process.
public struct FuzzCorpus: Sendable {
    public struct Base: Sendable {
        public let files: [String: [UInt8]]
        public let catalog: Catalog
        public let snapshot: [UInt8]
        public let source: InMemoryCatalogSource
    }

    public let bases: [Base]

    public static let shared = FuzzCorpus()

    public init() {
        var bases: [Base] = []
        for (seed, providers) in [(UInt64(1), 20), (UInt64(2), 24), (UInt64(3), 40)] {
            var texts = CatalogGenerator.generate(seed: seed, providers: providers)
            guard let full = try? Catalog.load(from: InMemoryCatalogSource(texts: texts, displayName: "catalog")) else { continue }
            var manifest = full.manifest
            let used = Set(full.providers.map(\.postcode))
            manifest.postcodes = manifest.postcodes.enumerated().filter { used.contains($1.postcode) || $0 % 40 == 0 }.map(\.element)
            texts[CatalogLoader.manifestFileName] = ManifestWriter.json(manifest)
            let files = texts.mapValues { Array($0.utf8) }
            let source = InMemoryCatalogSource(files: files, displayName: "catalog")
            guard let catalog = try? Catalog.load(from: source), let snapshot = CatalogSnapshot.encode(catalog, source: source)
            else { continue }
            bases.append(Base(files: files, catalog: catalog, snapshot: snapshot,
                              source: source))
        }
        self.bases = bases
    }
}
