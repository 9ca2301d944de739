import AgoraUI
import ChoiceKit
import SchoolChoice
import Testing

@Suite("Schools for my child: the full-screen journey")
struct SchoolJourneyTests {
    static let sizes = [(80, 24), (120, 40)]

    /// Nothing is drawn past the edge, and the key hints stay on the last row.
    func expectFits(_ driver: SchoolDriver, _ page: String, width: Int) {
        #expect(driver.lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(page) draws past the edge")
        let hints = driver.lines.last ?? ""
        #expect(hints.contains("help") || hints.contains("Esc"), "\(page) lost its key hints")
    }

    @Test("from nothing to an exported, ranked list at", arguments: sizes)
    func wholeJourney(width: Int, height: Int) throws {
        var driver = SchoolDriver(width: width, height: height)
        driver.openSchools()
        #expect(driver.driver.effects.contains(.loadChildren), "saved children are read when the page opens")
        #expect(driver.text.contains("No child saved yet"))
        expectFits(driver, "children", width: width)

        // The profile form.
        driver.press(.enter)
        #expect(driver.text.contains("Add a child"))
        #expect(driver.text.contains("Date of birth"))
        expectFits(driver, "form", width: width)
        driver.type("Sam")
        driver.press(.tab)
        driver.type("2022-10-01")
        driver.press(.tab, .control("u"))
        driver.type("km1 9uy")
        driver.press(.enter)
        #expect(driver.schoolWrites.first == .addChild(SchoolDriver.sam))
        #expect(driver.saved.map(\.name) == ["Sam"])

        // The child's page: round, next step and the timeline with today marked.
        #expect(driver.text.contains("Reception places for September 2027"))
        #expect(driver.text.contains("apply by 15 January 2027 (in 51 days)"))
        #expect(driver.text.contains("▶ 25 Nov 2026  Today"))
        #expect(driver.text.contains("16 Apr 2027  National offer day"))
        #expect(driver.text.contains("   1 Sep 2027  Reception begins"), "dates line up, right-aligned")
        expectFits(driver, "child", width: width)

        // Eligible schools with the chance and its reason; a filter; three marked.
        driver.press(.character("1"))
        #expect(driver.text.contains("Chance"))
        let list = try #require(driver.state.topPage(as: EligibleSchoolsFeature.self))
        let first = try #require(list.rows.first)
        #expect(driver.text.contains(first.provider.name))
        #expect(driver.text.contains(first.chance.reason.prefix(30)))
        expectFits(driver, "eligible", width: width)
        // The selected school's notes ("girls only", a faith) are said below the table whatever fits in it.
        if let withNotes = list.rows.firstIndex(where: { !$0.notes.isEmpty }) {
            for _ in 0..<withNotes { driver.press(.down) }
            let said = driver.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(said.contains("(\(list.rows[withNotes].notes.joined(separator: "; ")))"), "\(said)")
            driver.press(.home)
        } else {
            Issue.record("no school in the list has notes to show")
        }
        let everything = list.rows.count
        driver.press(.character("f"), .right)
        #expect(driver.text.contains("Within: ◂ 1,000 m ▸"))
        #expect((driver.state.topPage(as: EligibleSchoolsFeature.self)?.rows.count ?? 0) < everything)
        driver.press(.left, .escape)
        #expect(driver.state.topPage(as: EligibleSchoolsFeature.self)?.rows.count == everything)
        driver.press(.character(" "), .down, .character(" "), .down, .character(" "))
        let marked = list.rows.prefix(3).map(\.provider.id)
        #expect(driver.saved.first?.marked == marked)
        #expect(driver.text.contains("3 marked"))

        // The comparison: score first, best marked ★, the selected row in full.
        driver.press(.character("c"))
        #expect(driver.text.contains("Schools compared for Sam"))
        #expect(driver.text.contains("★"))
        #expect(driver.text.contains("Weighted score"))
        expectFits(driver, "comparison", width: width)
        driver.press(.right)
        expectFits(driver, "comparison scrolled", width: width)

        // Priorities as sliders: the score follows at once, and is saved.
        driver.press(.character("p"))
        #expect(driver.text.contains("Score out of 100"))
        let before = driver.lines.filter { $0.contains("/ 100") }
        driver.press(.character("5"))
        #expect(driver.text.contains("5 of 5"))
        #expect(driver.saved.first?.priorities?.weight(.distance) == 5)
        #expect(driver.lines.filter { $0.contains("/ 100") } != before, "the scores changed as the weight did")
        expectFits(driver, "priorities", width: width)
        driver.press(.escape)
        #expect(driver.state.topPage(as: SchoolComparisonFeature.self)?.comparison.grid.rows.first?.key == "score")

        // Back to the child; the preference list from the marked schools, reordered.
        driver.press(.escape, .escape)
        driver.press(.character("4"))
        #expect(driver.text.contains("No school on the list yet"))
        #expect(driver.text.contains("council offers the one you ranked highest"), "the equal-preference system is explained")
        for _ in 0..<2 { driver.press(.character("a"), .enter) }
        #expect(driver.text.contains("You have named 2 of the 3 schools the council allows"))
        driver.press(.character("a"), .enter)
        #expect(driver.saved.first?.preferences == marked)
        #expect(!driver.text.contains("You have named"))
        driver.press(.character("u"))
        #expect(driver.saved.first?.preferences == [marked[0], marked[2], marked[1]])
        driver.press(.character("a"))
        #expect(driver.text.contains("The council allows 3 preferences"))
        expectFits(driver, "preferences", width: width)

        // Export: a file name prompt, then a background job.
        driver.press(.character("e"))
        #expect(driver.text.contains("Save the preference list"))
        driver.press(.control("u"))
        driver.type("/tmp/sam.csv")
        driver.press(.enter)
        guard case .start(_, .export(let document, let path))? = driver.driver.effects.last else {
            Issue.record("no export started: \(driver.driver.effects.last.map(String.init(describing:)) ?? "none")")
            return
        }
        #expect(path == "/tmp/sam.csv")
        #expect(document.text.hasPrefix("Rank,School,ID,Distance,Chance"))
        #expect(driver.text.contains("Saving the preference list to /tmp/sam.csv"))
    }

