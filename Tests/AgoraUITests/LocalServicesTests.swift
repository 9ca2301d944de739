import AgoraUI
import ChoiceKit
import Testing

@Suite("GP registration, service pages, the market and the map")
struct LocalServicesTests {
    static let catalog = Driver.catalog

    static func practices(where condition: (Provider, Manifest.PostcodeEntry) -> Bool) -> (Provider, Manifest.PostcodeEntry)? {
        for practice in catalog.providers(of: .gp) {
            for entry in catalog.manifest.postcodes where condition(practice, entry) { return (practice, entry) }
        }
        return nil
    }

    @Test func registrationInsideOutsideAndClosed() throws {
        let (inside, home) = try #require(Self.practices { practice, entry in
            practice.gp?.acceptingNewPatients == true && practice.gp?.catchment?.contains(entry.location) == true
        })
        let yes = GPRegistration.answer(inside, home: home, in: Self.catalog)
        #expect(yes.verdict == .yes && yes.alternatives.isEmpty)
        #expect(yes.reason.contains("inside its catchment area"))

        let (outside, away) = try #require(Self.practices { practice, entry in
            practice.gp?.acceptingNewPatients == true && practice.gp?.catchment?.contains(entry.location) == false
        })
        let maybe = GPRegistration.answer(outside, home: away, in: Self.catalog)
        #expect(maybe.verdict == .onlyIfTheyAgree)
        #expect(maybe.reason.contains("outside its catchment") && maybe.reason.contains("January 2015"))
        #expect(maybe.alternatives.allSatisfy { $0.provider.gp?.catchment?.contains(away.location) == true && $0.provider.gp?.acceptingNewPatients == true })

        let (closed, near) = try #require(Self.practices { practice, _ in practice.gp?.acceptingNewPatients == false })
        let notNow = GPRegistration.answer(closed, home: near, in: Self.catalog)
        #expect(notNow.verdict == .notNow && notNow.reason.contains("closed"))
        let distances = notNow.alternatives.map(\.metres)
        #expect(distances == distances.sorted(), "alternatives nearest first")
        #expect(!notNow.alternatives.contains { $0.provider.id == closed.id })
        #expect(RegistrationAnswer.rights.joined().contains("proof of address"))
    }

    @Test func coversHomeFilterKeepsOnlyPracticesWhoseCatchmentHasTheHome() throws {
        let home = try #require(Self.catalog.postcode("KM1 9UY"))
        var query = ProviderQuery(kind: .gp, origin: home.location)
        query.filters.coversHomeOnly = true
        let covering = Self.catalog.run(query).positions.map { Self.catalog.providers[Int($0)] }
        #expect(!covering.isEmpty)
        #expect(covering.allSatisfy { $0.gp?.catchment?.contains(home.location) == true })
        let all = Self.catalog.providers(of: .gp).filter { $0.gp?.catchment?.contains(home.location) == true }
        #expect(Set(covering.map(\.id)) == Set(all.map(\.id)))
    }

    @Test func theGPListHasACoversHomeColumnAndFilter() throws {
        var driver = Driver(width: 140, height: 40, postcode: "KM1 9UY")
        driver.openList(.gp)
        #expect(driver.lines[2].contains("Covers home"))
        driver.press(.character("f"))
        while let panel = driver.list?.panel, panel.controls[panel.cursor.selected] != .coversHome { driver.press(.down) }
        driver.press(.character(" "))
        let home = try #require(Self.catalog.postcode("KM1 9UY"))
        #expect(driver.listProviders.allSatisfy { $0.gp?.catchment?.contains(home.location) == true })
        driver.press(.escape, .enter)
        #expect(driver.text.contains("Can I register here?"))
        #expect(driver.text.contains("proof of address"))
    }

    @Test func everyServiceHasAPageNamingWhoBuysIt() throws {
        for service in Self.catalog.manifest.services {
            var driver = Driver(width: 120, height: 80)
            driver.state.context.push(ServiceFeature(serviceID: service.id))
            _ = Update.apply(.resize(Size(width: 120, height: 80)), to: &driver.state)
            let text = driver.text
            #expect(text.contains(service.name))
            for id in service.commissionerIDs {
                let name = try #require(Self.catalog.manifest.commissioner(id: id)?.name)
                #expect(text.contains(String(name.prefix(30))), "\(service.id) lacks \(name)")
            }
            #expect(text.contains("Your say"))
            #expect(text.contains("Who provides it here"))
        }
        // Services citizens do not choose open on their page from home.
        var driver = Driver(width: 120, height: 40)
        for _ in 0..<4 { driver.press(.down) }
        driver.press(.enter)
        #expect(driver.state.topPage(as: ServiceFeature.self)?.serviceID == "probation")
        #expect(driver.text.contains("no contract"))
    }

    @Test func servicesCitizensChooseSayHowTheyAreBoughtAndWhatCanBeAdded() {
        for (kind, says) in [(ProviderKind.school, "funding agreement"), (.care, "approved list"), (.gp, "GMS")] {
            guard let service = Self.catalog.manifest.services.first(where: { $0.kind == kind }) else {
                Issue.record("no \(kind) service")
                continue
            }
            var driver = Driver(width: 120, height: 80)
            driver.state.context.push(ServiceFeature(serviceID: service.id))
            _ = Update.apply(.resize(Size(width: 120, height: 80)), to: &driver.state)
            #expect(driver.text.contains("How it is bought") && driver.text.contains(says), "\(kind)")
            #expect(driver.text.contains("What you can add yourself"), "\(kind)")
        }
        var probation = Driver(width: 120, height: 80)
        probation.state.context.push(ServiceFeature(serviceID: "probation"))
        _ = Update.apply(.resize(Size(width: 120, height: 80)), to: &probation.state)
        #expect(probation.text.contains("Nothing to buy"))
    }

    @Test func aPracticeSaysHowToLearnWhetherItWouldRegisterYouWithoutAHomePostcode() throws {
        let practice = try #require(Self.catalog.providers(of: .gp).first)
        let sections = ProviderFacts.sections(for: practice, in: Self.catalog, home: nil)
        #expect(sections.first?.title == "Registering")
        #expect(sections.first?.facts.first?.text.contains("Give your home postcode") == true)
    }

    @Test func theMarketsReadingIsNeverCutAtEightyColumns() {
        for width in [60, 80] {
            var driver = Driver(width: width, height: width == 60 ? 18 : 24)
            driver.openList(.gp)
            driver.press(.character("w"))
            let text = driver.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            #expect(text.contains("a concentrated market") || text.contains("not concentrated") || text.contains("highly concentrated"), "\(width)")
            #expect(text.contains("(HHI "), "the index is shown at \(width) columns")
        }
    }

    @Test func homeStaysVisibleBesideTheSelectedProvidersName() {
        for width in [80, 100] {
            var driver = Driver(width: width, height: 24, postcode: "KM1 9UY")
            driver.openList(.gp)
            driver.press(.character("M"))
            let map = driver.lines.dropFirst(2).dropLast(4).joined(separator: "\n")
            #expect(map.contains("⌂") || map.contains("●"), "home, or the selected provider on it, at \(width)")
            for _ in 0..<3 { driver.press(.character("n")) }
            #expect(driver.lines.dropFirst(2).dropLast(4).joined().contains("⌂"), "home drawn over names at \(width)")
        }
    }

    @Test func theListSaysHowManyRowsAreShown() throws {
        var driver = Driver(width: 80, height: 24)
        driver.openList(.school)
        let names = driver.listProviders.map { String($0.name.prefix(14)) }
        let shown = driver.lines.filter { line in names.contains { line.hasPrefix("  " + $0) || line.hasPrefix("▸ " + $0) || line.contains(" " + $0) } }.count
        #expect(shown > 10)
        #expect(driver.text.contains("rows 1–\(shown) of"), "\(shown) rows are drawn")
    }

    @Test func theMarketViewShowsSharesAndConcentration() {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.care)
        driver.press(.character("w"))
        let text = driver.text
        #expect(text.contains("care-home beds by organisation"))
        #expect(text.contains("organisations run"))
        #expect(text.contains("HHI"))
        #expect(text.contains("█") || text.contains("▏"))
        driver.press(.character("o"))
        #expect(driver.text.contains("by sector"))
        driver.press(.tab)
        #expect(driver.text.contains("Market: Waste and recycling"))
        #expect(driver.text.contains("contracts by sector"))
        var mono = Driver(width: 120, height: 40, theme: .mono)
        mono.openList(.care)
        mono.press(.character("w"))
        #expect(mono.text.contains("#") && !mono.text.contains("█"), "ASCII bars without colour")
    }

    @Test func aProviderDueEastOfHomeIsOnHomesRow() {
        let home = GeoPoint(latitude: 52.6, longitude: -1.1)
        let projection = LocalProjection(centre: home)
        let east = projection.point(east: 800, north: 0)
        let canvas = BrailleCanvas(width: 60, height: 20)
        let homeDot = MapState.dot(of: home, projection: projection, metresPerDot: 20, canvas: canvas)
        let eastDot = MapState.dot(of: east, projection: projection, metresPerDot: 20, canvas: canvas)
        #expect(homeDot.y == eastDot.y)
        #expect(eastDot.x - homeDot.x == 40)
        #expect(projection.direction(to: east) == "east")
        let north = projection.point(east: 0, north: 400)
        #expect(MapState.dot(of: north, projection: projection, metresPerDot: 20, canvas: canvas).y == homeDot.y - 20)
        // 10 m a dot is 20 m a cell: 500 m is 25 cells, the largest round distance within 25.
        let bar = MapState.scaleBar(metresPerDot: 10, maxCells: 25)
        #expect(bar.cells == 25 && bar.label == "500 m")
        #expect(MapState.scaleBar(metresPerDot: 10, maxCells: 24).label == "200 m")
    }

    @Test func brailleCellsEncodeTheirDots() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.set(0, 0)
        #expect(canvas.character(0, 0) == "\u{2801}")
        canvas.set(1, 3)
        #expect(canvas.character(0, 0) == "\u{2881}")
        for y in 0..<4 { for x in 2..<4 { canvas.set(x, y) } }
        #expect(canvas.character(1, 0) == "\u{28FF}")
        canvas.set(99, 99)
        #expect(!canvas.isSet(99, 99))
        var circle = BrailleCanvas(width: 20, height: 10)
        circle.circle(20, 20, radius: 8)
        #expect(circle.isSet(28, 20) && circle.isSet(12, 20) && circle.isSet(20, 12) && !circle.isSet(20, 20))
    }

    @Test func theMapFollowsTheListAndTheListFollowsTheMap() throws {
        var driver = Driver(width: 100, height: 30, postcode: "KM1 9UY")
        driver.openList(.gp)
        driver.press(.character("M"))
        #expect(driver.list?.map != nil)
        #expect(driver.text.contains("⌂ home") && driver.text.contains("● selected"))
        let first = try #require(driver.listProviders.first)
        #expect(driver.text.contains(String(first.name.prefix(10))))
        driver.press(.character("n"))
        #expect(driver.list?.table.cursor.selected == 1)
        let zoom = try #require(driver.list?.map?.zoom)
        driver.press(.character("+"))
        #expect(driver.list?.map?.zoom == zoom - 1)
        driver.press(.character("M"))
        #expect(driver.list?.map == nil)
        #expect(driver.list?.table.cursor.selected == 1, "the list follows the map")
    }

    /// Zoomed in, selected schools fall near the map's right edge: the name then goes to the
    /// left of the dot, whole, rather than cut to "Stanbridg…".
    @Test func theSelectedNameIsWholeNearTheRightEdge() throws {
        var driver = Driver(width: 80, height: 24, postcode: "KM1 5FZ")
        driver.openList(.school)
        driver.press(.character("M"), .character("+"), .character("+"))
        var checked = 0
        for _ in 0..<68 {
            driver.press(.character("n"))
            let list = try #require(driver.list)
            let name = driver.listProviders[list.table.cursor.selected].name
            guard let row = driver.lines.first(where: { $0.contains("●") && !$0.contains("● selected") }) else { continue }
            let dot = row.distance(from: row.startIndex, to: try #require(row.firstIndex(of: "●")))
            guard dot > 60 else { continue }
            #expect(row.contains(name), "\(name) at column \(dot): \(row)")
            checked += 1
        }
        #expect(checked > 0, "some school was selected near the right edge")
    }

    @Test func plainModeDescribesTheMap() {
        var session = PlainSessionTests.session(postcode: "KM1 9UY")
        _ = session.start()
        _ = session.respond(to: "3")
        let described = session.respond(to: "map").text
        #expect(described.contains("GP practice") && described.contains("of KM1 9UY"))
        #expect(described.contains("north") || described.contains("south") || described.contains("east") || described.contains("west"))
    }
}
