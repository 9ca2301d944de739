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

@Suite("A filter row's label and value")
struct FilterRowTests {
    @Test func bothFitWholeOrTheLabelKeepsHalfAndTheChoiceItsArrows() {
        #expect(ProviderListFeature.split(label: "Vacancies", value: "[ ]", width: 50) == (47, 3))
        let long = "◂ Needs attention (older: Requires improvement) ▸"
        let (label, value) = ProviderListFeature.split(label: "Ofsted at least", value: long, width: 40)
        #expect(label == 15 && value == 24)
        let shown = ProviderListFeature.fitted(long, value)
        #expect(shown.hasPrefix("◂ Needs attention") && shown.hasSuffix("… ▸"))
        #expect(DisplayWidth.of(shown) <= value)
    }
}

@Suite("Status-line hints")
struct HintTests {
    @Test func bindingsSideBySideWithOneHintShareIt() {
        let keymap = Keymap<Int>([
            KeyBinding([.left], "← h", -1, "previous choice", hint: "change"),
            KeyBinding([.right], "→ l", 1, "next choice", hint: "change"),
            KeyBinding([.escape], "Esc", 0, "close", hint: "close"),
        ])
        let hints = keymap.help.hints
        #expect(hints.map(\.key) == ["← →", "Esc"])
        #expect(hints.map(\.label) == ["change", "close"])
    }
}

@Suite("A comparison when the home postcode changes")
struct ComparisonHomeTests {
    @Test func distancesAppearOnceAHomeIsSet() throws {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.school)
        driver.press(.character(" "), .down, .character(" "), .character("c"))
        let before = try #require(driver.state.topPage(as: ComparisonFeature.self))
        let distance = { (page: ComparisonFeature) in page.grid.rows.first { $0.key == "distance" }?.cells.map(\.text) ?? [] }
        #expect(distance(before) == ["no home postcode given", "no home postcode given"])
        driver.press(.character("h"))
        driver.type("KM1 9UY")
        driver.press(.enter)
        let after = try #require(driver.state.topPage(as: ComparisonFeature.self))
        #expect(distance(after).allSatisfy { $0.hasSuffix(" m") || $0.hasSuffix(" km") }, "\(distance(after))")
    }
}

@Suite("The comparison's footer")
struct ComparisonFooterTests {
    @Test func moreToTheRightIsOfferedOnlyWhenSomeAreOutOfSight() {
        var wide = Driver(width: 160, height: 40)
        wide.openList(.gp)
        wide.press(.character(" "), .down, .character(" "), .character("c"))
        #expect(wide.text.contains("GP practices compared"))
        #expect(!wide.text.contains("→ more"))
        var narrow = Driver(width: 80, height: 24)
        narrow.openList(.school)
        for _ in 0..<5 { narrow.press(.character(" "), .down) }
        narrow.press(.character(" "), .character("c"))
        #expect(narrow.text.contains("→ more"))
    }
}

@Suite("The home page's postcode line")
struct HomePostcodeLineTests {
    @Test func aSavedPostcodeFromAnotherCatalogIsNamedNotShownAsUnset() {
        var elsewhere = Driver(postcode: "ZZ9 9ZZ")
        #expect(elsewhere.text.contains("Home postcode: ZZ9 9ZZ (other area)"))
        let here = Driver(postcode: "KM1 9UY")
        #expect(here.text.contains("Home postcode: KM1 9UY"))
        #expect(!here.text.contains("(other area)"))
        let none = Driver()
        #expect(none.text.contains("Home postcode: not set"))
        // Cleared with an empty postcode: unset again.
        elsewhere.press(.character("h"))
        elsewhere.press(.enter)
        #expect(elsewhere.text.contains("Home postcode: not set"))
    }
}

@Suite("Why a list is empty")
struct EmptyListReasonTests {
    /// The catalog has no care home that takes direct payments (by rule): the list says which
    /// filters shut everything out, as `agora list` does, in the panel's words.
    @Test func eachFilterThatAloneShutsEverythingOutIsNamed() {
        var query = ProviderQuery(kind: .care)
        ProviderFilter.directPayments.setFlag(true, in: &query.filters)
        ProviderFilter.vacancies.setFlag(true, in: &query.filters)
        let explanation = NoResultsExplanation(query: query, in: Driver.catalog)
        #expect(Driver.catalog.run(query).count == 0)
        let reason = ProviderListFeature.noResultsReason(explanation, query: query)
        #expect(reason.hasPrefix("Without “Takes direct payments”, "), "\(reason)")
        #expect(reason.contains(" would match; without “Care homes with vacancies”, "), "\(reason)")
        #expect(reason.hasSuffix(" would."))
        query.text = "zzzz"
        let hopeless = ProviderListFeature.noResultsReason(NoResultsExplanation(query: query, in: Driver.catalog), query: query)
        #expect(hopeless == "Taking away any one of the search and filters still leaves none.")
    }
}

@Suite("The filter panel's notes")
struct FilterPanelNoteTests {
    /// What a filter means is said whole under the panel, not cut at its edge.
    @Test(arguments: [(80, 24), (120, 40)])
    func theSelectedFiltersMeaningIsSaidWhole(width: Int, height: Int) {
        var driver = Driver(width: width, height: height)
        driver.press(.down, .enter, .character("f"))
        driver.press(.up, .up, .up, .up, .up, .up, .up, .up)
        for _ in 0..<4 { driver.press(.down) }
        let panel = driver.lines.map { String($0.dropFirst(width - 64)) }.joined(separator: "\n")
        let words = panel.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).joined(separator: " ")
        #expect(words.contains("Only care homes report vacancies: ticking this hides home care, day centres and other services."), "\(driver.text)")
    }
}
