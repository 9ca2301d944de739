import AgoraUI
import ChoiceKit
import Testing

@Suite("Layout, resizing, mouse and themes")
struct LayoutTests {
    @Test func wideWindowsShowTheSelectedProviderBesideTheList() throws {
        var driver = Driver(width: 160, height: 40)
        driver.openList(.gp)
        let first = try #require(driver.listProviders.first)
        #expect(driver.text.contains("│ \(first.name)"))
        #expect(driver.text.contains("Space adds it to your shortlist"))
        #expect(!driver.text.contains("Press m"))
        driver.press(.down)
        let second = try #require(driver.listProviders.dropFirst().first)
        #expect(driver.text.contains("│ \(second.name)"))
    }

    @Test("wider windows never show fewer list columns", arguments: [ProviderKind.school, .care, .gp, .other])
    func widerWindowsNeverShowFewerColumns(kind: ProviderKind) {
        var previous = 0
        for width in stride(from: 60, through: 240, by: 4) {
            var driver = Driver(width: width, height: 30)
            if kind == .other {
                driver.press(.down, .down, .down, .enter, .enter) // Waste and recycling: its page, then its providers
            } else {
                driver.openList(kind)
            }
            guard let list = driver.list else { continue }
            let header = driver.lines[list.title(in: driver.state.context).count + 2 > width ? 3 : 2]
            let shown = ListColumns.forKind(kind).filter { header.contains($0.title) }.count
            #expect(shown >= previous, "\(kind) at \(width) columns shows \(shown), narrower showed \(previous)")
            previous = shown
        }
        #expect(previous == ListColumns.forKind(kind).count)
    }

    /// The home page's explanation of a service: whole in a large window; in a small one its last
    /// row says where the rest is instead of stopping mid-thought.
    @Test func theHomePagesExplanationSaysWhereTheRestIs() {
        let small = Driver(width: 80, height: 24).text
        #expect(small.contains("… press i for all of it"))
        #expect(!small.contains("Press Enter to see them"))
        let large = Driver(width: 120, height: 40).text
        #expect(large.contains("Press Enter to see them, i for who buys and who holds the market."))
        #expect(!large.contains("press i for all of it"))
    }

    @Test func theSummaryIsNeverCutByTheRowCounter() {
        var driver = Driver(width: 80, height: 24, postcode: "KM1 9UY")
        driver.openList(.school)
        driver.press(.character("/"))
        driver.type("primary")
        driver.press(.enter)
        let summary = driver.lines[1] + driver.lines[2]
        #expect(summary.contains("from KM1 9UY"))
        #expect(summary.contains("rows 1–"))
        #expect(!summary.contains("…"))
    }

    @Test func namesakesShowTheirTownSoRowsCanBeToldApart() {
        let names = Driver.catalog.providers.map(\.name)
        let repeated = Set(names.filter { name in names.filter { $0 == name }.count > 1 })
        for provider in Driver.catalog.providers where repeated.contains(provider.name) {
            #expect(ListColumns.name.value(provider, Driver.catalog).contains("(\(provider.town))"))
        }
    }

    @Test func resizeRelaysOutAtOnceAndKeepsTheCursorInView() throws {
        var driver = Driver(width: 120, height: 40)
        driver.openList(.gp)
        driver.resize(80, 24)
        #expect(driver.screen.size == Size(width: 80, height: 24))
        #expect(!driver.text.contains("│ "))
        #expect(driver.lines.allSatisfy { $0.count == 80 })
        driver.resize(120, 40)
        driver.press(.end)
        driver.resize(70, 20)
        let list = try #require(driver.list)
        let top = list.table.cursor.viewport.top
        #expect(list.table.cursor.selected >= top && list.table.cursor.selected < top + 15)
        let last = try #require(driver.listProviders.last)
        #expect(driver.text.contains(String(last.name.prefix(10))))
    }

    @Test func theTitleBarAlwaysNamesThePageYouAreOn() throws {
        var driver = Driver(width: 60, height: 18)
        driver.openList(.school)
        let name = try #require(driver.listProviders.first?.name)
        driver.press(.enter)
        #expect(driver.lines[0].contains("Agora › … › \(name.prefix(12))"))
    }

    @Test func belowTheMinimumItAsksPolitely() {
        var driver = Driver()
        driver.resize(59, 17)
        #expect(driver.text.contains("Please make this window larger."))
        #expect(driver.text.contains("at least 60×18"))
        driver.resize(60, 18)
        #expect(!driver.text.contains("Please make this window larger."))
        #expect(driver.text.contains("Schools"))
    }

    @Test func theHomeMenuCursorStaysOnScreenAtSixtyByEighteen() throws {
        var driver = Driver(width: 60, height: 18)
        for _ in 0..<20 {
            driver.press(.down)
            let home = try #require(driver.state.topPage(as: HomeFeature.self))
            _ = home
            #expect(driver.lines.contains { $0.contains("▸ ") }, "the selected item is drawn")
        }
        #expect(driver.text.contains("About Agora and the data"))
    }

