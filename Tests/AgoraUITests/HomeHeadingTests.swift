@testable import AgoraUI
@testable import ChoiceKit
import Testing

@Suite("The home page's headings")
struct HomeHeadingTests {
    private func headings(_ home: HomeFeature) -> [String] {
        home.items.compactMap { if case .heading(let text) = $0 { return text }; return nil }
    }

    @Test func otherServicesHaveAHeadingOnlyWhenThereAreSome() {
        #expect(headings(HomeFeature(catalog: Driver.catalog)).contains("Other local services"))
        // An imported catalog: schools, care and GP practices only.
        var manifest = Driver.catalog.manifest
        manifest.services = manifest.services.filter(\.citizensChoose)
        let imported = HomeFeature(catalog: Catalog(manifest: manifest, providers: [], warnings: []))
        #expect(headings(imported) == ["Choose a provider", "Yours"])
    }
}
