import AgoraUI
import ChoiceKit
import Testing

@Suite("Browsing providers in the full-screen view")
struct BrowsingTests {
    @Test func homeNamesTheAreaTheServicesAndWhoPays() {
        let driver = Driver()
        let text = driver.text
        #expect(text.contains("Agora › Kingsmere"))
        #expect(text.contains("fictional sample data"))
        for service in ["Schools (68)", "Care for older people", "GP practices", "Waste and recycling", "Probation", "Employment support"] {
            #expect(text.contains(service), "home lacks \(service)")
        }
        #expect(text.contains("Who pays: The Department for"))
        #expect(text.contains("Your say: You choose"))
    }

    @Test func eachOtherServiceSaysWhoProvidesIt() {
        var driver = Driver(width: 120, height: 40)
        for _ in 0..<3 { driver.press(.down) }
        #expect(driver.text.contains("Who pays: The council contracts a company"))
        driver.press(.enter)
        #expect(driver.text.contains("Integrated Waste Collection Contract"), "the service page: contracts")
        #expect(driver.text.contains("Garden waste collection"), "what a resident can add")
        driver.press(.enter)
        #expect(driver.text.contains("Kingsmere Waste and Recycling Collection"))
        #expect(driver.listProviders.count == 1)
    }

    @Test("lists have columns that fit the kind", arguments: [
        (ProviderKind.school, ["Ofsted", "Results", "Phase", "Type"]),
        (.care, ["Service", "CQC", "Price", "Council", "Vacancies"]),
        (.gp, ["Accepting", "Patients", "Survey", "CQC"]),
    ])
    func columnsFitTheKind(kind: ProviderKind, titles: [String]) {
        var driver = Driver(width: 200, height: 40)
        driver.openList(kind)
        let header = driver.lines[2]
        for title in titles { #expect(header.contains(title), "\(kind) header \(header) lacks \(title)") }
        #expect(driver.listProviders.count == Driver.catalog.count(of: kind))
    }

    @Test func searchNarrowsTheListAsYouType() throws {
        var driver = Driver()
        driver.openList(.school)
        let all = driver.listProviders.count
        driver.press(.character("/"))
        #expect(driver.state.top.capturesText)
        driver.type("prim")
        let primaries = driver.listProviders.count
        #expect(primaries < all && primaries > 0)
        #expect(driver.text.contains("Search: prim"))
        #expect(driver.text.contains("\(primaries) matches"))
        driver.type(" zzzz")
        #expect(driver.listProviders.isEmpty)
        for _ in 0..<5 { driver.press(.backspace) }
        #expect(driver.listProviders.count == primaries)
        driver.press(.enter)
        #expect(!driver.state.top.capturesText)
        #expect(driver.text.contains("search \"prim\""))
        driver.press(.character("n"))
        #expect(driver.list?.table.cursor.selected == 1)
        driver.press(.character("N"), .character("N"))
        #expect(driver.list?.table.cursor.selected == primaries - 1)
        driver.press(.character("/"))
        driver.type("x")
        driver.press(.escape)
        #expect(driver.list?.query.text == "prim")
    }

    @Test func typedLettersAreTextNotCommandsWhileSearching() {
        var driver = Driver()
        driver.openList(.gp)
        driver.press(.character("/"))
        driver.type("fsqhv?a")
        #expect(driver.list?.search?.text == "fsqhv?a")
        #expect(driver.list?.panel == nil)
        #expect(driver.state.overlays.isEmpty)
        #expect(driver.state.isRunning)
    }

    @Test func pastingAWholePageIntoSearchStopsAtTheCap() {
        var driver = Driver()
        driver.openList(.school)
        driver.press(.character("/"))
        driver.type(String(repeating: "a", count: 2_000))
        #expect(driver.list?.search?.text.count == ProviderListFeature.searchLimit)
        #expect(driver.text.contains("That is as long as this field takes"))
    }

    @Test func filterPanelChangesTheResultsAndScrollsAtEightyByTwentyFour() throws {
        var driver = Driver()
        driver.openList(.care)
        let all = driver.listProviders.count
        driver.press(.character("f"))
        #expect(driver.text.contains("Filters — \(all) matches"))
        while let panel = driver.list?.panel, panel.controls[panel.cursor.selected] != .minimumCQC { driver.press(.down) }
        driver.press(.right, .right)
        let good = driver.listProviders.count
        #expect(good < all)
        #expect(driver.listProviders.allSatisfy { ($0.care?.assessment.overall ?? .inadequate) >= .good })
        #expect(driver.text.contains("◂ Good ▸"))
        // The panel is taller than 80×24: moving to its end scrolls it, and the last control shows.
        driver.press(.end)
        let panel = try #require(driver.list?.panel)
        #expect(panel.cursor.viewport.top > 0)
        let last = FilterPanel.describe(panel.controls[panel.controls.count - 1], ProviderFilters(), homeSet: false).label
        #expect(driver.text.contains(last))
        driver.press(.escape)
        #expect(driver.list?.panel == nil)
        #expect(driver.text.contains("1 filter on"))
        driver.press(.character("x"))
        #expect(driver.listProviders.count == all)
    }

    @Test func helpInsideTheFilterPanelListsItsOwnKeys() {
        var driver = Driver()
        driver.openList(.care)
        driver.press(.character("f"), .character("?"))
        #expect(driver.text.contains("tick or untick"))
        driver.press(.escape)
        #expect(driver.list?.panel != nil, "closing help leaves the panel open")
    }

    @Test func theVacanciesFilterSaysWhatItCovers() {
        var driver = Driver()
        driver.openList(.care)
        driver.press(.character("f"))
        while let panel = driver.list?.panel, panel.controls[panel.cursor.selected] != .vacancies { driver.press(.down) }
        #expect(driver.text.contains("Care homes with vacancies"))
        #expect(driver.text.contains("Only care homes report vacancies"))
    }

    @Test func sortMenuSortsAndReverses() {
        var driver = Driver()
        driver.openList(.gp)
        driver.press(.character("s"))
        #expect(driver.text.contains("Sort by"))
        driver.press(.down, .down) // name, distance, rating
        driver.press(.enter)
        let ratings = driver.listProviders.compactMap { RatingOrder.key(for: $0) }
        #expect(ratings == ratings.sorted(by: >))
        #expect(driver.text.contains("by rating"))
        driver.press(.character("S"))
        #expect(driver.text.contains("by rating reversed"))
    }

    @Test func resultsSortOnlyComparesLikeWithLike() {
        var driver = Driver()
        driver.openList(.school)
        driver.press(.character("s"))
        while driver.list?.sortMenu?.selected != SortField.available(for: .school).firstIndex(of: .attainment8) { driver.press(.down) }
        #expect(driver.text.contains("GCSE Attainment 8 score"))
        driver.press(.enter)
        let providers = driver.listProviders
        let scored = providers.prefix { $0.school?.ks4Attainment8 != nil }
        #expect(!scored.isEmpty)
        #expect(providers.dropFirst(scored.count).allSatisfy { $0.school?.ks4Attainment8 == nil },
                "schools without Attainment 8 come after every school with one")
        let scores = scored.compactMap { $0.school?.ks4Attainment8 }
        #expect(scores == scores.sorted(by: >))
    }

