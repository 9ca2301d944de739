import Testing
@_spi(Fuzzing) @testable import ChoiceKit

@Suite("Catalog snapshots")
struct SnapshotTests {
    private func snapshot(of fixture: CatalogFixture) throws -> (Catalog, [UInt8]) {
        let catalog = try fixture.load()
        return (catalog, try #require(CatalogSnapshot.encode(catalog, source: fixture.source)))
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

    @Test func theManifestComesBackExactlyAsRead() throws {
        // Found by the fuzzer: a coordinate with ten decimal places, and a radius with two, came
        // back rounded (to five and one) from a snapshot, so distances differed from the files'.
        var fixture = CatalogFixture(seed: 5, providers: 60)
        let manifest = fixture.files["manifest.json"] ?? ""
        let entry = try #require(manifest.range(of: #"\["KM[0-9]+ [0-9][A-Z]{2}", 52\.[0-9]+"#, options: .regularExpression))
        fixture.files["manifest.json"] = manifest.replacingCharacters(in: entry, with: String(manifest[entry]) + "95651")
            .replacingOccurrences(of: #""radius_km": [0-9.]+"#, with: "\"radius_km\": 7.25", options: .regularExpression)
        let (catalog, bytes) = try snapshot(of: fixture)
        #expect(catalog.manifest.area.radiusKilometres == 7.25)
        let decoded = try #require(CatalogSnapshot.decode(bytes, source: fixture.source))
        #expect(decoded.manifest == catalog.manifest)
    }

    @Test func everySingleBitFlipIsRefused() throws {
        let fixture = CatalogFixture(seed: 5, providers: 60)
        let (catalog, bytes) = try snapshot(of: fixture)
        // Every byte of the first 300 (magic, header, the start of the manifest), then every 61st,
        // each with one of its bits flipped in turn.
        let positions = Array(0..<min(300, bytes.count)) + Array(stride(from: 300, to: bytes.count, by: 61))
        var refused = 0
        for position in positions {
            for bit in [position % 8] {
                var damaged = bytes
                damaged[position] ^= 1 << bit
                switch CatalogSnapshot.read(damaged, source: fixture.source) {
                case .loaded(let decoded):
                    #expect(decoded.providers == catalog.providers && decoded.manifest == catalog.manifest,
                            "byte \(position) bit \(bit) gave a different catalog")
                case .stale, .damaged:
                    refused += 1
                }
            }
        }
        #expect(refused == positions.count)
    }

    @Test func aCraftedSectionLengthIsRefusedEvenPastTheChecksum() throws {
        let fixture = CatalogFixture(seed: 5, providers: 60)
        let (_, bytes) = try snapshot(of: fixture)
        // The header after the fixed part: fingerprint (count 1 + 8 bytes), file names, then the
        // section lengths. Replace the first length by the largest varint there is.
        var reader = bytes.withUnsafeBufferPointer { buffer in
            var input = SnapshotReader(bytes: buffer, range: CatalogSnapshot.fixedSize..<buffer.count)
            _ = try? input.integers(UInt64.self)
            _ = try? input.list { (inner: inout SnapshotReader) throws(SnapshotReader.Corrupt) in try inner.raw() }
            return input.position
        }
        reader += 1 // the count of lengths
        let old = bytes[reader...].prefix { $0 >= 0x80 }.count + 1
        var crafted = bytes
        crafted.replaceSubrange(reader..<(reader + old), with: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F])
        #expect(CatalogSnapshot.decode(crafted, source: fixture.source) == nil)
        if case .damaged = CatalogSnapshot.read(crafted, source: fixture.source, checkingSums: false) {} else {
            Issue.record("a crafted length was not refused by the bounds checks")
        }
    }

    @Test func aNaNCoordinateInASnapshotIsRefused() throws {
        let fixture = CatalogFixture(seed: 5, providers: 60)
        let catalog = try fixture.load()
        var providers = Array(catalog.providers)
        let first = providers[0]
        providers[0] = Provider(id: first.id, name: first.name, sector: first.sector, organisation: first.organisation,
                                commissionerID: first.commissionerID, address: first.address, town: first.town,
                                postcode: first.postcode, location: GeoPoint(latitude: .nan, longitude: 1),
                                phone: first.phone, website: first.website, details: first.details)
        let poisoned = Catalog(manifest: catalog.manifest, providers: providers, warnings: [])
        let bytes = try #require(CatalogSnapshot.encode(poisoned, source: fixture.source))
        let decoded = CatalogSnapshot.decode(bytes, source: fixture.source)
        #expect(decoded == nil)
        // Had it been used, a distance query would have trapped; with nothing decoded, none runs.
        if let decoded {
            var query = ProviderQuery(kind: first.kind)
            query.origin = catalog.manifest.area.centre
            query.sort = SortOrder(field: .distance)
            _ = decoded.run(query)
        }
    }

    @Test func anotherFormatVersionIsDamagedNotTrusted() throws {
        let fixture = CatalogFixture(seed: 5, providers: 60)
        let (_, bytes) = try snapshot(of: fixture)
        var older = bytes
        older[CatalogSnapshot.magic.count] = 1
        if case .damaged = CatalogSnapshot.read(older, source: fixture.source) {} else { Issue.record("version 1 was read") }
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
