import AgoraUI
import ChoiceKit
import Testing

@Suite("Comparing marked providers")
struct ComparisonTests {
    @Test func markedPracticesSideBySideWithTheBestMarked() throws {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.gp)
        driver.press(.character("c"))
        #expect(driver.text.contains("Mark at least two"))
        driver.press(.character(" "), .down, .character(" "), .down, .character(" "), .character("c"))
        let comparison = try #require(driver.state.topPage(as: ComparisonFeature.self))
        #expect(comparison.grid.columns.count == 3)
        let text = driver.text
        #expect(text.contains("GP practices compared"))
        for column in comparison.grid.columns { #expect(text.contains(String(column.title.prefix(12)))) }
        #expect(text.contains("Good overall experience"))
        let survey = try #require(comparison.grid.rows.first { $0.key == "survey_good_pct" })
        if survey.cells.compactMap(\.sortValue).count >= 2, Set(survey.cells.compactMap(\.sortValue)).count > 1 {
            #expect(survey.cells.contains { $0.isBest })
            #expect(text.contains("★"))
        }
        // Enter explains the selected row in full.
        driver.press(.enter)
        #expect(driver.state.topOverlay(as: ModalFeature.self) != nil)
        driver.press(.escape)
        #expect(driver.state.overlays.isEmpty)
        driver.press(.character("e"), .control("u"))
        driver.type("/tmp/compare.csv")
        driver.press(.enter)
        guard case .start(_, .export(let document, "/tmp/compare.csv"))? = driver.effects.last else {
            Issue.record("no export started")
            return
        }
        #expect(document.text.contains("Good overall experience"))
    }

    @Test func pricesInDifferentUnitsAreNotRanked() throws {
        let care = Driver.catalog.providers(of: .care)
        let hourly = try #require(care.first { $0.care?.priceUnit == .hour && $0.care?.selfFunderPrice != nil })
        let weekly = try #require(care.first { $0.care?.priceUnit == .week && $0.care?.selfFunderPrice != nil })
        let grid = ProviderComparison.grid([hourly, weekly], catalog: Driver.catalog, origin: nil)
        let price = try #require(grid.rows.first { $0.key == "price" })
        #expect(!price.cells.contains { $0.isBest })
    }

    @Test func theCouncilsRateIsNotRankedAsIfLowerWereBetter() throws {
        let homes = Driver.catalog.providers(of: .care).filter { $0.care?.frameworkPrice != nil && $0.care?.priceUnit == .week }
        #expect(homes.count >= 2)
        let grid = ProviderComparison.grid(Array(homes.prefix(3)), catalog: Driver.catalog, origin: nil)
        let rate = try #require(grid.rows.first { $0.key == "framework_price" })
        #expect(!rate.cells.contains { $0.isBest }, "a lower council rate can mean a larger top-up")
    }

    @Test func comparisonInPlainMode() {
        var session = PlainSessionTests.session()
        _ = session.start()
        _ = session.respond(to: "3")
        _ = session.respond(to: "m 1")
        _ = session.respond(to: "m 2")
        let compared = session.respond(to: "c").text
        #expect(compared.contains("GP practices compared"))
        #expect(compared.contains("Compared: 1."))
        #expect(compared.contains("Good overall experience - "))
    }
}