    @Test func costSortComparesAWeekOfCare() {
        var driver = Driver()
        driver.openList(.care)
        driver.press(.character("s"))
        while driver.list?.sortMenu?.selected != SortField.available(for: .care).firstIndex(of: .cost) { driver.press(.down) }
        driver.press(.enter)
        let weekly = driver.listProviders.compactMap { $0.care.flatMap(WeeklyCost.of) }
        #expect(weekly.count > 5)
        #expect(weekly == weekly.sorted())
        #expect(driver.text.contains("cost of a week") || driver.text.contains("cost a week"))
    }

    @Test func homePostcodeAddsDistancesAndAWithinFilter() throws {
        var driver = Driver()
        let postcode = try #require(Driver.catalog.manifest.postcodes.first?.postcode)
        driver.openList(.school)
        driver.press(.character("h"))
        driver.press(.control("u"))
        driver.type(postcode.lowercased())
        driver.press(.enter)
        #expect(driver.writes.contains(.setHomePostcode(postcode)))
        #expect(driver.lines[2].contains("Distance"))
        #expect(driver.text.contains("from \(postcode)"))
        let home = try #require(Driver.catalog.postcode(postcode))
        let distances = driver.listProviders.map { $0.location.distance(to: home.location) }
        #expect(distances == distances.sorted())
        // An unknown postcode is refused beside the field, and nothing is saved.
        driver.press(.character("h"))
        driver.press(.control("u"))
        driver.type("ZZ9 9ZZ")
        driver.press(.enter)
        #expect(driver.text.contains("ZZ9 9ZZ is not in Kingsmere"))
        #expect(!driver.writes.contains(.setHomePostcode("ZZ9 9ZZ")))
        driver.press(.escape, .character("y"))
        #expect(driver.state.overlays.isEmpty)
        #expect(driver.state.context.home?.postcode == postcode)
        driver.press(.character("f"))
        driver.press(.right, .right, .right) // 500 m, 1 km, 2 km
        #expect(driver.listProviders.allSatisfy { $0.location.distance(to: home.location) <= 2_001 })
    }

