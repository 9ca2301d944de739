import ChoiceKit
import Foundation
@testable import Importers

/// Runs an import and loads the files it made, as `agora catalog check` would.
enum ImportCatalog {
    static let today = CalendarDate(year: 2026, month: 11, day: 25)!

    struct Made {
        let result: ImportResult
        let catalog: Catalog
        var report: [String] { result.report.lines(listing: nil) }
    }

    static func run(_ request: ImportRequest, into existing: Catalog? = nil) throws -> Made {
        let result = try Importer.run(request, into: existing)
        let source = InMemoryCatalogSource(files: result.files, displayName: "imported")
        let catalog = try Catalog.load(from: source)
        return Made(result: result, catalog: catalog)
    }

    /// Everything in the samples, for Kingsmere.
    static func kingsmere(postcodes: ImportFile = Fixtures.postcodes, ods: ImportFile = Fixtures.epraccur,
                          cqc: [ImportFile] = [Fixtures.cqcDirectory, Fixtures.cqcLocations]) throws -> Made {
        try run(ImportRequest(gias: Fixtures.gias, cqc: cqc, ods: ods, postcodes: postcodes,
                              area: .localAuthority("Kingsmere"), today: today))
    }
}
