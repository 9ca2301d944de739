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
        #expect(driver.text.contains("Kingsmere Waste and Recycling Collection"))
        #expect(driver.listProviders.count == 1)
    }

    @Test("lists have columns that fit the kind", arguments: [
        (ProviderKind.school, ["Type", "Phase", "Ofsted", "Results"]),
        (.care, ["Service", "CQC", "Price"]),
        (.gp, ["Accepting", "Patients", "Survey", "CQC"]),
    ])
    func columnsFitTheKind(kind: ProviderKind, titles: [String]) {
        var driver = Driver(width: 120, height: 40)
        driver.state.size = Size(width: 119, height: 40) // one list, no side pane: room for every column
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
        #expect(driver.state.keyContext == .textEntry)
        driver.type("prim")
        let primaries = driver.listProviders.count
        #expect(primaries < all && primaries > 0)
        #expect(driver.listProviders.allSatisfy { provider in
            [provider.name, provider.organisation, provider.town].joined(separator: " ").lowercased().contains("prim")
        })
        #expect(driver.text.contains("Search: prim"))
        #expect(driver.text.contains("\(primaries) matches"))
        driver.type(" zzzz")
        #expect(driver.listProviders.isEmpty)
        driver.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(driver.listProviders.count == primaries)
        driver.press(.enter)
        #expect(driver.state.keyContext == .list)
        #expect(driver.text.contains("search \"prim\""))
        // n and N move between matches; Esc while typing restores the previous search.
        driver.press(.character("n"))
        #expect(driver.list?.selected == 1)
        driver.press(.character("N"), .character("N"))
        #expect(driver.list?.selected == primaries - 1)
        driver.press(.character("/"))
        driver.type("x")
        driver.press(.escape)
        #expect(driver.list?.query.text == "prim")
    }

    @Test func typedLettersAreTextNotCommandsWhileSearching() {
        var driver = Driver()
        driver.openList(.gp)
        driver.press(.character("/"))
        driver.type("fsq")
        #expect(driver.state.overlay == nil)
        #expect(driver.list?.search?.text == "fsq")
        #expect(driver.state.isRunning)
    }

    @Test func filterPanelChangesTheResults() throws {
        var driver = Driver()
        driver.openList(.care)
        let all = driver.listProviders.count
        driver.press(.character("f"))
        #expect(driver.text.contains("Filters — \(all) match"))
        // Move to "CQC rating at least" and raise it to Good.
        while case .filters(let panel)? = driver.state.overlay, FilterPanel.controls(for: .care)[panel.selected] != .minimumCQC {
            driver.press(.down)
        }
        driver.press(.right, .right)
        let good = driver.listProviders.count
        #expect(good < all)
        #expect(driver.listProviders.allSatisfy { ($0.care?.assessment.overall ?? .inadequate) >= .good })
        #expect(driver.text.contains("◂ Good ▸"))
        driver.press(.escape)
        #expect(driver.state.overlay == nil)
        #expect(driver.text.contains("1 filter on"))
        driver.press(.character("c"))
        #expect(driver.listProviders.count == all)
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

    @Test func homePostcodeAddsDistancesAndAWithinFilter() throws {
        var driver = Driver()
        let postcode = try #require(Driver.catalog.manifest.postcodes.first?.postcode)
        driver.openList(.school)
        driver.press(.character("h"))
        driver.type(postcode.lowercased())
        driver.press(.enter)
        #expect(driver.effects.contains(.saveHomePostcode(postcode)))
        #expect(driver.lines[2].contains("Distance"))
        #expect(driver.text.contains("from \(postcode)"))
        let home = try #require(Driver.catalog.postcode(postcode))
        let distances = driver.listProviders.map { $0.location.distance(to: home.location) }
        #expect(distances == distances.sorted())
        // An unknown postcode is refused with a message, and nothing is saved.
        driver.press(.character("h"))
        driver.press(.control("u"))
        driver.type("ZZ9 9ZZ")
        driver.press(.enter)
        #expect(driver.text.contains("\"ZZ9 9ZZ\" is not a postcode in Kingsmere"))
        #expect(!driver.effects.contains(.saveHomePostcode("ZZ9 9ZZ")))
        driver.press(.escape)
        // "Within" now works in the filter panel.
        driver.press(.character("f"))
        driver.press(.right, .right, .right) // 500 m, 1 km, 2 km
        #expect(driver.listProviders.allSatisfy { $0.location.distance(to: home.location) <= 2_001 })
    }

    @Test func detailExplainsRatingsAndShowsMissingDataAsNotPublished() throws {
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

    @Test func spaceMarksAndTheShortlistShowsThem() throws {
        var driver = Driver()
        driver.openList(.gp)
        let first = try #require(driver.listProviders.first)
        driver.press(.character(" "))
        #expect(driver.effects == [.addToShortlist(id: first.id, kind: "gp")])
        #expect(driver.lines[3].hasPrefix("✓"))
        driver.press(.character("v"))
        #expect(driver.text.contains("Your shortlist"))
        #expect(driver.text.contains(first.name))
        driver.press(.character("x"))
        #expect(driver.effects.last == .removeFromShortlist(id: first.id))
        #expect(driver.text.contains("Nothing here yet"))
    }

    @Test func shortlistFromAnEarlierRunIsShown() throws {
        let id = try #require(Driver.catalog.providers(of: .care).first?.id)
        var driver = Driver(shortlist: [id, "NO-SUCH-ID"])
        #expect(driver.state.shortlist == [id])
        driver.press(.character("v"))
        #expect(driver.text.contains(Driver.catalog.provider(id: id)?.name ?? "?"))
    }

    @Test func helpListsTheKeysOfThatScreen() {
        var driver = Driver()
        driver.press(.character("?"))
        #expect(driver.text.contains("Keys on this screen"))
        #expect(driver.text.contains("set your home postcode"))
        driver.press(.escape)
        driver.openList(.school)
        driver.press(.character("?"))
        let listHelp = driver.text
        for binding in Keymap.bindings(for: .list) {
            // Long entries wrap inside their column; their start is on one line.
            #expect(listHelp.contains(binding.keyLabel + " "), "help lacks \(binding.keyLabel)")
            #expect(listHelp.contains(String(binding.help.prefix(14))), "help lacks \(binding.help)")
        }
        driver.press(.escape, .enter, .character("?"))
        #expect(driver.text.contains("mark for your shortlist"))
        #expect(!driver.text.contains("search names"))
    }

    @Test func statusLineHintsComeFromTheKeymap() {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.care)
        let status = driver.lines[39]
        #expect(status.contains("/ search"))
        #expect(status.contains("f filter"))
        #expect(status.contains("Space mark"))
    }

    @Test func keysThatDoNothingSaySo() {
        var driver = Driver()
        driver.press(.character("z"))
        #expect(driver.text.contains("\"z\" does nothing here — press ? for the keys of this screen"))
    }

    @Test func quitAndBack() {
        var driver = Driver()
        driver.openList(.school)
        driver.press(.character("q"))
        #expect(driver.state.page == .home)
        driver.press(.character("q"))
        #expect(!driver.state.isRunning)
        var other = Driver()
        other.openList(.care)
        other.press(.enter)
        other.press(.control("c"))
        #expect(!other.state.isRunning)
    }

    @Test func aboutNamesTheDataSources() {
        var driver = Driver(width: 100, height: 60)
        driver.press(.character("a"))
        let text = driver.text
        #expect(text.contains("Where the data comes from"))
        #expect(text.contains("Get Information About Schools"))
        #expect(text.contains("CQC care directory"))
        #expect(text.contains("Fictional sample data"))
    }
}