    @Test func detailExplainsRatingsAndShowsMissingDataInWords() throws {
        var driver = Driver(width: 100, height: 60)
        driver.openList(.school)
        let index = try #require(driver.listProviders.firstIndex { provider in
            if case .historical = provider.school?.inspection { return provider.school?.ks4Progress8 == nil && provider.school?.phase == .secondary }
            return false
        })
        for _ in 0..<index { driver.press(.down) }
        driver.press(.enter)
        let text = driver.text
        #expect(text.contains("(historical)"))
        #expect(text.contains("before Ofsted stopped single-word grades"))
        #expect(text.contains("Progress 8"))
        #expect(text.contains("not published"))
        #expect(text.contains("as of"))
        driver.press(.escape)
        #expect(driver.list != nil)
    }

    @Test("details scroll to their very end", arguments: [(80, 24), (60, 18), (120, 40)])
    func detailsScrollToTheEnd(width: Int, height: Int) throws {
        for kind in [ProviderKind.school, .care, .gp] {
            var driver = Driver(width: width, height: height)
            driver.openList(kind)
            driver.press(.enter)
            driver.press(.end)
            #expect(driver.text.contains("— end —"), "\(kind) at \(width)×\(height)")
            #expect(driver.text.contains("Data: Fictional sample data"), "\(kind) at \(width)×\(height): last line not reached")
            driver.press(.home)
            for _ in 0..<40 { driver.press(.pageDown) }
            #expect(driver.text.contains("Data: Fictional sample data"))
        }
    }

    @Test func longLabelsWrapInsteadOfBeingCut() {
        var driver = Driver(width: 80, height: 60)
        driver.openList(.school)
        driver.press(.enter)
        let text = driver.text
        #expect(!text.contains("Personal development and …"))
        #expect(!text.contains("Places in the starting ye…"))
        #expect(text.contains("Places in the starting"))
    }

    @Test func spaceMarksWithoutMovingAndAgainUnmarks() throws {
        var driver = Driver()
        driver.openList(.gp)
        let first = try #require(driver.listProviders.first)
        driver.press(.character(" "))
        #expect(driver.writes == [.addToShortlist(providerID: first.id, kind: .gp)])
        #expect(driver.list?.table.cursor.selected == 0)
        #expect(driver.lines[3].hasPrefix("✓"))
        driver.press(.character(" "))
        #expect(driver.writes.last == .removeFromShortlist(providerID: first.id))
        #expect(!driver.state.context.isShortlisted(first.id))
        // m marks too, as it does on a provider's page.
        driver.press(.character("m"))
        #expect(driver.writes.last == .addToShortlist(providerID: first.id, kind: .gp))
        #expect(driver.text.contains("Your shortlist") == false, "m stays on the list")
    }

    @Test func theShortlistShowsMarkedProvidersAndRemovesThem() throws {
        var driver = Driver()
        driver.openList(.gp)
        let first = try #require(driver.listProviders.first)
        driver.press(.character(" "))
        driver.press(.character("v"))
        #expect(driver.effects.contains(.reloadShortlist))
        #expect(driver.text.contains("Your shortlist"))
        #expect(driver.text.contains(first.name))
        driver.press(.character("x"))
        #expect(driver.writes.last == .removeFromShortlist(providerID: first.id))
        #expect(driver.text.contains("Nothing here yet"))
    }

    @Test func shortlistFromAnEarlierRunIsShown() throws {
        let id = try #require(Driver.catalog.providers(of: .care).first?.id)
        var driver = Driver(shortlist: [id, "NO-SUCH-ID"])
        #expect(driver.state.context.shortlist == [id])
        driver.press(.character("v"))
        #expect(driver.text.contains(Driver.catalog.provider(id: id)?.name ?? "?"))
    }

    /// A shortlist of schools and a GP practice compares the schools, and says the practice was left out.
    @Test func comparingAMixedShortlistSaysWhatWasLeftOut() throws {
        let schools = Driver.catalog.providers(of: .school).prefix(2).map(\.id)
        let practice = try #require(Driver.catalog.providers(of: .gp).first?.id)
        var driver = Driver(shortlist: schools + [practice])
        driver.press(.character("v"), .character("c"))
        #expect(driver.state.topPage(as: ComparisonFeature.self) != nil)
        #expect(driver.text.contains("Compared your schools; 1 other shortlisted is another kind: select it, press c"), "whole at 80 columns")
    }

    /// A sort whose explanation does not fit the message line at 80 columns says where it is said whole.
    @Test func aLongSortExplanationPointsToTheSortMenu() throws {
        var driver = Driver()
        driver.openList(.care)
        let fields = SortField.available(for: .care)
        let start = fields.firstIndex(of: .name) ?? 0
        let cost = try #require(fields.firstIndex(of: .cost))
        driver.press(.character("s"))
        for _ in 0..<(cost - start) { driver.press(.down) }
        driver.press(.enter)
        #expect(driver.text.contains("Sorted by cost a week — press s to see how it compares"))
        driver.press(.character("s"))
        let flat = driver.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(flat.contains("10 hours of hourly care"), "the menu says it whole")
    }

    @Test func aboutWorksFromAnyPageAndNamesTheDataSources() {
        var driver = Driver(width: 100, height: 60)
        driver.openList(.gp)
        driver.press(.character("a"))
        let text = driver.text
        #expect(text.contains("Where the data comes from"))
        #expect(text.contains("Get Information About Schools"))
        #expect(text.contains("Fictional sample data"))
        driver.press(.escape)
        #expect(driver.list != nil)
    }

    @Test func aWalkInCentreSaysWhatAppliesToIt() throws {
        let walkIn = try #require(Driver.catalog.providers(of: .gp).first { $0.gp?.practiceType == .walkInCentre })
        let facts = ProviderFacts.sections(for: walkIn, in: Driver.catalog).flatMap(\.facts)
        let accepting = try #require(facts.first { $0.key == "accepting_new_patients" })
        #expect(accepting.text.contains("walk-in centre"))
        #expect(!facts.contains { $0.text == "not published" && $0.key == "organisation" })
    }

    @Test func probationSaysOnceThatThereIsNoContract() throws {
        let probation = try #require(Driver.catalog.providers(of: .other).first { $0.contract?.serviceID == "probation" && $0.contract?.contractName == nil })
        let facts = ProviderFacts.sections(for: probation, in: Driver.catalog).flatMap(\.facts)
        let contract = facts.filter { $0.key.hasPrefix("contract") }
        #expect(contract.count == 1)
        #expect(contract.first?.text.contains("no contract") == true)
    }

    @Test func pricesReadAsEnglish() throws {
        let hourly = try #require(Driver.catalog.providers(of: .care).first { $0.care?.priceUnit == .hour && $0.care?.selfFunderPrice != nil })
        let facts = ProviderFacts.sections(for: hourly, in: Driver.catalog).flatMap(\.facts)
        #expect(facts.first { $0.key == "price" }?.text.hasSuffix("an hour") == true)
    }

    @Test func oldCQCRatingsCarryAWarning() throws {
        let asOf = try #require(Driver.catalog.asOf("care"))
        let old = try #require(Driver.catalog.providers(of: .care).first { provider in
            guard let date = provider.care?.assessment.ratings?.reportDate else { return false }
            return ProviderMeasures.isStale(date, asOf: asOf)
        })
        let facts = ProviderFacts.sections(for: old, in: Driver.catalog).flatMap(\.facts)
        #expect(facts.first { $0.key == "cqc_report_date" }?.note?.contains("may not describe the service today") == true)
        let column = try #require(ListColumns.forKind(.care).first { $0.key == "cqc" })
        #expect(column.value(old, Driver.catalog).contains("("))
    }

    @Test func patientsPerGPAreRounded() {
        let gp = GPDetails(odsCode: "X", practiceType: .practice, primaryCareNetwork: nil, listSize: 8_700,
                           gpFullTimeEquivalent: Tenths(tenths: 34), acceptingNewPatients: true, catchment: nil,
                           surveyGoodExperience: nil, assessment: .notPublished, openingHours: nil, onlineServices: [])
        #expect(gp.patientsPerGP == 2_559) // 8,700 / 3.4 = 2,558.8…, rounded
    }
}