    @Test func theFormChecksEveryFieldAndAsksBeforeDiscarding() throws {
        var driver = SchoolDriver()
        driver.openSchools()
        driver.press(.character("a"))
        driver.type("Amy")
        driver.press(.tab)
        driver.type("2030-01-01")
        driver.press(.tab, .control("u"))
        driver.type("ZZ9 9ZZ")
        driver.press(.enter)
        #expect(driver.text.contains("Must be 25 November 2026 or earlier."))
        driver.press(.control("u"))
        driver.type("2021-05-05")
        driver.press(.enter)
        #expect(driver.text.contains("ZZ9 9ZZ is not in Kingsmere"))
        driver.press(.control("u"))
        driver.type("KM1 9UY")
        driver.press(.tab)
        driver.type("no such school")
        driver.press(.enter)
        #expect(driver.text.contains("No school \"no such school\" here"))
        #expect(driver.schoolWrites.isEmpty, "nothing is saved while a field is wrong")
        driver.press(.escape)
        #expect(driver.text.contains("Discard what you typed?"))
        driver.press(.character("n"))
        #expect(driver.state.topPage(as: ChildFormFeature.self) != nil)
        driver.press(.escape, .character("y"))
        #expect(driver.state.topPage(as: ChildrenFeature.self) != nil)
        #expect(driver.schoolWrites.isEmpty)
    }

    @Test func siblingsAndAnEHCPlanAreTakenByIdOrName() throws {
        let schools = Driver.catalog.providers(of: .school)
        var driver = SchoolDriver()
        driver.openSchools()
        driver.press(.character("a"))
        driver.type("Amy")
        driver.press(.tab)
        driver.type("2021-05-05")
        driver.press(.tab, .control("u"))
        driver.type("KM1 9UY")
        driver.press(.tab)
        driver.type("\(schools[0].id.lowercased()), \(schools[1].name)")
        driver.press(.tab, .right, .tab)
        driver.type("Roman Catholic")
        driver.press(.enter)
        let added = try #require(driver.saved.first?.profile)
        #expect(added.siblingSchoolIDs == [schools[0].id, schools[1].id])
        #expect(added.care == .lookedAfter)
        #expect(added.faith == "Roman Catholic")
    }

    @Test func theSchoolsListSaysWhichRowsAreInView() throws {
        var driver = SchoolDriver(width: 120, height: 24, children: [SavedChild(profile: SchoolDriver.sam)])
        driver.openSchools()
        driver.press(.enter, .character("1"))
        #expect(driver.text.contains("44 shown · 0 marked · rows 1–"), "\(driver.text)")
        #expect(driver.text.contains(" of 44"))
    }

    @Test func aFailedWriteIsUndoneWithAMessage() throws {
        var driver = SchoolDriver(children: [SavedChild(profile: SchoolDriver.sam)])
        driver.openSchools()
        driver.press(.enter, .character("1"))
        driver.failNextWrite = "The disk is full."
        driver.press(.character(" "))
        #expect(driver.text.contains("Not saved: marking"))
        #expect(driver.text.contains("The disk is full."))
        #expect(driver.text.contains("0 marked"))
        #expect(!driver.lines.contains { $0.hasPrefix("✓") })
    }

