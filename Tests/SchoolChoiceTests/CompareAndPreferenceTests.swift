import ChoiceKit
import SchoolChoice
import Testing

@Suite("Comparison, score, preferences and exports")
struct CompareAndPreferenceTests {
    let catalog: Catalog

    init() throws { catalog = try HandCatalog.load() }

    private func schools(_ ids: [String]) -> [Provider] { ids.compactMap { catalog.provider(id: $0) } }

    @Test func withoutAChildDistancesAreFromTheHomeGivenOrSayWhyNot() throws {
        let child = HandCatalog.child()
        let home = try #require(catalog.postcode(child.homePostcode)?.location)
        let fromHome = SchoolComparison(schools: schools(["S1", "S2"]), catalog: catalog, child: nil, entry: nil, priorities: nil, home: home)
        let withChild = SchoolComparison(schools: schools(["S1", "S2"]), catalog: catalog, child: child, entry: .reception, priorities: nil)
        let distances = { (grid: ComparisonGrid) in grid.rows.first { $0.key == "distance" }?.cells.map(\.text) }
        #expect(distances(fromHome.grid) == distances(withChild.grid))
        let nowhere = SchoolComparison(schools: schools(["S1", "S2"]), catalog: catalog, child: nil, entry: nil, priorities: nil)
        #expect(distances(nowhere.grid) == ["no home postcode given", "no home postcode given"])
    }

    @Test("best in each row is marked in text; missing data is said, never 0")
    func grid() throws {
        let comparison = SchoolComparison(schools: schools(["S1", "S2", "S3"]), catalog: catalog, child: HandCatalog.child(),
                                          entry: .reception, priorities: nil)
        let grid = comparison.grid
        #expect(grid.columns.map(\.id) == ["S1", "S2", "S3"])
        let distance = try #require(grid.rows.first { $0.key == "distance" })
        #expect(distance.cells.map(\.isBest) == [true, false, false])
        #expect(distance.cells[0].plainText == "640 m ★")
        let ks2 = try #require(grid.rows.first { $0.key == "ks2_rwm_expected_pct" })
        #expect(ks2.label == "KS2 expected standard (2024/25; England 62.1%, Testborough 60.0%)")
        #expect(ks2.cells[0].text == "70.0%" && ks2.cells[0].detail == "7.9 points above England")
        #expect(ks2.cells[2].isMissing && ks2.cells[2].text == "not published")
        let ofsted = try #require(grid.rows.first { $0.key == "ofsted" })
        #expect(ofsted.cells[1].text == "Good (historical grade, 1 May 2019)")
        let chance = try #require(grid.rows.first { $0.key == "chance" })
        #expect(chance.cells.map(\.text) == ["Likely", "Unlikely", "Possible"])
        #expect(chance.cells[0].isBest)
        let safeguarding = try #require(grid.rows.first { $0.key == "safeguarding" })
        #expect(safeguarding.cells.filter(\.isBest).isEmpty, "a single value is not a best")
        #expect(grid.text().contains(ComparisonGrid.bestLegend))
    }

