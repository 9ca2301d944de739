import Testing
@testable import ChoiceKit

@Suite("Catalog snapshots")
struct SnapshotTests {
    private func snapshot(of fixture: CatalogFixture) throws -> (Catalog, [UInt8]) {
        let catalog = try fixture.load()
        let files = CatalogSnapshot.fileNames(of: catalog.manifest)
        let fingerprint = try #require(CatalogSnapshot.fingerprint(of: fixture.source, files: files))
        return (catalog, CatalogSnapshot.encode(catalog, fingerprint: fingerprint))
    }

    @Test func decodesToTheSameCatalog() throws {
        var fixture = CatalogFixture(seed: 17, providers: 400)
        // A warning survives the round trip too.
        let rows = (fixture.files["other.csv"] ?? "").split(separator: "\n").enumerated()
            .map { $0.offset == 0 ? $0.element + ",colour" : $0.element + ",red" }
        fixture.files["other.csv"] = rows.joined(separator: "\n") + "\n"
        let (catalog, bytes) = try snapshot(of: fixture)
        let decoded = try #require(CatalogSnapshot.decode(bytes, source: fixture.source))
        #expect(decoded.providers == catalog.providers)
        #expect(decoded.manifest == catalog.manifest)
        #expect(decoded.warnings == catalog.warnings)
        #expect(decoded.warnings.count == 1)
        for query in [ProviderQuery(text: "st"), ProviderQuery(kind: .care, sort: SortOrder(field: .name)),
                      ProviderQuery(kind: .school, text: "primary", sort: SortOrder(field: .rating))] {
            #expect(decoded.run(query) == catalog.run(query))
        }
    }

    @Test func isNotUsedWhenAnyFileChanged() throws {
        var fixture = CatalogFixture(seed: 17, providers: 200)
        let (_, bytes) = try snapshot(of: fixture)
        fixture.set("gp.csv", line: 2, column: "name", to: "A New Name Surgery")
        #expect(CatalogSnapshot.decode(bytes, source: fixture.source) == nil)
        fixture.files["gp.csv"] = nil
        #expect(CatalogSnapshot.decode(bytes, source: fixture.source) == nil)
    }

    @Test func damagedSnapshotsAreRefusedWithoutATrap() throws {
        let fixture = CatalogFixture(seed: 5, providers: 60)
        let (_, bytes) = try snapshot(of: fixture)
        #expect(CatalogSnapshot.decode(Array(bytes.prefix(bytes.count / 2)), source: fixture.source) == nil)
        #expect(CatalogSnapshot.decode([], source: fixture.source) == nil)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            var damaged = bytes
            let position = Int.random(in: 30..<damaged.count, using: &random)
            damaged[position] = UInt8.random(in: 0...255, using: &random)
            // Either refused or, when the damage hit nothing that matters, a usable catalog.
            if let catalog = CatalogSnapshot.decode(damaged, source: fixture.source) {
                _ = catalog.run(ProviderQuery(text: "a"))
            }
        }
    }
}