    @Test func clickSelectsAndClickingAgainOpens() throws {
        var driver = Driver()
        driver.openList(.care)
        driver.click(5, 5)
        #expect(driver.list?.table.cursor.selected == 2)
        let chosen = try #require(driver.listProviders.dropFirst(2).first)
        driver.click(5, 5)
        #expect(driver.state.topPage(as: DetailFeature.self)?.providerID == chosen.id)
        driver.send(.mouse(MouseEvent(x: 5, y: 5, kind: .wheelDown)))
        #expect(driver.state.topPage(as: DetailFeature.self)?.viewport.top == 1)
    }

    @Test func aClickOnAKeyInTheBottomLinePressesIt() throws {
        var driver = Driver()
        driver.openList(.care)
        driver.click(5, 5)
        driver.click(5, 5)
        #expect(driver.state.topPage(as: DetailFeature.self) != nil)
        let bottom = try #require(driver.lines.last)
        let back = try #require(bottom.range(of: "Esc back"))
        driver.click(bottom.distance(from: bottom.startIndex, to: back.lowerBound) + 2, driver.lines.count - 1)
        #expect(driver.state.topPage(as: DetailFeature.self) == nil, "a mouse user can go back")
        #expect(driver.list != nil)
        // Between hints, nothing happens.
        let line = try #require(driver.lines.last)
        driver.click(line.count - 1, driver.lines.count - 1)
        #expect(driver.list != nil)
    }

    @Test func wheelScrollsTheList() {
        var driver = Driver()
        driver.openList(.school)
        for _ in 0..<10 { driver.send(.mouse(MouseEvent(x: 3, y: 6, kind: .wheelDown))) }
        #expect(driver.list?.table.cursor.selected == 30)
        #expect((driver.list?.table.cursor.viewport.top ?? 0) > 0)
    }

    @Test func clicksOnTheHomeMenuLandOnWhatIsDrawn() throws {
        var driver = Driver()
        let row = try #require(driver.row(containing: "Care for older people"))
        driver.click(4, row)
        #expect(driver.lines[row].contains("▸ Care for older people"))
        driver.click(30, row)
        #expect(driver.list?.key.kind == .care)
    }

    @Test func clicksOnTheShortlistCountTheScrolledRows() throws {
        let ids = Driver.catalog.providers(of: .care).prefix(40).map(\.id)
        var driver = Driver(shortlist: ids)
        driver.press(.character("v"))
        driver.press(.end)
        let last = try #require(Driver.catalog.provider(id: ids[39]))
        let row = try #require(driver.row(containing: last.name))
        let before = try #require(driver.row(containing: Driver.catalog.provider(id: ids[38])?.name ?? "?"))
        driver.click(10, before)
        #expect(driver.state.topPage(as: ShortlistFeature.self)?.table.cursor.selected == 38)
        driver.click(10, row)
        driver.click(10, row)
        #expect(driver.state.topPage(as: DetailFeature.self)?.providerID == ids[39])
    }

    @Test func clicksTickFiltersAndChooseSorts() throws {
        var driver = Driver()
        driver.openList(.care)
        let all = driver.listProviders.count
        driver.press(.character("f"))
        let row = try #require(driver.row(containing: "Takes direct payments"))
        driver.click(70, row)
        driver.click(70, row)
        #expect(driver.list?.query.filters.acceptsDirectPaymentsOnly == true)
        #expect(driver.listProviders.count < all)
        driver.click(1, 5)
        #expect(driver.list?.panel == nil)
        driver.press(.character("s"))
        let ratingRow = try #require(driver.row(containing: "Rating"))
        driver.click(40, ratingRow)
        #expect(driver.list?.sortMenu == nil)
        #expect(driver.list?.query.sort.field == .rating)
    }

    @Test func monochromeRowsHaveNoMarkOnUnmarkedProviders() throws {
        var driver = Driver(theme: .mono)
        driver.openList(.gp)
        let screen = driver.screen
        for y in 4..<20 where screen[0, y].text == " " {
            #expect(screen[0, y].role != .marked, "row \(y) has a marked blank cell")
        }
    }

    @Test func monochromeThemeUsesNoColourAndKeepsMeaning() {
        for role in Role.allCases {
            let look = Theme.appearance(of: role, in: .mono)
            #expect(look.foreground == .terminal && look.background == .terminal)
        }
        #expect(Theme.appearance(of: .selected, in: .mono).reverse)
        #expect(Theme.appearance(of: .bad, in: .mono).bold)
        #expect(Theme.appearance(of: .selected, in: .highContrast).background == .yellow)
    }

    @Test func themeKeyCyclesAndIsSaved() {
        var driver = Driver()
        driver.press(.character("t"))
        #expect(driver.state.context.theme == .highContrast)
        #expect(driver.writes == [.setTheme(.highContrast)])
    }
}