    @Test("the weighted score")
    func weightedScore() throws {
        var priorities = ParentPriorities(weights: Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0, 0) }))
        priorities.set(.distance, to: 5)
        let inputs = schools(["S1", "S2"]).map { provider in
            ScoreCalculator.Inputs(provider: provider, distanceMetres: HandCatalog.home.distance(to: provider.location), chance: nil)
        }
        var scores = ScoreCalculator.scores(inputs, priorities: priorities, child: nil)
        #expect(scores.map(\.score) == [100, 43])
        priorities.set(.results, to: 5)
        priorities.set(.clubs, to: 2)
        priorities.set(.faith, to: 4)
        scores = ScoreCalculator.scores(inputs, priorities: priorities, child: nil)
        // S1: distance 1×5 + results 0.70×5 + clubs 1×2 = 10.5 over 12; S2: 0.4267×5 + 0.55×5 + 0×2 = 4.883 over 12.
        #expect(scores.map(\.score) == [88, 41])
        #expect(scores[0].unscored.isEmpty, "with no child's faith given, faith is left out, not called unpublished")
        #expect(!scores[0].scored.contains(.faith))
        let withFaith = ScoreCalculator.scores(inputs, priorities: priorities, child: HandCatalog.child(faith: "Roman Catholic"))
        #expect(withFaith[0].scored.contains(.faith))
        #expect(!ScoreCalculator.applies(.faith, to: HandCatalog.child()))
        #expect(priorities.weight(.size) == 0)
        priorities.set(.size, to: 9)
        #expect(priorities.weight(.size) == 5)
        #expect(ScoreCalculator.explanation.hasPrefix("Score out of 100: each priority's 0–1 measure times its weight (0–5)"))
        let comparison = SchoolComparison(schools: schools(["S1", "S2"]), catalog: catalog, child: HandCatalog.child(),
                                          entry: .reception, priorities: ParentPriorities())
        #expect(comparison.grid.rows.first?.key == "score")
        #expect(comparison.grid.notes.first == ScoreCalculator.explanation)

        // A school not yet inspected is scored without inspection: said, and never marked best.
        var inspected = ParentPriorities(weights: Dictionary(uniqueKeysWithValues: Priority.allCases.map { ($0, 0) }))
        inspected.set(.distance, to: 5)
        inspected.set(.inspection, to: 5)
        let partial = SchoolComparison(schools: schools(["S1", "S2", "S9"]), catalog: catalog, child: HandCatalog.child(),
                                       entry: .reception, priorities: inspected)
        let row = try #require(partial.grid.rows.first { $0.key == "score" })
        #expect(row.cells[2].text.hasSuffix("/ 100, partial"))
        #expect(row.cells[2].detail == "not scored on inspection (not published), so not marked best")
        #expect(!row.cells[2].isBest)
        #expect(row.cells[0].isBest || row.cells[1].isBest)
    }

    private func review(_ ids: [String], today: CalendarDate = HandCatalog.day(2026, 11, 25), child: ChildProfile = HandCatalog.child()) throws -> PreferenceReview {
        let round = try #require(AdmissionsRound.next(for: child, today: today, council: catalog.manifest.admissions))
        let list = try PreferenceList.make(ids, allowed: PreferenceReview.allowed(for: round, council: catalog.manifest.admissions))
        return PreferenceReview(child: child, list: list, round: round, catalog: catalog, today: today)
    }

    @Test func preferenceWarnings() throws {
        let clean = try review(["S8", "S1", "S4"])
        #expect(clean.warnings.isEmpty)
        #expect(clean.rows.map(\.rank) == [1, 2, 3])

        let unlikely = try review(["S2", "S6"])
        #expect(unlikely.warnings.contains(.fewerThanAllowed(named: 2, allowed: 3)))
        let suggestion = unlikely.warnings.compactMap { warning -> PreferenceWarning.Suggestion? in
            if case .noLikelyPreference(let suggestion) = warning { return suggestion }
            return nil
        }.first
        #expect(suggestion?.schoolID == "S9")
        #expect(unlikely.warnings.last?.message == "You have named 2 of the 3 schools the council allows; naming more never lowers your chance at the ones above.")

        let wrongYear = try review(["S1", "S7", "S4"])
        #expect(wrongYear.warnings == [.doesNotTakeEntryYear(schoolID: "S7", name: "Lottery Academy", entry: .reception)])
        #expect(wrongYear.warnings[0].message == "Lottery Academy (S7) does not admit children into Reception: it cannot offer a place in this round.")

        // A girls' school on a boy's list (born 2015: Year 7 in September 2027).
        let boy = HandCatalog.child(born: HandCatalog.day(2015, 10, 10), sex: .boy)
        let girlsSchool = try review(["S13"], child: boy)
        #expect(girlsSchool.warnings.contains(.singleSex(schoolID: "S13", name: "Girls High", school: "girls'")))
        #expect(girlsSchool.warnings.contains { $0.message == "Girls High (S13) is a girls' school: it cannot offer your child a place." })
        #expect(girlsSchool.rows.first?.chance.level == .noPlace)
        #expect(!(try review(["S13"], child: HandCatalog.child(born: HandCatalog.day(2015, 10, 10), sex: .girl)).warnings
            .contains { if case .singleSex = $0 { return true }; return false }))

        let gone = try review(["S8", "S99", "S1"])
        #expect(gone.warnings == [.notInCatalog(schoolID: "S99")])
        #expect(gone.rows.map(\.schoolID) == ["S8", "S1"])

        let late = try review(["S1", "S4", "S9"], today: HandCatalog.day(2027, 1, 20))
        #expect(late.warnings.first == .closingDatePassed(HandCatalog.day(2027, 1, 15)))
        #expect(late.warnings.first?.message.contains("late application") == true)
    }

    @Test func editingAList() throws {
        var list = try PreferenceList.make(["S1", "S2"], allowed: 3)
        try list.add("S3")
        #expect(throws: PreferenceList.EditError.full(allowed: 3)) { try list.add("S4") }
        #expect(throws: PreferenceList.EditError.alreadyListed("S1")) { try PreferenceList.make(["S1", "S1"], allowed: 3) }
        try list.moveUp("S3")
        #expect(list.schoolIDs == ["S1", "S3", "S2"])
        try list.move("S2", toRank: 1)
        #expect(list.schoolIDs == ["S2", "S1", "S3"])
        try list.moveDown("S3")
        try list.remove("S1")
        #expect(list.schoolIDs == ["S2", "S3"])
        #expect(PreferenceList(allowed: 1).allowed == 3)
        #expect(PreferenceReview.equalPreference.split(separator: ".").count == 2)
    }

    @Test("exports: Markdown, CSV against formula injection, and printable text")
    func exports() throws {
        let comparison = SchoolComparison(schools: schools(["S1", "S14"]), catalog: catalog, child: HandCatalog.child(),
                                          entry: .reception, priorities: ParentPriorities())
        let csv = comparison.grid.csv()
        #expect(csv.hasPrefix("measure,Near Primary,\"'=HYPERLINK(\"\"http://x\"\")\",best\n"))
        #expect(csv.contains("Distance (straight line),640 m,800 m,Near Primary\n"))
        let markdown = comparison.grid.markdown()
        #expect(markdown.hasPrefix("## Schools compared for Amy\n\n| Measure | Near Primary | =HYPERLINK(\"http://x\") |\n| --- | --- | --- |\n"))
        #expect(markdown.contains("| Distance (straight line) | 640 m ★ | 800 m |"))
        let text = comparison.grid.text(width: 80)
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        #expect(text.contains("Near Primary"))

        let table = ExportTable(title: "t", headers: ["a", "b"], rows: [["=1+1", "+cmd"], ["-2+3", "@SUM(A1)"], ["\tx", "-0.23"], ["ok", "|pipe|"]])
        #expect(table.csv() == "a,b\n'=1+1,'+cmd\n'-2+3,'@SUM(A1)\n␉x,'-0.23\nok,|pipe|\n")
        #expect(table.markdown().contains("| ok | \\|pipe\\| |"))

        let preferences = try review(["S8", "S1", "S4"]).exportTable()
        #expect(preferences.headers == ["Rank", "School", "ID", "Distance", "Chance"])
        #expect(preferences.rows[1] == ["2", "Near Primary", "S1", "640 m", "Likely: You live 640 m away; last year places went up to 1,180 m."])
        #expect(preferences.notes.first == PreferenceReview.equalPreference)
    }
}
