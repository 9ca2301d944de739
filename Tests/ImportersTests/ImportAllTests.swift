import ChoiceKit
import Foundation
import Testing
@testable import Importers

@Suite("Importing every sample into one catalog")
struct ImportAllTests {
    @Test func kingsmereFromTheOlderSamples() throws {
        let made = try ImportCatalog.kingsmere()
        let catalog = made.catalog
        #expect(catalog.manifest.area.name == "Kingsmere")
        #expect(!catalog.manifest.area.isFictional)
        // Nine open Kingsmere schools (990006 is closed; the two City of London schools are elsewhere).
        let expected: Set<String> = ["990001", "990002", "990003", "990004", "990005", "990007", "990008", "990009", "990010"]
        #expect(Set(catalog.providers(of: .school).map(\.id)) == expected)
        #expect(catalog.count(of: .care) == 6)
        // Active GP practices of the older layout (setting 4): Z99001, Z99002, Z99006.
        #expect(Set(catalog.providers(of: .gp).map(\.id)) == ["Z99001", "Z99002", "Z99006"])
        #expect(catalog.manifest.postcodes.count == 10)
        #expect(catalog.provider(id: "990002")?.commissionerID == "dfe")
        #expect(catalog.provider(id: "990004")?.commissionerID == "la-kingsmere")
        #expect(catalog.provider(id: "990010")?.commissionerID == "families")
        #expect(catalog.manifest.service(id: "academy-schools")?.commissionerIDs == ["dfe", "families", "la-kingsmere"])
    }

    @Test func kingsmereFromThe2026Samples() throws {
        let made = try ImportCatalog.kingsmere(postcodes: Fixtures.nspl2026, ods: Fixtures.epraccur2026)
        #expect(Set(made.catalog.providers.map(\.id)) == ["990001", "990002", "990003", "1-9000000001", "1-9000000002", "1-9000000004", "Z99101", "Z99105"])
        #expect(made.catalog.manifest.postcodes.map(\.postcode) == ["KM1 2AB", "KM2 3CD", "KM3 4EF"])
    }

    @Test func theReportListsSkippedRowsByLineAndWhatIsMissing() throws {
        let report = try ImportCatalog.kingsmere().report
        let gias = Fixtures.gias.shown
        #expect(report.contains("\(gias) (GIAS edubasealldata, Windows-1252): 12 rows — 9 imported, 3 skipped"))
        #expect(report.contains("  skipped: 1 closed (--include-closed keeps them); 2 outside the area"))
        #expect(report.contains("  \(gias):9: closed (--include-closed keeps them)"))
        #expect(report.contains("  \(gias):2: outside the area (EC3A 5DE)"))
        #expect(report.contains("    KS2 and KS4 results — not in GIAS; the school performance tables are a separate download (9 schools)"))
        #expect(report.contains { $0.contains("rating not imported") })
    }

    @Test func theCapOnListedRowsAndTheFullList() throws {
        let report = try ImportCatalog.kingsmere().result.report
        let capped = report.lines(listing: 2)
        #expect(capped.contains("  … and 13 more outside the area"))
        #expect(report.lines(listing: nil).filter { $0.contains("postcodes-sample.csv:") && $0.hasSuffix("outside the area") }.count == 15)
    }

    @Test func importingAgainReplacesAKindAndKeepsTheRest() throws {
        let first = try ImportCatalog.kingsmere()
        let again = try ImportCatalog.run(ImportRequest(ods: Fixtures.epraccur, includeClosed: true, today: ImportCatalog.today),
                                          into: first.catalog)
        #expect(again.result.replaced == [.gp])
        #expect(again.catalog.count(of: .gp) == 6)
        #expect(again.catalog.count(of: .school) == first.catalog.count(of: .school))
        #expect(again.catalog.providers(of: .care).map(\.id) == first.catalog.providers(of: .care).map(\.id))
        #expect(again.catalog.manifest.area == first.catalog.manifest.area)
    }

    @Test func stepByStepTheAreaIsNamedOnceGIASNamesItsCode() throws {
        let started = try ImportCatalog.run(ImportRequest(postcodes: Fixtures.nspl2026, area: .localAuthority("E06000990"), today: ImportCatalog.today))
        #expect(started.catalog.manifest.area.name == "E06000990")
        let schools = try ImportCatalog.run(ImportRequest(gias: Fixtures.gias, today: ImportCatalog.today), into: started.catalog)
        #expect(schools.catalog.manifest.area.name == "Kingsmere")
        #expect(schools.catalog.manifest.area.localAuthority == "Kingsmere (E06000990)")
        #expect(schools.catalog.manifest.area.description.hasSuffix("from: National Statistics Postcode Lookup; Get Information about Schools (edubasealldata)."))
    }

    @Test func postcodesAddedToAnExistingCatalogKeepItsArea() throws {
        let started = try ImportCatalog.run(ImportRequest(postcodes: Fixtures.nspl2026, area: .localAuthority("E06000990"), today: ImportCatalog.today))
        let added = try ImportCatalog.run(ImportRequest(postcodes: Fixtures.postcodes, today: ImportCatalog.today), into: started.catalog)
        #expect(added.catalog.manifest.area == started.catalog.manifest.area)
        #expect(added.catalog.manifest.postcodes.count > started.catalog.manifest.postcodes.count)
        #expect(added.catalog.manifest.postcodes.prefix(3).map(\.postcode) == ["KM1 2AB", "KM2 3CD", "KM3 4EF"])
    }
}
