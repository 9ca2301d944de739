import AgoraUI
import ChoiceKit
import SchoolChoice
import Testing

/// What a parent meets at the edges: a narrow window, a long choice, a save that fails.
@Suite("Schools for my child at the edges")
struct SchoolPagesAtTheEdgesTests {
    static let marked = Driver.catalog.providers(of: .school).filter { $0.school?.phase == .primary }.prefix(3).map(\.id)

    func child(preferences: [String] = []) -> SavedChild {
        SavedChild(profile: SchoolDriver.sam, marked: Array(Self.marked), preferences: preferences)
    }

    @Test("at 60 columns each school keeps its chance beside it")
    func narrowEligibleList() throws {
        var driver = SchoolDriver(width: 60, height: 18, children: [child()])
        driver.openSchools()
        driver.press(.enter, .character("1"))
        let header = try #require(driver.lines.first { $0.contains("School") && $0.contains("Distance") })
        #expect(header.contains("Chance"))
        let list = try #require(driver.state.topPage(as: EligibleSchoolsFeature.self))
        let first = try #require(list.rows.first)
        #expect(driver.lines.contains { $0.contains(first.chance.level.label) && $0.contains(MetresText.format(first.distanceMetres)) })
        #expect(driver.lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        driver.press(.right)
        #expect(driver.lines.contains { $0.contains("Your list") }, "the column's title is whole")
    }

    @Test("at 80 columns the filters and the straight-line note share one line")
    func filterLineFits() throws {
        var driver = SchoolDriver(children: [child()])
        driver.openSchools()
        driver.press(.enter, .character("1"))
        #expect(driver.lines.contains { $0.contains("any distance · any chance · fee-paying left out · straight-line distances") })
        #expect(!driver.text.contains("straight…"))
    }

    @Test("the care choices show whole at 80 columns, with what each means")
    func careChoicesWhole() throws {
        var driver = SchoolDriver()
        driver.openSchools()
        driver.press(.enter, .tab, .tab, .tab, .tab, .right, .right)
        #expect(driver.text.contains("◂ previously looked after ▸"))
        #expect(driver.text.contains("special guardianship"))
        #expect(driver.text.contains("← → change it."))
    }

    @Test("a failed save of the preference list keeps the name typed and says why in full")
    func failedPreferenceExport() throws {
        var driver = SchoolDriver(children: [child(preferences: Array(Self.marked))])
        driver.openSchools()
        driver.press(.enter, .character("4"), .character("e"), .control("u"))
        driver.type("/no/such/folder/sam.md")
        driver.press(.enter)
        guard case .start(let id, .export)? = driver.driver.effects.last else {
            Issue.record("no export started")
            return
        }
        let reason = "the folder /no/such/folder does not exist. Give a file name in a folder that does."
        driver.send(.outcome(.jobFailed(id, message: reason)))
        #expect(driver.text.contains("Not saved: the folder /no/such/folder does not exist."), "the reason is on the page, wrapped")
        driver.press(.character("e"))
        #expect(driver.text.contains("Not saved last time"))
        #expect(driver.text.contains("/no/such/folder/sam.md"), "the name typed is offered again")
    }

    @Test("a failed save of the comparison offers the same name again")
    func failedComparisonExport() throws {
        var driver = SchoolDriver(children: [child()])
        driver.openSchools()
        driver.press(.enter, .character("2"), .character("e"), .control("u"))
        driver.type("/no/such/folder/compare.csv")
        driver.press(.enter)
        guard case .start(let id, .export)? = driver.driver.effects.last else {
            Issue.record("no export started")
            return
        }
        driver.send(.outcome(.jobFailed(id, message: "the folder /no/such/folder does not exist.")))
        driver.press(.character("e"))
        #expect(driver.text.contains("Not saved last time: the folder /no/such/folder does not"), "the reason is in the prompt")
        #expect(driver.text.contains("/no/such/folder/compare.csv"))
    }

    @Test("help on the child's page names what each number opens")
    func helpNamesTheSteps() throws {
        var driver = SchoolDriver(children: [child()])
        driver.openSchools()
        driver.press(.enter, .character("?"))
        #expect(driver.text.contains("the schools they could go to"))
        #expect(!driver.text.contains("open step"))
    }

    @Test("under the comparison the selected measure is said with every value whole", arguments: [(80, 24), (60, 18)])
    func selectedMeasureInFull(width: Int, height: Int) throws {
        var driver = SchoolDriver(width: width, height: height, children: [child()])
        driver.openSchools()
        driver.press(.enter, .character("2"))
        let page = try #require(driver.state.topPage(as: SchoolComparisonFeature.self))
        let names = page.comparison.grid.columns.map(\.title)
        driver.press(.down)
        let distance = try #require(page.comparison.grid.rows.first { $0.key == "distance" })
        #expect(driver.lines.contains { $0.hasPrefix("Distance (straight line) — \(names[0]): \(distance.cells[0].text)") })
        #expect(driver.lines.allSatisfy { DisplayWidth.of($0) <= width })
        driver.press(.down, .down)
        #expect(driver.lines.contains { $0.hasPrefix("Type and trust — \(names[0]): ") })
        #expect(driver.lines.contains { $0.contains("… Enter: in full") }, "a row too long for two lines points to Enter")
    }
}
