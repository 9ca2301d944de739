import CatalogGenerator
import Foundation
import Testing
@testable import ChoiceKit
import EmbeddedCatalog

@Suite("Generator and the default catalog")
struct GeneratorTests {
    @Test func sameSeedGivesTheSameBytes() {
        #expect(CatalogGenerator.generate(seed: 42, providers: 300) == CatalogGenerator.generate(seed: 42, providers: 300))
        #expect(CatalogGenerator.generate(seed: 42, providers: 300) != CatalogGenerator.generate(seed: 43, providers: 300))
    }

    @Test func generatedCatalogsLoadCleanly() throws {
        for (seed, size) in [(1 as UInt64, 20), (5, 500), (9, 3_000)] {
            let report = CatalogFixture(seed: seed, providers: size).check()
            #expect(report.problems.isEmpty, "seed \(seed) size \(size): \(report.problems.prefix(3))")
            #expect(report.catalog?.providers.count == size)
        }
    }

    @Test("the committed catalog/ is exactly what the generator makes")
    func committedCatalogMatchesTheGenerator() throws {
        let generated = CatalogGenerator.generate(seed: CatalogGenerator.defaultSeed, providers: CatalogGenerator.defaultProviders)
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("catalog")
        for (name, text) in generated {
            let onDisk = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk == text, "catalog/\(name) differs: run `swift run agora catalog generate --out catalog`")
        }
    }

    @Test func writingThenReadingGivesTheSameProviders() throws {
        let catalog = try CatalogFixture(seed: 21, providers: 200).load()
        var postcodes: [String: GeoPoint] = [:]
        for entry in catalog.manifest.postcodes { postcodes[entry.postcode] = entry.location }
        var files = ["manifest.json": ManifestWriter.json(catalog.manifest)]
        for kind in ProviderKind.allCases {
            files[kind.defaultFileName] = ProviderTableWriter.csv(kind: kind, providers: Array(catalog.providers), postcodes: postcodes)
        }
        let again = try Catalog.load(from: InMemoryCatalogSource(texts: files, displayName: "again"))
        #expect(again.providers == catalog.providers)
        #expect(again.manifest == catalog.manifest)
    }

    @Test("the default borough has the size and variety a real one has")
    func defaultCatalogVariety() throws {
        let catalog = try Catalog.load(from: EmbeddedCatalog.source)
        #expect(catalog.count(of: .school) >= 60)
        #expect(catalog.count(of: .care) >= 50)
        #expect(catalog.count(of: .gp) >= 20)
        #expect(catalog.manifest.postcodes.count >= 400)
        #expect(catalog.manifest.area.notice.lowercased().contains("fictional sample data"))
        #expect(Set(catalog.manifest.services.map(\.id)) == ["academy-schools", "older-peoples-care", "waste", "health", "probation", "employment"])
        let others = Set(catalog.providers(of: .other).compactMap { $0.contract?.serviceID })
        #expect(others == ["waste", "probation", "employment"])

        let schools = catalog.providers(of: .school).compactMap(\.school)
        #expect(schools.contains { $0.trustType == .multiAcademyTrust })
        #expect(schools.contains { $0.trustType == .singleAcademyTrust })
        #expect(schools.contains { $0.type == .freeSchool })
        #expect(schools.contains { $0.type == .special })
        #expect(schools.contains { $0.isFaithSchool })
        #expect(schools.contains { if case .reportCard = $0.inspection { return true }; return false })
        #expect(schools.contains { if case .historical = $0.inspection { return true }; return false })
        #expect(schools.contains { $0.ks2ExpectedStandard == nil && $0.phase == .primary } || schools.contains { $0.capacity == nil })

        let care = catalog.providers(of: .care)
        #expect(care.contains { $0.sector == .privateLargeGroup })
        #expect(care.contains { $0.sector == .voluntaryOrCharity })
        #expect(care.contains { $0.sector == .socialEnterprise })
        #expect(care.contains { $0.sector == .publicSector && $0.care?.mainService == .dayCentre })
        let ratings = Set(care.compactMap { $0.care?.assessment.overall })
        #expect(ratings == Set(CQCRating.allCases))
        #expect(care.contains { $0.care?.assessment == .notYetRated })
        #expect(care.contains { $0.care?.selfFunderPrice == nil })
    }
}