    @Test func aWriteShowsAsPendingUntilConfirmed() throws {
        var driver = Driver()
        driver.confirmsWrites = false
        driver.press(.end, .up, .up, .up, .enter)
        driver.send(.outcome(.childrenLoaded(.loaded([SavedChild(profile: SchoolDriver.sam)]))))
        driver.press(.enter, .character("1"), .character(" "))
        #expect(driver.lines.contains { $0.hasPrefix("…") })
        #expect(driver.text.contains("Saving…") || driver.text.contains("Marked"))
        guard let id = driver.effects.compactMap({ effect -> RequestID? in if case .write(let id, _) = effect { return id }; return nil }).last
        else { Issue.record("no write"); return }
        driver.send(.outcome(.saved(id)))
        #expect(driver.lines.contains { $0.hasPrefix("✓") })
    }

    @Test func aFailedAddKeepsWhatWasTyped() throws {
        var driver = SchoolDriver()
        driver.openSchools()
        driver.press(.enter)
        driver.type("Sam")
        driver.press(.tab)
        driver.type("2022-10-01")
        driver.press(.tab, .control("u"))
        driver.type("KM1 9UY")
        driver.failNextWrite = "Locked."
        driver.press(.enter)
        #expect(driver.text.contains("Not saved: adding Sam. Locked."))
        let form = try #require(driver.state.topPage(as: ChildFormFeature.self))
        #expect(form.form.field("name")?.input.text == "Sam")
    }

    @Test func removingAChildAsksFirst() throws {
        var driver = SchoolDriver(children: [SavedChild(profile: SchoolDriver.sam)])
        driver.openSchools()
        #expect(driver.text.contains("Sam, 4"))
        driver.press(.character("x"))
        #expect(driver.text.contains("Remove Sam?"))
        driver.press(.character("y"))
        #expect(driver.saved.isEmpty)
        #expect(driver.text.contains("No child saved yet"))
    }

    @Test func changingDetailsKeepsTheChoices() throws {
        var child = SavedChild(profile: SchoolDriver.sam)
        child.preferences = [Driver.catalog.providers(of: .school)[0].id]
        var driver = SchoolDriver(children: [child])
        driver.openSchools()
        driver.press(.enter, .character("6"))
        #expect(driver.text.contains("Change Sam's details"))
        driver.press(.control("u"))
        driver.type("Samuel")
        driver.press(.enter)
        #expect(driver.schoolWrites.last == .updateChild(previousName: "Sam", ChildProfile(
            name: "Samuel", dateOfBirth: SchoolDriver.sam.dateOfBirth, homePostcode: "KM1 9UY")))
        #expect(driver.text.contains("Samuel, 4"))
        #expect(driver.text.contains("Preference list (1 of"))
    }

    @Test func theTimelinePageSaysWhatEachDateMeans() throws {
        var driver = SchoolDriver(children: [SavedChild(profile: SchoolDriver.sam)])
        driver.openSchools()
        driver.press(.enter, .character("5"))
        #expect(driver.text.contains("Name your schools in order of preference"))
        #expect(driver.text.contains("Today"))
    }

    /// A late application's next step is longer than 80 columns: it wraps, whole, under the headline.
    @Test func theNextStepIsShownWholeAt80Columns() throws {
        let profile = ChildProfile(name: "Mia", dateOfBirth: CalendarDate(year: 2015, month: 10, day: 1) ?? Driver.today, homePostcode: "KM1 9UY")
        var driver = SchoolDriver(children: [SavedChild(profile: profile)])
        driver.openSchools()
        driver.press(.enter)
        let flat = driver.lines.prefix(5).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("the closing date has passed: apply late now; offers come on 1 March 2027"), "\(flat)")
        #expect(!flat.contains("…"))
    }

    @Test("every preference warning is shown, scrolled into view at", arguments: sizes)
    func everyWarningIsShown(width: Int, height: Int) throws {
        let profile = ChildProfile(name: "Mia", dateOfBirth: CalendarDate(year: 2015, month: 10, day: 1) ?? Driver.today, homePostcode: "KM1 9UY")
        let options = EligibilityOptions(entry: .year7)
        let unlikely = try #require(SchoolFinder.eligibleSchools(for: profile, in: Driver.catalog, options: options)?
            .first { !$0.chance.level.isAtLeastLikely })
        let primary = try #require(Driver.catalog.providers(of: .school).first { $0.school?.phase == .primary })
        var child = SavedChild(profile: profile)
        child.preferences = [unlikely.provider.id, primary.id]
        var driver = SchoolDriver(width: width, height: height, children: [child])
        driver.openSchools()
        driver.press(.enter, .character("4"))
        var seen = driver.text
        for _ in 0..<4 {
            driver.press(.pageDown)
            seen += driver.text
        }
        let flat = seen.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(flat.contains("The closing date, 31 October 2026, has passed"))
        #expect(flat.contains("apply to the council now as a late application"))
        #expect(flat.contains("None of your preferences is at least likely"))
        #expect(flat.contains("does not admit children into Year 7"))
        #expect(flat.contains("You have named 2 of the"))
        #expect(flat.contains("the council offers the one you ranked highest"))
        #expect(driver.lines.allSatisfy { DisplayWidth.of($0) <= width })
    }
}
